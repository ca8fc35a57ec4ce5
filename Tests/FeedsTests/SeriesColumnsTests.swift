@testable import Feeds
import Foundation
import GRDB
import Markets
import TestSupport
import Testing

/// The packed-columns snapshot of each series: always the same bars as the rows, and never trusted blindly.
@Suite("Series columns snapshot")
struct SeriesColumnsTests {
    let folder: TemporaryDirectory
    let store: Store
    let today = Day(iso: "2026-01-01")!

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(path: folder.file("resonance.sqlite").path)
    }

    /// The bars straight from the rows, bypassing the snapshot.
    func rows(_ id: SeriesID) throws -> [Bar] {
        try DatabaseQueue(path: store.path).read { db in
            try SeriesColumnsTable.readRows(db, id: id, lower: Int64(Int32.min), upper: Int64(Int32.max)).bars
        }
    }

    func snapshotRowCount(_ id: SeriesID) throws -> Int? {
        try DatabaseQueue(path: store.path).read { db in
            try Int.fetchOne(db, sql: "SELECT rows FROM series_columns WHERE series = ?", arguments: [id.rawValue])
        }
    }

    @Test("after imports, revisions and missing values the snapshot holds exactly the rows")
    func followsEveryWrite() throws {
        var random = SeededRandom(seed: 7)
        var expected: [Day: Bar] = [:]
        for round in 0..<6 {
            var batch: [Bar] = []
            for _ in 0..<200 {
                let day = Day(iso: "2020-01-01")!.adding(days: random.int(0...1_500))
                if batch.contains(where: { $0.day == day }) { continue }
                let close = 100 + Double.random(in: 0...50, using: &random)
                let bar = round % 2 == 0
                    ? Bar(day: day, open: close, high: close + 1, low: close - 1, close: close, volume: Double.random(in: 0...1e6, using: &random))
                    : Bar(day: day, close: close)
                batch.append(bar)
                expected[day] = bar
            }
            try store.upsert(batch, into: .btc, source: "round \(round)", today: today)
            let loaded = try store.load(.btc).bars
            #expect(loaded == expected.values.sorted { $0.day < $1.day }, "round \(round)")
            #expect(loaded == (try rows(.btc)), "round \(round)")
            #expect(try snapshotRowCount(.btc) == expected.count)
        }
        #expect(try snapshotRowCount(.rut) == nil, "no snapshot for a series never written")
    }

    @Test("a snapshot that does not decode is ignored and the rows are read", arguments: [
        "UPDATE series_columns SET closes = substr(closes, 1, 16)",
        "UPDATE series_columns SET rows = rows + 1",
        "UPDATE series_columns SET days = zeroblob(length(days))",
        "UPDATE series_columns SET closes = zeroblob(length(closes))",
    ])
    func damagedSnapshot(damage: String) throws {
        let bars = (0..<50).map { Bar(day: Day(iso: "2024-01-01")!.adding(days: $0), close: 10 + Double($0)) }
        try store.upsert(bars, into: .rut, source: "test", today: today)
        try DatabaseQueue(path: store.path).write { db in try db.execute(sql: damage) }
        #expect(try Store(path: store.path).load(.rut).bars == bars)
    }

    @Test("a store from before the snapshot gets one for each series when it is opened")
    func migration() throws {
        let path = folder.file("old.sqlite").path
        let bars = (0..<30).map { Bar(day: Day(iso: "2024-03-01")!.adding(days: $0), close: 50 + Double($0)) }
        do {
            let old = try Store(path: path, migratingUpTo: "v3-lease")
            try old.upsert(bars, into: .btc, source: "test", today: today)
        }
        let migrated = try Store(path: path)
        #expect(try migrated.load(.btc).bars == bars)
        let packedRows = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT rows FROM series_columns WHERE series = 'btc'")
        }
        #expect(packedRows == 30)
    }

    @Test("a range still reads from the rows")
    func rangeLoad() throws {
        let bars = (0..<100).map { Bar(day: Day(iso: "2024-01-01")!.adding(days: $0), close: 10 + Double($0)) }
        try store.upsert(bars, into: .rut, source: "test", today: today)
        let range = Day(iso: "2024-02-01")!...Day(iso: "2024-02-10")!
        #expect(try store.load(.rut, in: range).bars == bars.filter { range.contains($0.day) })
    }
}
