import Foundation
import TestSupport
import Testing

/// Random bytes, every C0 and C1 control among them, in every outside text the program prints or draws,
/// through the real binary: no control byte ever reaches its standard error or output raw.
///
/// Seeded and replayable like the other property tests (`RESONANCE_SEED`, `RESONANCE_FUZZ_ITERATIONS`,
/// `RESONANCE_FUZZ_SECONDS`); each case runs the program nine times.
@Suite("Outside text in the program's output (property)")
struct HostileOutputPropertyTests {
    @Test("cells, dates, funds, file and theme names, --theme, the remembered theme, paths, config and environment")
    func noRawControlInOutput() throws {
        var used = Set<UInt32>()
        try FuzzBudget(quickCases: 10).run("HostileOutput") { seed, random in
            let folder = try TemporaryDirectory()
            let home = folder.file("home")
            try FileManager.default.createDirectory(at: home.appendingPathComponent("themes"), withIntermediateDirectories: true)
            func text() -> String { HostileText.text(&random, used: &used) }
            func bytes() -> Data { Data(HostileText.bytes(&random, used: &used)) }
            func file(_ name: String, _ parts: [Data]) throws -> String {
                let url = folder.file(name)
                try parts.reduce(Data(), +).write(to: url)
                return url.path
            }
            let line = { (text: String) in Data(text.utf8) }
            let priceCell = random.chance(0.5)
            let price = try file("price.csv", [line("date,open,high,low,close,volume\n"),
                                               priceCell ? bytes() : line("2024-01-02"), line(",10,11,9,"),
                                               priceCell ? line("10") : bytes(), line(",100\n")])
            let flows = try file("flows.csv", [line("date,fund,net_flow_usd\n2024-01-31,"), bytes(), line(","), bytes(), line("\n")])
            let lossShare = try file("loss.csv", [line("date,share_pct\n"), bytes(), line(",40\n")])
            let named = try file(text() + ".csv", [line("date,close\n2024-01-02,"), bytes(), line("\n")])
            try bytes().write(to: home.appendingPathComponent("themes/\(text()).toml"))
            try bytes().write(to: home.appendingPathComponent("theme"))
            try ([line("[yahoo]\nurl = \"ftp://"), bytes(), line("\"\n")].reduce(Data(), +)).write(to: home.appendingPathComponent("config.toml"))
            let oddHome = folder.file(text())
            let environment = ["RESONANCE_HOME": home.path]

            let runs: [(String, [String], [String: String])] = [
                ("price cell", ["import", price, "--series", "rut"], environment),
                ("flows cells", ["import", flows, "--flows"], environment),
                ("loss-share date", ["import", lossShare, "--loss-share"], environment),
                ("file name", ["import", named, "--series", "btc"], environment),
                ("--theme and theme file names", ["render", "--demo", "--size", "80x24", "--color", "never", "--theme", text()], environment),
                ("remembered theme", ["render", "--demo", "--size", "80x24", "--color", "never"], environment),
                ("store path", ["import", price, "--series", "rut", "--home", oddHome.path], [:]),
                ("config.toml", ["fetch", "--series", "rut"], environment),
                ("environment", ["fetch", "--series", "rut", "--home", oddHome.path], ["RESONANCE_YAHOO_URL": "ftp://" + text()]),
            ]
            for (what, arguments, extra) in runs {
                let result = try Processes.resonance(arguments, environment: extra)
                for (stream, output) in [("stderr", result.stderrBytes), ("stdout", result.stdoutBytes)] {
                    let raw = HostileInputTests.rawControl(output)
                    #expect(raw == nil, "seed \(seed), \(what): \(raw ?? "") raw on \(stream): \(String(decoding: output.prefix(400), as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(used.isSuperset(of: HostileText.controls), "controls never tried: \(Set(HostileText.controls).subtracting(used).sorted())")
    }
}
