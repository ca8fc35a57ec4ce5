import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// `kill -9` in the middle of an import, at random moments: the store opens afterwards, passes
/// `PRAGMA integrity_check`, and holds the old data or the new, never a mix.
///
/// Ten kills by default; `RESONANCE_CRASH_RUNS=200 swift test --filter StoreCrashTests` for the long run.
@Suite("Killed imports", .serialized)
struct StoreCrashTests {
    /// A daily file from 1900 to 2025 (about 46,000 rows, some tenths of a second to import) whose
    /// closes are `base` plus a step a day, so two files differ on every row.
    static func bigFile(in folder: URL, name: String, base: Double) throws -> (url: URL, bars: [Bar]) {
        var day = Day(iso: "1900-01-01")!
        let last = Day(iso: "2025-12-31")!
        var bars: [Bar] = []
        var text = "date,open,high,low,close,volume\n"
        while day <= last {
            let close = base + Double(bars.count) / 100
            bars.append(Bar(day: day, open: close, high: close + 1, low: close / 2, close: close, volume: 1000))
            text += "\(day.iso),\(close),\(close + 1),\(close / 2),\(close),1000\n"
            day = day.adding(days: 1)
        }
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url, bars)
    }

    static var runs: Int { ProcessInfo.processInfo.environment["RESONANCE_CRASH_RUNS"].flatMap(Int.init) ?? 10 }

    @Test("kill -9 at random points of an import over existing data: the old bars or the new, intact")
    func killDuringImport() throws {
        let folder = try Processes.temporaryFolder("resonance-crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = try Self.bigFile(in: folder, name: "old.csv", base: 100)
        let new = try Self.bigFile(in: folder, name: "new.csv", base: 5000)
        var random = SeededRandom(seed: FuzzBudget(quickCases: 0).seed)
        // The kill moments span one whole import, timed here on this machine, so that both outcomes can
        // occur; the first run kills at once and the last after the import's own time and a half.
        let timing = folder.appendingPathComponent("home-timing")
        _ = try Processes.resonance(["import", old.url.path, "--series", "rut", "--home", timing.path])
        let importStarted = Date()
        let timed = try Processes.resonance(["import", new.url.path, "--series", "rut", "--home", timing.path])
        try #require(timed.status == 0, "\(timed.stderr)")
        let importMilliseconds = max(1, Int(Date().timeIntervalSince(importStarted) * 1000))
        var outcomes = ["old": 0, "new": 0]
        var killedMidway = 0
        let runs = max(Self.runs, 2)
        for run in 0..<runs {
            let home = folder.appendingPathComponent("home-\(run)")
            let first = try Processes.resonance(["import", old.url.path, "--series", "rut", "--home", home.path])
            try #require(first.status == 0, "\(first.stderr)")

            let process = Process()
            process.executableURL = Processes.resonanceBinary
            process.arguments = ["import", new.url.path, "--series", "rut", "--home", home.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = run == 0 ? 0 : run == runs - 1 ? importMilliseconds * 3 / 2 : random.int(0...importMilliseconds * 3 / 2)
            Thread.sleep(forTimeInterval: Double(delay) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }

            let store = try Store(path: home.appendingPathComponent(StoreLocation.databaseFileName).path)
            #expect(try store.integrityCheck() == ["ok"], "run \(run)")
            let bars = try store.load(.rut).bars
            if bars == old.bars { outcomes["old", default: 0] += 1 } else if bars == new.bars {
                outcomes["new", default: 0] += 1
            } else {
                Issue.record("run \(run): \(bars.count) bars, neither the old file's nor the new one's")
            }
            try? FileManager.default.removeItem(at: home)
        }
        print("killed imports: \(runs) runs over \(importMilliseconds) ms imports, \(killedMidway) killed midway, \(outcomes)")
        #expect(outcomes["old"]! > 0 && outcomes["new"]! > 0, "both outcomes should occur: \(outcomes)")
        #expect(killedMidway > 0, "no kill landed during an import")
    }

    @Test("two imports at once into one store: both finish, and both series are whole")
    func concurrentImports() throws {
        let folder = try Processes.temporaryFolder("resonance-concurrent")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rut = try Self.bigFile(in: folder, name: "rut.csv", base: 100)
        let btc = try Self.bigFile(in: folder, name: "btc.csv", base: 7000)
        let home = folder.appendingPathComponent("home")
        // Make the store first so both processes open an existing file.
        _ = try Processes.resonance(["import", rut.url.path, "--series", "iwm", "--home", home.path])
        nonisolated(unsafe) var results: [Processes.Result?] = [nil, nil]
        let group = DispatchGroup()
        for (index, file) in [(0, rut.url), (1, btc.url)] {
            group.enter()
            DispatchQueue.global().async {
                results[index] = try? Processes.resonance(["import", file.path, "--series", index == 0 ? "rut" : "btc",
                                                            "--home", home.path])
                group.leave()
            }
        }
        group.wait()
        for result in results {
            #expect(result?.status == 0, "an import failed: \(result?.stderr ?? "did not run")")
        }
        let store = try Store(path: home.appendingPathComponent(StoreLocation.databaseFileName).path)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.load(.rut).bars == rut.bars)
        #expect(try store.load(.btc).bars == btc.bars)
    }
}
