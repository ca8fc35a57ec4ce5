@testable import Feeds
import Foundation
import GRDB
import Markets
import TestSupport
import Testing

/// The store keeps data, not analysis: the correlation tables an older version kept are dropped.
@Suite("Dropped correlation tables")
struct DroppedCorrelationTests {
    @Test("a v6 store with kept correlations loses the tables on opening and keeps every bar")
    func migration() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("v6.sqlite").path
        let today = Day(iso: "2026-01-01")!
        let bars = (0..<300).map { Bar(day: Day(iso: "2024-01-01")!.adding(days: $0), close: 100 + Double($0)) }
        do {
            let old = try Store(path: path, migratingUpTo: "v6-correlations")
            try old.upsert(bars, into: .rut, source: "test", today: today)
            try old.upsert(bars, into: .btc, source: "test", today: today)
        }
        // What the version that shipped v6 left in them.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO correlation (a, b, window, method, aligned_days, return_count, full_sample)
                VALUES ('rut', 'btc', 90, 1, 300, 299, 0.5);
                INSERT INTO correlation_column (a, b, window, name, rows, bytes) VALUES ('rut', 'btc', 90, 'days', 0, x'');
                """)
        }
        let migrated = try Store(path: path)
        #expect(try migrated.appliedMigrations().contains("v7-drop-correlations"))
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'correlation%'")
        }
        #expect(tables.isEmpty)
        #expect(try migrated.load(.rut).bars == bars)
        #expect(try migrated.load(.btc).bars == bars)
    }
}
