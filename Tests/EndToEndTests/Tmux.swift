import Foundation
import Testing
import TestSupport

/// A private tmux server with one pane, driven the way a person types.
///
/// The pane runs a small shell script: it saves the terminal settings, runs the command, prints
/// `EXIT=<status>`, saves the settings again and then hands the pane to an interactive shell.
final class Tmux {
    let socket = "resonance-test-\(UUID().uuidString.prefix(8))"
    let tmux: URL
    /// Where the script writes `stty.before` and `stty.after`.
    let folder: URL

    init?(width: Int, height: Int, command: String, term: String = "xterm-256color",
          environment: [String: String] = [:]) throws {
        guard let tmux = Processes.which("tmux") else { return nil }
        self.tmux = tmux
        folder = try Processes.temporaryFolder("resonance-tmux")
        var env = Processes.offline
        env["TERM"] = term
        for (k, v) in environment { env[k] = v }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let script = "stty -g > \(folder.path)/stty.before; \(command); echo EXIT=\\$?; "
            + "stty -g > \(folder.path)/stty.after; PS1='$ ' exec sh"
        let status = try Processes.run(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main",
                                              "-x", "\(width)", "-y", "\(height)",
                                              "env -i PATH=/usr/bin:/bin HOME=/tmp \(exports) sh -c \"\(script)\""],
                                       captureOutput: false, timeout: 10).status
        guard status == 0 else { return nil }
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

    /// Waits until the command has ended and returns its exit status line, e.g. `EXIT=0`; throws on timeout.
    func waitForExit(timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String? {
        let screen = try waitFor(timeout: timeout, sourceLocation: sourceLocation) { $0.contains("EXIT=") }
        // Terminals without an alternate screen (linux, vt100) leave the last frame around the line.
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("EXIT=") }),
              let start = line.range(of: "EXIT=") else { return nil }
        return "EXIT=" + line[start.upperBound...].prefix { $0.isNumber }
    }

    /// Whether the terminal settings after the command equal those before it.
    func settingsRestored() throws -> Bool {
        // The script writes the file just after printing EXIT=; give it a moment.
        let url = folder.appendingPathComponent("stty.after")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, ((try? String(contentsOf: url, encoding: .utf8)) ?? "").isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let before = try String(contentsOf: folder.appendingPathComponent("stty.before"), encoding: .utf8)
        let after = try String(contentsOf: folder.appendingPathComponent("stty.after"), encoding: .utf8)
        return !before.isEmpty && before == after
    }

    /// Whether the pane is on the alternate screen and whether its cursor shows, as tmux tracks them
    /// from what the program sent (`smcup`/`rmcup`, `civis`/`cnorm`).
    func modes() throws -> (alternateScreen: Bool, cursorVisible: Bool) {
        let flags = try run(["display-message", "-p", "-t", "main", "#{alternate_on} #{cursor_flag}"]).stdout
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (flags.first == "1", flags.dropFirst().first == "1")
    }

    /// What the program left wrong in the terminal after it ended, or nil when the terminal is as it was:
    /// the same `stty` settings, the normal screen, the cursor visible.
    func leftoverDamage() throws -> String? {
        if try !settingsRestored() { return "stty settings changed" }
        let modes = try modes()
        if modes.alternateScreen { return "still on the alternate screen" }
        if !modes.cursorVisible { return "cursor hidden" }
        return nil
    }

    /// Types a command into the shell that follows and waits for its evaluated answer.
    func shellAnswers() throws -> Bool {
        try type("echo shell-is-back-$((40+2))", enter: true)
        return try waitFor { $0.contains("shell-is-back-42") }.contains("shell-is-back-42")
    }

    /// A wait whose condition the screen never met.
    struct TimedOut: Error, CustomStringConvertible {
        var seconds: TimeInterval
        var lastScreen: String
        var sourceLocation: SourceLocation

        var description: String {
            "the screen waited for at \(sourceLocation) did not appear within \(seconds) s; the last screen was:\n\(lastScreen)"
        }
    }

    /// Waits until the screen satisfies a condition and returns that screen.
    ///
    /// Every wait is a check: one that times out throws `TimedOut` (naming the wait and the last screen),
    /// which fails the test.
    func waitFor(timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TimedOut(seconds: timeout, lastScreen: last, sourceLocation: sourceLocation)
    }
}
