import Foundation
import TestSupport

/// A private tmux server with one pane running a shell, driven the way a person types.
final class Tmux {
    let socket = "resonance-test-\(UUID().uuidString.prefix(8))"
    let tmux: URL

    init?(width: Int, height: Int, term: String = "xterm-256color", environment: [String: String] = [:]) throws {
        guard let tmux = Processes.which("tmux") else { return nil }
        self.tmux = tmux
        var env = ["TERM": term]
        for (k, v) in environment { env[k] = v }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        _ = try Processes.run(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                     "env -i PATH=/usr/bin:/bin HOME=/tmp \(exports) PS1='$ ' sh"], captureOutput: false, timeout: 10)
    }

    deinit { _ = try? run(["kill-server"]) }

    @discardableResult
    func run(_ arguments: [String]) throws -> Processes.Result {
        try Processes.run(tmux, ["-L", socket] + arguments)
    }

    /// Types text into the pane; `enter` presses Enter after it.
    func type(_ text: String, enter: Bool = false) throws {
        try run(["send-keys", "-t", "main", "-l", text])
        if enter { try run(["send-keys", "-t", "main", "Enter"]) }
    }

    /// Presses named keys (tmux names: Home, End, Left, C-c, ...).
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// The pane's text now.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", "main"]).stdout
    }

    /// Waits until the screen satisfies a condition, up to a timeout; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }
}
