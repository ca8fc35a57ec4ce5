import Foundation
import TestSupport
import Testing

/// The dashboard across terminal types, locales, resize storms and hang-ups, in tmux.
@Suite("Terminal types, locales and hang-ups (tmux)", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct TerminalMatrixTests {
    static let terms = ["xterm", "xterm-256color", "screen", "screen-256color", "tmux-256color", "linux", "vt100"]

    /// Runs the demo dashboard in a fresh pane, checks the first screen, quits with q and checks the shell.
    static func openAndQuit(term: String, environment: [String: String],
                            check: (String) -> Void = { _ in }) throws {
        let home = try Processes.temporaryFolder()
        let tmux = try #require(try Tmux(width: 120, height: 40,
                                         command: "RESONANCE_HOME=\(home.path) \(Processes.resonanceBinary.path) --demo",
                                         term: term, environment: environment))
        let first = try tmux.waitFor { $0.contains("Russell 2000 (^RUT)") && $0.contains("? help") }
        #expect(first.contains("Russell 2000 (^RUT)"), "TERM=\(term) \(environment): first screen:\n\(first)")
        #expect(first.contains("Bitcoin (BTC-USD)"))
        #expect(first.contains("H3 2020-05-11"), "TERM=\(term): halving label missing:\n\(first)")
        check(first)
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0", "TERM=\(term): the dashboard did not exit cleanly")
        #expect(try tmux.leftoverDamage() == nil, "TERM=\(term) after q")
        #expect(try tmux.shellAnswers(), "TERM=\(term): the shell did not answer after q")
    }

    static func hasBraille(_ screen: String) -> Bool {
        screen.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) }
    }

    @Test("the first screen is sane and q restores the terminal", arguments: terms)
    func termType(_ term: String) throws {
        try Self.openAndQuit(term: term, environment: ["LANG": "C.UTF-8"]) { screen in
            #expect(Self.hasBraille(screen), "TERM=\(term) with a UTF-8 locale should draw braille")
        }
    }

    /// A locale set-up and whether it should give UTF-8 glyphs.
    struct LocaleCase: Sendable, CustomTestStringConvertible {
        var environment: [String: String]
        var utf8: Bool
        var testDescription: String { environment.isEmpty ? "locale unset" : environment.map { "\($0)=\($1)" }.joined(separator: " ") }
    }

    static let locales: [LocaleCase] = [
        LocaleCase(environment: [:], utf8: false),
        LocaleCase(environment: ["LANG": "C"], utf8: false),
        LocaleCase(environment: ["LC_ALL": "C"], utf8: false),
        LocaleCase(environment: ["LANG": "C.UTF-8"], utf8: true),
        LocaleCase(environment: ["LC_CTYPE": "C.UTF-8"], utf8: true),
        // A name without ".UTF-8" that is still UTF-8 by its character set.
        LocaleCase(environment: ["LC_CTYPE": "C.utf8"], utf8: true),
        // A locale this machine lacks (as SSH forwards from a laptop): UTF-8 all the same.
        LocaleCase(environment: ["LANG": "xx_YY.UTF-8"], utf8: true),
        LocaleCase(environment: ["LANG": "C", "LC_CTYPE": "en_ZZ.UTF-8"], utf8: true),
    ]

    @Test("locales: UTF-8 draws braille, anything else ASCII, and q restores the terminal", arguments: locales)
    func locale(_ c: LocaleCase) throws {
        try Self.openAndQuit(term: "xterm-256color", environment: c.environment) { screen in
            #expect(Self.hasBraille(screen) == c.utf8, "\(c.testDescription):\n\(screen)")
            if !c.utf8 { #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in an ASCII locale:\n\(screen)") }
        }
    }

    @Test("dumb and unknown terminal types get a clear message and a failing exit status",
          arguments: [("dumb", "cannot address the cursor"), ("no-such-terminal", "unknown terminal type 'no-such-terminal'")])
    func unusableTerm(term: String, message: String) throws {
        let result = try Processes.run(URL(fileURLWithPath: "/usr/bin/env"),
                                       ["TERM=\(term)", Processes.resonanceBinary.path, "--demo"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("xterm-256color"), "the message should name a TERM to use: \(result.stderr)")
    }

    /// Seconds of resizing at 20 a second: 2 by default; `RESONANCE_FULL_STORM=1` runs the full 10.
    static var stormSeconds: Int { ProcessInfo.processInfo.environment["RESONANCE_FULL_STORM"] == "1" ? 10 : 2 }

    @Test("a resize storm (20 a second) neither crashes nor leaves garbage")
    func resizeStorm() throws {
        let tmux = try #require(try Tmux(width: 120, height: 40, command: "\(Processes.resonanceBinary.path) --demo",
                                         environment: ["LANG": "C.UTF-8"]))
        _ = try tmux.waitFor { $0.contains("? help") }
        // Seeded, so a storm that breaks the screen can be replayed with RESONANCE_SEED.
        let seed = FuzzBudget(quickCases: 1).seed
        var generator = SeededRandom(seed: seed)
        for _ in 0..<(20 * Self.stormSeconds) {
            let width = generator.int(20...200), height = generator.int(5...60)
            try tmux.run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
            Thread.sleep(forTimeInterval: 0.05)
        }
        try tmux.run(["resize-window", "-t", "main", "-x", "100", "-y", "30"])
        let settled = try tmux.waitFor { $0.contains("Russell 2000 (^RUT)") && $0.contains("? help") }
        let lines = settled.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("Resonance") == true, "after the storm (seed \(seed)):\n\(settled)")
        #expect(lines.allSatisfy { $0.count <= 100 }, "a line is wider than the pane:\n\(settled)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0", "the dashboard did not exit cleanly after the storm")
    }

    @Test("closing the terminal (SIGHUP) ends the dashboard: no orphan is left")
    func hangUpLeavesNoOrphan() throws {
        let marker = try Processes.temporaryFolder("resonance-hup")
        let tmux = try #require(try Tmux(width: 100, height: 30,
                                         command: "\(Processes.resonanceBinary.path) --demo --home \(marker.path)",
                                         environment: ["LANG": "C.UTF-8"]))
        _ = try tmux.waitFor { $0.contains("? help") }
        let started = try Self.processes(matching: marker.path)
        #expect(started > 0, "the dashboard did not start")
        try tmux.run(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, try Self.processes(matching: marker.path) > 0 { Thread.sleep(forTimeInterval: 0.1) }
        let left = try Self.processes(matching: marker.path)
        #expect(left == 0, "resonance still runs after its terminal closed")
    }

    /// How many processes have `text` in their command line.
    static func processes(matching text: String) throws -> Int {
        let result = try Processes.run(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-c", "-f", text])
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
