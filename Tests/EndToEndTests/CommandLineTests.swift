import Foundation
import Markets
import TestSupport
import Testing

@Suite("The resonance command line", .serialized)
struct CommandLineTests {
    @Test("import prints what it added, and importing again changes nothing")
    func importTwice() throws {
        let home = try Processes.temporaryFolder()
        let demo = DemoMarket.generate(seed: 2026)
        let file = try SyntheticFiles.writeCSV(demo.rut, to: home, name: "rut.csv")
        let first = try Processes.resonance(["import", file.path, "--series", "rut", "--home", home.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\(demo.rut.count) added"))
        #expect(first.stdout.contains(demo.rut.days.first!.iso))
        #expect(first.stdout.contains(demo.rut.days.last!.iso))
        let second = try Processes.resonance(["import", file.path, "--series", "rut", "--home", home.path])
        #expect(second.stdout.contains("0 added, 0 updated"))
    }

    @Test("a close-only copy of an imported file erases nothing and moves no breakout")
    func closeOnlyImport() throws {
        let home = try SyntheticFiles.importedHome()
        let series = try Processes.resonance(["export", "series", "rut", "--home", home.path])
        let markers = try Processes.resonance(["export", "markers", "--home", home.path])
        let closes = series.stdout.split(separator: "\n").dropFirst().map { line -> String in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(cells[0]),\(cells[4])"
        }
        let file = home.appendingPathComponent("rut_close.csv")
        try (["date,close"] + closes).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try Processes.resonance(["import", file.path, "--series", "rut", "--home", home.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("0 updated, \(closes.count) unchanged, closes confirmed"), "\(r.stdout)")
        #expect(try Processes.resonance(["export", "series", "rut", "--home", home.path]).stdout == series.stdout)
        #expect(try Processes.resonance(["export", "markers", "--home", home.path]).stdout == markers.stdout)
        #expect(markers.stdout.contains("breakout,"))
    }

    @Test("a malformed file is rejected with FILE:LINE and the store keeps what it had")
    func malformedImport() throws {
        let home = try SyntheticFiles.importedHome()
        let before = try Processes.resonance(["export", "series", "rut", "--home", home.path])
        let bad = home.appendingPathComponent("bad.csv")
        try "date,close\n2020-01-02,1500\n2020-01-03,-4\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try Processes.resonance(["import", bad.path, "--series", "rut", "--home", home.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.csv:3:"), "\(r.stderr)")
        let after = try Processes.resonance(["export", "series", "rut", "--home", home.path])
        #expect(after.stdout == before.stdout)
        #expect(before.stdout.hasPrefix("date,open,high,low,close,volume\n"))
    }

    @Test("render prints one frame of the requested size with the legend, markers and range")
    func render() throws {
        let home = try SyntheticFiles.importedHome()
        let r = try Processes.resonance(["render", "--size", "120x40", "--range", "2016-01-01..2021-12-31",
                                         "--color", "never", "--home", home.path], environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 120 })
        #expect(r.stdout.contains("Russell 2000 (^RUT)"))
        #expect(r.stdout.contains("2016-01-01 → 2021-12-31"))
        #expect(r.stdout.contains("H3 2020-05-11"))
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test("render --color always writes escapes and resets every line")
    func renderColour() throws {
        let r = try Processes.resonance(["render", "--demo", "--size", "80x24", "--color", "always"],
                                        environment: ["TERM": "xterm-256color"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\u{1B}[0;"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("\u{1B}[0m") })
    }

    @Test("render in the C locale falls back to ASCII glyphs")
    func renderASCII() throws {
        let r = try Processes.resonance(["render", "--demo", "--size", "80x24", "--color", "never"],
                                        environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(r.status == 0)
        #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("export markers lists the four halvings, the estimate and the breakouts with their basis")
    func exportMarkers() throws {
        let r = try Processes.resonance(["export", "markers", "--demo", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "kind,date,label")
        for day in ["2012-11-28", "2016-07-09", "2020-05-11", "2024-04-20"] {
            #expect(lines.contains { $0.hasPrefix("halving,\(day),") })
        }
        #expect(lines.contains { $0.hasPrefix("halving_estimate,2028-") })
        #expect(lines.contains { $0.hasPrefix("breakout,") && $0.contains("basis high") })
        let close = try Processes.resonance(["export", "markers", "--demo", "--breakout-basis", "close", "--format", "json"])
        #expect(close.stdout.hasPrefix("[\n"))
        #expect(close.stdout.contains("basis close"))
    }

    @Test("bad arguments get a clear message and a non-zero exit")
    func badArguments() throws {
        let size = try Processes.resonance(["render", "--demo", "--size", "huge"])
        #expect(size.status != 0)
        #expect(size.stderr.contains("--size"))
        let range = try Processes.resonance(["render", "--demo", "--range", "2020-13-01..2021-01-01"])
        #expect(range.status != 0)
        #expect(range.stderr.contains("2020-13-01"))
        let series = try Processes.resonance(["import", "/nonexistent.csv", "--series", "eth"])
        #expect(series.status != 0)
        #expect(series.stderr.contains("--series"))
    }

    @Test("--glyphs braille in the C locale draws in ASCII and says so in one line")
    func brailleInTheCLocale() throws {
        let r = try Processes.resonance(["render", "--demo", "--size", "80x24", "--color", "never", "--glyphs", "braille"],
                                        environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(r.stdout.contains("*") || r.stdout.contains("'") || r.stdout.contains(":"), "the chart is drawn")
        let notices = r.stderr.split(separator: "\n").filter { $0.contains("--glyphs braille needs a UTF-8 locale") }
        #expect(notices.count == 1, "\(r.stderr)")
    }

    @Test("export series names a series as import does, and rejects spx the same way")
    func exportSeriesRejectsWhatImportRejects() throws {
        let home = try Processes.temporaryFolder()
        let export = try Processes.resonance(["export", "series", "spx", "--home", home.path])
        let file = home.appendingPathComponent("spx.csv")
        try "date,close\n2020-01-02,3257.85\n".write(to: file, atomically: true, encoding: .utf8)
        let `import` = try Processes.resonance(["import", file.path, "--series", "spx", "--home", home.path])
        #expect(export.status != 0 && `import`.status != 0)
        #expect(export.stdout.isEmpty, "\(export.stdout)")
        let reason = "must be one of rut, btc, iwm; got 'spx'"
        #expect(export.stderr.contains(reason), "\(export.stderr)")
        #expect(`import`.stderr.contains(reason), "\(`import`.stderr)")
    }

    @Test("a --range outside the data is an error in render and export, naming the data's days")
    func rangeOutsideTheData() throws {
        let home = try SyntheticFiles.importedHome()
        for arguments in [["render", "--size", "80x24"], ["export", "cycles"], ["export", "series", "rut"]] {
            let r = try Processes.resonance(arguments + ["--range", "2030-01-01..2030-12-31", "--home", home.path])
            #expect(r.status != 0, "\(arguments)")
            #expect(r.stdout.isEmpty, "\(arguments): \(r.stdout.prefix(200))")
            #expect(r.stderr.contains("--range 2030-01-01..2030-12-31 is outside"), "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("2014-01-02 … 2026-08-21"), "\(arguments): \(r.stderr)")
        }
        let inside = try Processes.resonance(["render", "--size", "80x24", "--range", "2020-01-01..2020-12-31", "--home", home.path])
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test("fetch --since a day after today says it is in the future and exits non-zero, asking nobody")
    func fetchSinceTheFuture() throws {
        let home = try Processes.temporaryFolder()
        let r = try Processes.resonance(["fetch", "--since", "2030-01-01", "--home", home.path],
                                        environment: ["RESONANCE_YAHOO_URL": "http://127.0.0.1:9/", "RESONANCE_COINBASE_URL": "http://127.0.0.1:9/"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--since: 2030-01-01 is in the future"), "\(r.stderr)")
        #expect(!r.stdout.contains("no bars"))
    }

    @Test("an unknown TERM is refused with a clear message, not an exit inside curses")
    func unknownTerm() throws {
        let r = try Processes.resonance(["--demo"], environment: ["TERM": "no-such-terminal-xyz"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no-such-terminal-xyz"), "\(r.stderr)")
    }
}
