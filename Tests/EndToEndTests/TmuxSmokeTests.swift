import Foundation
import TestSupport
import Testing

@Suite("The dashboard in a real terminal (tmux)", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct TmuxSmokeTests {
    @Test("import, open, zoom, jump to a marker, quit: the legend and a marker label show and the shell is sane after")
    func smoke() throws {
        let home = try SyntheticFiles.importedHome()
        let tmux = try #require(try Tmux(width: 120, height: 40, environment: ["LANG": "C.UTF-8"]))
        try tmux.type("stty -g > \(home.path)/stty.before", enter: true)
        try tmux.type("\(Processes.resonanceBinary.path) --home \(home.path)", enter: true)
        let first = try tmux.waitFor { $0.contains("Russell 2000 (^RUT)") && $0.contains("? help") }
        #expect(first.contains("Russell 2000 (^RUT)"), "first screen:\n\(first)")
        #expect(first.contains("Bitcoin (BTC-USD)"))
        #expect(first.contains("H3 2020-05-11"), "halving label missing:\n\(first)")
        #expect(first.contains("Breakouts (daily high"))

        try tmux.type("+++")
        try tmux.press("Home")
        try tmux.type("]")
        let zoomed = try tmux.waitFor { $0.contains("2014-") && !$0.contains("H4 2024-04-20") }
        #expect(!zoomed.contains("H4 2024-04-20"), "after zooming in the last halving should be off screen:\n\(zoomed)")

        try tmux.type("?")
        let help = try tmux.waitFor { $0.contains("zoom in around the cursor") }
        #expect(help.contains("zoom in around the cursor"))
        try tmux.press("Escape")

        try tmux.type("q")
        try tmux.type("stty -g > \(home.path)/stty.after; echo shell-is-back-$((40+2))", enter: true)
        let after = try tmux.waitFor { $0.contains("shell-is-back-42") }
        #expect(after.contains("shell-is-back-42"), "the shell did not answer after q:\n\(after)")
        let before = try String(contentsOf: home.appendingPathComponent("stty.before"), encoding: .utf8)
        let restored = try String(contentsOf: home.appendingPathComponent("stty.after"), encoding: .utf8)
        #expect(before == restored, "terminal settings changed")
    }

    @Test("below the minimum size it says so, and grows back into the dashboard")
    func tooSmallThenResize() throws {
        let tmux = try #require(try Tmux(width: 50, height: 12, environment: ["LANG": "C.UTF-8"]))
        try tmux.type("\(Processes.resonanceBinary.path) --demo", enter: true)
        let small = try tmux.waitFor { $0.contains("need 60x16") }
        #expect(small.contains("terminal too small: need 60x16"), "\(small)")
        try tmux.run(["resize-window", "-t", "main", "-x", "100", "-y", "30"])
        let big = try tmux.waitFor { $0.contains("DEMO") && $0.contains("Russell 2000") }
        #expect(big.contains("Russell 2000"), "\(big)")
        try tmux.press("C-c")
        try tmux.type("echo back-$((1+1))", enter: true)
        #expect(try tmux.waitFor { $0.contains("back-2") }.contains("back-2"))
    }

    @Test("SIGTERM and SIGHUP end the dashboard and leave the terminal sane")
    func signals() throws {
        for signal in ["TERM", "HUP"] {
            let tmux = try #require(try Tmux(width: 100, height: 30, environment: ["LANG": "C.UTF-8"]))
            let home = try Processes.temporaryFolder()
            try tmux.type("stty -g > \(home.path)/before; \(Processes.resonanceBinary.path) --demo", enter: true)
            _ = try tmux.waitFor { $0.contains("DEMO") && $0.contains("? help") }
            _ = try Processes.run(URL(fileURLWithPath: "/usr/bin/pkill"), ["-\(signal)", "-f", "resonance --demo"])
            try tmux.type("stty -g > \(home.path)/after; echo done-\(signal)-$((2*3))", enter: true)
            let screen = try tmux.waitFor { $0.contains("done-\(signal)-6") }
            #expect(screen.contains("done-\(signal)-6"), "SIG\(signal):\n\(screen)")
            let before = try String(contentsOf: home.appendingPathComponent("before"), encoding: .utf8)
            let after = try String(contentsOf: home.appendingPathComponent("after"), encoding: .utf8)
            #expect(before == after, "SIG\(signal) left the terminal changed")
        }
    }
}
