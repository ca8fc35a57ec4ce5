import Foundation
import GRDB
import Markets

/// The rolling correlations of the index and Bitcoin, kept computed for the standard windows.
///
/// At a million days one window takes 25 to 40 ms to compute, the largest part of drawing the first frame. So
/// every write that changes either series recomputes the standard windows in the same transaction (as it
/// rebuilds the packed columns), and a reader loads the window it shows like a packed column.
/// `correlation` holds each window's scalars and the method it was computed by; `correlation_column` its
/// `days` (little-endian Int32) and `values` (little-endian Float64, NaN where undefined), one row each so
/// either is read without walking the other's pages.
///
/// A window computed by another method (`RollingCorrelation.method`) or whose parts do not fit together is
/// not returned, and the reader computes it from the series instead.
enum CorrelationTable {
    /// The pair kept, first series first.
    static let pair = (a: SeriesID.rut, b: SeriesID.btc)

    /// The table of the packed days and values.
    static let columnTable = "correlation_column"

    /// Recomputes the kept windows after a write to `changed`, when it is one of the pair; removes them when
    /// either series has no bars.
    static func rebuild(_ db: Database, changed: SeriesID) throws {
        guard changed == pair.a || changed == pair.b else { return }
        try db.execute(sql: "DELETE FROM correlation WHERE a = ? AND b = ?", arguments: [pair.a.rawValue, pair.b.rawValue])
        try db.execute(sql: "DELETE FROM correlation_column WHERE a = ? AND b = ?", arguments: [pair.a.rawValue, pair.b.rawValue])
        guard let first = try series(db, pair.a), let second = try series(db, pair.b) else { return }
        let insertWindow = try db.cachedStatement(sql: """
            INSERT INTO correlation (a, b, window, method, aligned_days, return_count, full_sample)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertColumn = try db.cachedStatement(sql: """
            INSERT INTO correlation_column (a, b, window, name, rows, bytes) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for correlation in RollingCorrelation.windows(RollingCorrelation.standardWindows, of: first, second) {
            let window = correlation.window
            try insertWindow.execute(arguments: [
                pair.a.rawValue, pair.b.rawValue, window, RollingCorrelation.method, correlation.alignedDayCount,
                correlation.returnCount, correlation.fullSample.isNaN ? nil : correlation.fullSample,
            ])
            for (name, bytes) in [("days", SeriesColumnsTable.pack(correlation.days)),
                                  ("values", SeriesColumnsTable.pack(correlation.values))] {
                try insertColumn.execute(arguments: [pair.a.rawValue, pair.b.rawValue, window, name,
                                                     correlation.days.count, bytes])
            }
        }
    }

    /// A kept window, or nil when there is none, it was computed by another method, or it does not decode.
    static func read(_ db: Database, window: Int) throws -> RollingCorrelation? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT method, aligned_days, return_count, full_sample FROM correlation WHERE a = ? AND b = ? AND window = ?
            """, arguments: [pair.a.rawValue, pair.b.rawValue, window]),
            row[0] as Int == RollingCorrelation.method
        else { return nil }
        var stored: [String: StoredColumn] = [:]
        let located = try Row.fetchCursor(db, sql: """
            SELECT name, rowid, rows FROM correlation_column WHERE a = ? AND b = ? AND window = ?
            """, arguments: [pair.a.rawValue, pair.b.rawValue, window])
        while let column = try located.next() {
            stored[column[0]] = StoredColumn(rowid: column[1], rows: column[2])
        }
        guard let rows = stored["days"]?.rows else { return nil }
        let reader = BlobReader(db: db, table: columnTable, rows: rows)
        guard let days: [Day] = try reader.values(of: stored["days"]),
              let values: [Double] = try reader.values(of: stored["values"])
        else { return nil }
        return RollingCorrelation(aID: pair.a, bID: pair.b, window: window, days: days, values: values,
                                  fullSample: (row[3] as Double?) ?? .nan, returnCount: row[2],
                                  alignedDayCount: row[1])
    }

    /// Days and closes of a series from its packed columns (rows when they do not decode), nil when empty.
    private static func series(_ db: Database, _ id: SeriesID) throws -> Series? {
        let series = try SeriesColumnsTable.read(db, id: id, columns: .closesOnly)
            ?? SeriesColumnsTable.readRows(db, id: id, lower: Int64(Int32.min), upper: Int64(Int32.max), columns: .closesOnly)
        return series.isEmpty ? nil : series
    }
}

extension Store {
    /// The rolling correlation of the index and Bitcoin for a standard window, as kept at the last write of
    /// either; nil when the store has none that can be used (then compute it from the series).
    public func loadCorrelation(window: Int) throws -> RollingCorrelation? {
        try reader.read { db in try CorrelationTable.read(db, window: window) }
    }
}
