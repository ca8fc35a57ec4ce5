@testable import Feeds
import Foundation
import GRDB
import Markets
import TestSupport
import Testing

/// The index/Bitcoin correlation the store keeps computed: always the one the series give, never trusted blindly.
@Suite("Kept correlations")
struct CorrelationStoreTests {
    let folder: TemporaryDirectory
    let today = Day(iso: "2026-01-01")!

    init() throws {
        folder = try TemporaryDirectory()
    }

    /// A random walk of closes on `days` consecutive days from `start`, every `step`-th day.
    func walk(from start: String, days: Int, step: Int = 1, seed: UInt64) -> [Bar] {
        var random = SeededRandom(seed: seed)
        var close = 100.0
        return stride(from: 0, to: days, by: step).map { offset in
            close *= exp(Double.random(in: -0.04...0.04, using: &random))
            return Bar(day: Day(iso: start)!.adding(days: offset), close: close)
        }
    }

    /// Whether two correlations hold exactly the same numbers.
    func same(_ kept: RollingCorrelation?, _ fresh: RollingCorrelation) -> Bool {
        guard let kept else { return false }
        return kept.days == fresh.days && kept.values.map(\.bitPattern) == fresh.values.map(\.bitPattern)
            && kept.fullSample.bitPattern == fresh.fullSample.bitPattern && kept.returnCount == fresh.returnCount
            && kept.alignedDayCount == fresh.alignedDayCount && kept.window == fresh.window
    }

    @Test("every write to either series leaves each standard window equal to one computed from the series")
    func followsEveryWrite() throws {
        let store = try Store(path: folder.file("resonance.sqlite").path)
        try store.upsert(walk(from: "2023-01-02", days: 700, seed: 1), into: .btc, source: "test", today: today)
        #expect(try store.loadCorrelation(window: 90) == nil, "one series alone has no correlation")

        try store.upsert(walk(from: "2023-01-02", days: 700, step: 1, seed: 2).enumerated()
            .filter { $0.offset % 7 < 5 }.map(\.element), into: .rut, source: "test", today: today)
        for round in 0..<3 {
            let index = try store.load(.rut), bitcoin = try store.load(.btc)
            for window in RollingCorrelation.standardWindows {
                #expect(same(try store.loadCorrelation(window: window), RollingCorrelation(index, bitcoin, window: window)),
                        "round \(round), window \(window)")
            }
            // Revise some of Bitcoin's closes and add days to the index: both must show in the kept windows.
            try store.upsert(walk(from: "2023-06-01", days: 40, seed: UInt64(10 + round)), into: .btc, source: "revision",
                             today: today)
            try store.upsert(walk(from: "2024-12-02", days: 10, seed: UInt64(20 + round)), into: .rut, source: "more",
                             today: today)
        }
        #expect(try store.loadCorrelation(window: 45) == nil, "only the standard windows are kept")
    }

    @Test("a kept window that does not decode, or was computed by another method, is not used", arguments: [
        "UPDATE correlation SET method = method + 1",
        "UPDATE correlation_column SET bytes = substr(bytes, 1, 16) WHERE name = 'values'",
        "UPDATE correlation_column SET rows = rows - 1",
        "DELETE FROM correlation_column WHERE name = 'days'",
        "UPDATE correlation SET aligned_days = aligned_days + 5",
        "UPDATE correlation_column SET bytes = zeroblob(length(bytes)) WHERE name = 'days'",
    ])
    func damaged(damage: String) throws {
        let path = folder.file("resonance.sqlite").path
        let store = try Store(path: path)
        try store.upsert(walk(from: "2024-01-01", days: 300, seed: 3), into: .btc, source: "test", today: today)
        try store.upsert(walk(from: "2024-01-01", days: 300, seed: 4), into: .rut, source: "test", today: today)
        #expect(try store.loadCorrelation(window: 30) != nil)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: damage) }
        #expect(try store.loadCorrelation(window: 30) == nil)
    }

    @Test("a v5 store with both series gets its windows computed by the migration")
    func migration() throws {
        let path = folder.file("v5.sqlite").path
        let index = walk(from: "2024-01-01", days: 400, seed: 5), bitcoin = walk(from: "2023-12-01", days: 500, seed: 6)
        do {
            let old = try Store(path: path, migratingUpTo: "v5-packed-column-rows")
            try old.upsert(index, into: .rut, source: "test", today: today)
            try old.upsert(bitcoin, into: .btc, source: "test", today: today)
        }
        let migrated = try Store(path: path)
        #expect(try migrated.appliedMigrations().contains("v6-correlations"))
        let fresh = RollingCorrelation(try migrated.load(.rut), try migrated.load(.btc), window: 180)
        #expect(same(try migrated.loadCorrelation(window: 180), fresh))
        #expect(fresh.definedCount > 100)
    }
}
