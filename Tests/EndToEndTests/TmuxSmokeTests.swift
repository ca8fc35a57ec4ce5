import Foundation
import TestSupport
import Testing

@Suite("The dashboard in a real terminal (tmux)", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct TmuxSmokeTests {
    @Test("import, open, zoom, jump to a marker, quit: the legend and a marker label show and the shell is sane after")
    func smoke() throws {
        let home = try SyntheticFiles.importedHome()
        let tmux = try #require(try Tmux(width: 120, height: 40,
                                         command: "\(Processes.resonanceBinary.path) --home \(home.path)",
                                         environment: ["LANG": "C.UTF-8"]))
        let first = try tmux.waitFor { $0.contains("Russell 2000 (^RUT)") && $0.contains("? help") }
        #expect(first.contains("Russell 2000 (^RUT)"), "first screen:\n\(first)")
        #expect(first.contains("Bitcoin (BTC-USD)"))
        #expect(first.contains("H3 2020-05-11"), "halving label missing:\n\(first)")
        #expect(first.contains("Breakouts (daily high"))

        try tmux.type("+++")
        try tmux.press("Home")
        try tmux.type("]")
        // Zoomed to about 19 months at the start, "]" jumps to the first marker: the 2016 halving.
        let zoomed = try tmux.waitFor { $0.contains("▸ 2016-07-09") }
        #expect(zoomed.contains("▸ 2016-07-09"), "the cursor should be on the 2016 halving:\n\(zoomed)")
        #expect(zoomed.contains("H2 2016-07-09"))
        #expect(!zoomed.contains("H4 2024-04-20"), "after zooming in the last halving should be off screen:\n\(zoomed)")

        try tmux.type("?")
        let help = try tmux.waitFor { $0.contains("zoom in around the cursor") }
        #expect(help.contains("zoom in around the cursor"))
        try tmux.press("Escape")
        let closed = try tmux.waitFor(timeout: 5) { !$0.contains("zoom in around the cursor") }
        #expect(!closed.contains("zoom in around the cursor"), "Esc should close the help:\n\(closed)")

        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
        #expect(try tmux.leftoverDamage() == nil, "after q")
        #expect(try tmux.shellAnswers(), "the shell did not answer after q")
    }

    @Test("Ctrl-Z gives the shell its terminal back, fg redraws the dashboard, and q still leaves it sane")
    func suspendAndResume() throws {
        // The pane ends in an interactive shell with job control; the dashboard is started from it.
        let tmux = try #require(try Tmux(width: 100, height: 30, command: "true", environment: ["LANG": "C.UTF-8"]))
        // The shell's prompt: "$ ", which the captured screen shows without its trailing space.
        _ = try tmux.waitFor { $0.split(separator: "\n").contains { $0.hasPrefix("$") } }
        try tmux.type("\(Processes.resonanceBinary.path) --demo", enter: true)
        let first = try tmux.waitFor { $0.contains("DEMO") && $0.contains("? help") }
        #expect(first.contains("Russell 2000"), "\(first)")
        try tmux.press("C-z")
        let shell = try tmux.waitFor { !$0.contains("? help") && $0.contains("$ ") }
        #expect(!shell.contains("? help"), "the dashboard is still on screen after Ctrl-Z:\n\(shell)")
        #expect(try tmux.modes().cursorVisible, "the shell should have its cursor back")
        try tmux.type("echo suspended-$((40+2))", enter: true)
        #expect(try tmux.waitFor { $0.contains("suspended-42") }.contains("suspended-42"), "the shell did not answer while suspended")
        try tmux.type("fg", enter: true)
        let back = try tmux.waitFor { $0.contains("DEMO") && $0.contains("? help") && $0.contains("Russell 2000") }
        #expect(back.contains("? help") && back.contains("Breakouts"), "fg should redraw the whole dashboard:\n\(back)")
        #expect(!back.contains("suspended-42"), "the redraw should cover the shell's lines:\n\(back)")
        try tmux.type("q")
        #expect(try tmux.waitFor { !$0.contains("? help") }.contains("$ "))
    }

    @Test("a --range outside the data shows all of it in the dashboard, and says so until a key")
    func rangeOutsideTheDataIsANotice() throws {
        let tmux = try #require(try Tmux(width: 160, height: 45,
                                         command: "\(Processes.resonanceBinary.path) --demo --range 2030-01-01..2030-12-31",
                                         environment: ["LANG": "C.UTF-8"]))
        let screen = try tmux.waitFor { $0.contains("is outside the data") }
        #expect(screen.contains("--range 2030-01-01..2030-12-31 is outside the data"), "\(screen)")
        #expect(screen.contains("2014-01-02 → 2026-08-21"), "\(screen)")
        try tmux.type("+")
        let after = try tmux.waitFor(timeout: 5) { !$0.contains("is outside the data") }
        #expect(!after.contains("is outside the data"))
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }

    @Test("below the minimum size it says so, and grows back into the dashboard")
    func tooSmallThenResize() throws {
        let tmux = try #require(try Tmux(width: 50, height: 12, command: "\(Processes.resonanceBinary.path) --demo",
                                         environment: ["LANG": "C.UTF-8"]))
        let small = try tmux.waitFor { $0.contains("need 60x16") }
        #expect(small.contains("terminal too small: need 60x16"), "\(small)")
        try tmux.run(["resize-window", "-t", "main", "-x", "100", "-y", "30"])
        let big = try tmux.waitFor { $0.contains("DEMO") && $0.contains("Russell 2000") }
        #expect(big.contains("Russell 2000"), "\(big)")
        try tmux.press("C-c")
        #expect(try tmux.waitForExit() == "EXIT=0")
        #expect(try tmux.leftoverDamage() == nil, "after Ctrl-C")
        #expect(try tmux.shellAnswers())
    }

    @Test("SIGTERM and SIGHUP end the dashboard and leave the terminal sane", arguments: ["TERM", "HUP"])
    func signals(_ signal: String) throws {
        let marker = "--quiet-days 25\(signal == "TERM" ? 1 : 2)"
        let tmux = try #require(try Tmux(width: 100, height: 30,
                                         command: "\(Processes.resonanceBinary.path) --demo \(marker)",
                                         environment: ["LANG": "C.UTF-8"]))
        _ = try tmux.waitFor { $0.contains("DEMO") && $0.contains("? help") }
        _ = try Processes.run(URL(fileURLWithPath: "/usr/bin/pkill"), ["-\(signal)", "-f", "^\(Processes.resonanceBinary.path) --demo \(marker)"])
        let exit = try tmux.waitForExit()
        #expect(exit == "EXIT=\(signal == "TERM" ? 143 : 129)", "SIG\(signal) ended with \(exit ?? "no exit")")
        #expect(try tmux.leftoverDamage() == nil, "after SIG\(signal)")
        #expect(try tmux.shellAnswers())
    }

    @Test("an error after the terminal was taken (a broken user theme) prints on the normal screen and restores it")
    func errorAfterStart() throws {
        // The theme is read after curses starts (it depends on the colours the terminal has), so a bad
        // user theme is a failure a person meets with the terminal already taken.
        let home = try Processes.temporaryFolder()
        let themes = home.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "index_series = \"purpleish\"\n".write(to: themes.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let tmux = try #require(try Tmux(width: 220, height: 30,
                                         command: "RESONANCE_HOME=\(home.path) \(Processes.resonanceBinary.path) --demo --theme broken",
                                         environment: ["LANG": "C.UTF-8"]))
        #expect(try tmux.waitForExit() == "EXIT=1")
        #expect(try tmux.leftoverDamage() == nil, "after the theme error")
        let screen = try tmux.screen()
        #expect(screen.contains("broken.toml:1: index_series:"), "the error should show on the shell's screen:\n\(screen)")
        #expect(try tmux.shellAnswers())
    }
}
