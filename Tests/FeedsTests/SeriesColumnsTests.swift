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
            try Int.fetchOne(db, sql: "SELECT rows FROM packed_column WHERE series = ? AND name = 'days'", arguments: [id.rawValue])
        }
    }

    @Test("after imports, revisions and closes alone the snapshot holds exactly the rows")
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
                // A close alone revises the close and keeps what else is stored for the day.
                if let old = expected[day], bar.open == nil {
                    expected[day] = Bar(day: day, open: old.open, high: old.high, low: old.low, close: close, volume: old.volume)
                } else {
                    expected[day] = bar
                }
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
        "UPDATE packed_column SET bytes = substr(bytes, 1, 16) WHERE name = 'closes'",
        "UPDATE packed_column SET rows = rows + 1",
        "UPDATE packed_column SET rows = rows + 1 WHERE name = 'closes'",
        "UPDATE packed_column SET bytes = zeroblob(length(bytes)) WHERE name = 'days'",
        "UPDATE packed_column SET bytes = zeroblob(length(bytes)) WHERE name = 'closes'",
        "UPDATE packed_column SET bytes = x'' WHERE name = 'closes'",
        "DELETE FROM packed_column WHERE name = 'days'",
        "DELETE FROM packed_column WHERE name = 'highs'",
        "UPDATE packed_column SET bytes = substr(bytes, 1, 16) WHERE name = 'highs'",
    ])
    func damagedSnapshot(damage: String) throws {
        let bars = (0..<50).map { Bar(day: Day(iso: "2024-01-01")!.adding(days: $0), high: 11 + Double($0), close: 10 + Double($0)) }
        try store.upsert(bars, into: .rut, source: "test", today: today)
        try DatabaseQueue(path: store.path).write { db in try db.execute(sql: damage) }
        let reopened = try Store(path: store.path)
        #expect(try reopened.load(.rut).bars == bars)
        #expect(try reopened.load(.rut, columns: .highs).bars == bars)
    }

    @Test("damage in a column a load does not ask for leaves that load on the snapshot, and the full load on the rows",
          arguments: ["opens", "lows", "volumes"])
    func damageInOneColumnOnly(column: String) throws {
        let bars = (0..<40).map { i in
            Bar(day: Day(iso: "2024-01-01")!.adding(days: i), open: 9, high: 12, low: 8, close: 10 + Double(i), volume: 1e6)
        }
        try store.upsert(bars, into: .rut, source: "test", today: today)
        // Behind the snapshot's back, the rows' closes move too, so each load shows where it read from.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE packed_column SET bytes = substr(bytes, 1, 24) WHERE name = ?", arguments: [column])
            try db.execute(sql: "UPDATE bar SET close = close + 1000")
        }
        let reopened = try Store(path: store.path)
        #expect(try reopened.load(.rut).closes == bars.map { $0.close + 1000 }, "every column: the rows")
        let chart = try reopened.load(.rut, columns: .highs)
        #expect(chart.heldColumns == .highs)
        #expect(chart.days == bars.map(\.day) && chart.closes == bars.map(\.close) && chart.highs == bars.map { $0.high! },
                "days, closes and highs: the snapshot")
    }

    @Test("a chart load holds days, closes and the columns asked for, the same as the full load")
    func chartColumnsMatchFullLoad() throws {
        var random = SeededRandom(seed: 19)
        let bars = (0..<300).map { i in
            let close = 100 + Double.random(in: 0...50, using: &random)
            return Bar(day: Day(iso: "2021-01-01")!.adding(days: i), open: close - 1, high: random.chance(0.1) ? nil : close + 2,
                       low: close - 2, close: close, volume: random.chance(0.5) ? nil : 1e5)
        }
        try store.upsert(bars, into: .rut, source: "test", today: today)
        try store.upsert(bars.map { Bar(day: $0.day, close: $0.close) }, into: .btc, source: "test", today: today)
        let full = try store.load(.rut), chart = try store.load(.rut, columns: .highs)
        #expect(full.heldColumns == .all)
        #expect(chart.heldColumns == .highs)
        #expect(chart.days == full.days && chart.closes == full.closes)
        #expect((0..<chart.count).allSatisfy { chart.highOrClose(at: $0) == full.highOrClose(at: $0) })
        #expect(chart.bars == bars.map { Bar(day: $0.day, high: $0.high, close: $0.close) })
        let closesOnly = try store.load(.rut, columns: .closesOnly)
        #expect(closesOnly.heldColumns == .closesOnly && closesOnly.closes == full.closes)
        let range = Day(iso: "2021-03-01")!...Day(iso: "2021-05-01")!
        #expect(try store.load(.rut, in: range, columns: .highs) == chart.slice(range), "a range reads the rows, same columns")
        // A series of closes keeps its optional columns as empty blobs, and loads them as absent.
        let bitcoin = try store.load(.btc)
        #expect(bitcoin.heldColumns == .closesOnly)
        #expect(bitcoin == Series(id: .btc, bars: bars.map { Bar(day: $0.day, close: $0.close) }))
        #expect(try DatabaseQueue(path: store.path).read { db in
            try Int.fetchOne(db, sql: "SELECT SUM(length(bytes)) FROM packed_column WHERE series = 'btc' AND name NOT IN ('days', 'closes')")
        } == 0)
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
            try Int.fetchAll(db, sql: "SELECT rows FROM packed_column WHERE series = 'btc'")
        }
        #expect(packedRows == Array(repeating: 30, count: 6))
    }

    @Test("a store with the one-row snapshot of v4 gets one row per column, and the old table goes")
    func migrationFromOneRowSnapshot() throws {
        let path = folder.file("v4.sqlite").path
        let index = (0..<60).map { i in
            Bar(day: Day(iso: "2024-01-01")!.adding(days: i), open: 99, high: i % 7 == 0 ? nil : 102, low: 98, close: 100 + Double(i),
                volume: 5e8)
        }
        let bitcoin = (0..<45).map { Bar(day: Day(iso: "2024-02-01")!.adding(days: $0), close: 40_000 + Double($0)) }
        do {
            let old = try Store(path: path, migratingUpTo: "v3-lease")
            try old.upsert(index, into: .rut, source: "test", today: today)
            try old.upsert(bitcoin, into: .btc, source: "test", today: today)
        }
        _ = try Store(path: path, migratingUpTo: "v4-series-columns")
        #expect(try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM series_columns")
        } == 2, "a v4 store as v4 left it, its snapshot in one row per series")

        let migrated = try Store(path: path)
        #expect(try migrated.appliedMigrations().contains("v5-packed-column-rows"))
        #expect(try migrated.load(.rut).bars == index)
        #expect(try migrated.load(.btc).bars == bitcoin)
        #expect(try migrated.load(.rut, columns: .highs).bars == index.map { Bar(day: $0.day, high: $0.high, close: $0.close) })
        let (oldTableRemains, packedRows) = try DatabaseQueue(path: path).read { db in
            (try db.tableExists("series_columns"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM packed_column"))
        }
        #expect(!oldTableRemains)
        #expect(packedRows == 12)
        // Writes after the migration keep the new snapshot.
        let later = Bar(day: Day(iso: "2024-03-20")!, high: 200, close: 190)
        try migrated.upsert([later], into: .rut, source: "test", today: today)
        #expect(try Store(path: path).load(.rut).bars == index + [later])
        #expect(try snapshotRowCountAt(path, .rut) == 61)
    }

    @Test("a range still reads from the rows")
    func rangeLoad() throws {
        let bars = (0..<100).map { Bar(day: Day(iso: "2024-01-01")!.adding(days: $0), close: 10 + Double($0)) }
        try store.upsert(bars, into: .rut, source: "test", today: today)
        let range = Day(iso: "2024-02-01")!...Day(iso: "2024-02-10")!
        #expect(try store.load(.rut, in: range).bars == bars.filter { range.contains($0.day) })
    }

    func snapshotRowCountAt(_ path: String, _ id: SeriesID) throws -> Int? {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT rows FROM packed_column WHERE series = ? AND name = 'days'", arguments: [id.rawValue])
        }
    }
}
