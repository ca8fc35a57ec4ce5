import Foundation
import GRDB
import GRDBSQLite
import Markets

/// Each series' bars kept a second time as packed columns, one row per series, so loading is a copy.
///
/// The `bar` table stays the record: one row per day, which imports and fetches upsert and compare. But
/// stepping through a million rows costs SQLite about 1,600 instructions each, about 0.4 s for the two
/// series at start-up. `series_columns` holds the same bars as six blobs (days as little-endian Int32,
/// the prices and volume as little-endian Float64 with NaN for a missing value), rewritten in the same
/// transaction as every write that changes a series, so it can never disagree with `bar` after a crash.
/// A snapshot that does not decode (wrong lengths, days out of order) is ignored and the rows are read.
enum SeriesColumnsTable {
    /// Rewrites a series' snapshot from its rows (or removes it when the series has none).
    static func rebuild(_ db: Database, series id: SeriesID) throws {
        let series = try readRows(db, id: id, lower: Int64(Int32.min), upper: Int64(Int32.max))
        guard !series.isEmpty else {
            try db.execute(sql: "DELETE FROM series_columns WHERE series = ?", arguments: [id.rawValue])
            return
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO series_columns (series, rows, days, opens, highs, lows, closes, volumes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id.rawValue, series.count, pack(series.days.map { $0.rawValue.littleEndian }),
                        pack(full(series.opens)), pack(full(series.highs)), pack(full(series.lows)), pack(series.closes),
                        pack(full(series.volumes))])
        func full(_ column: [Double]?) -> [Double] { column ?? [Double](repeating: .nan, count: series.count) }
    }

    /// The series from its snapshot, or nil when there is none or it does not decode.
    static func read(_ db: Database, id: SeriesID) throws -> Series? {
        let statement = try db.makeStatement(
            sql: "SELECT rows, days, opens, highs, lows, closes, volumes FROM series_columns WHERE series = ?")
        try statement.setArguments([id.rawValue])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        guard sqlite3_step(sqlite) == SQLITE_ROW else { return nil }
        let rows = Int(sqlite3_column_int64(sqlite, 0))
        guard rows > 0, let days: [Int32] = unpack(sqlite, column: 1, count: rows),
              let opens: [Double] = unpack(sqlite, column: 2, count: rows), let highs: [Double] = unpack(sqlite, column: 3, count: rows),
              let lows: [Double] = unpack(sqlite, column: 4, count: rows), let closes: [Double] = unpack(sqlite, column: 5, count: rows),
              let volumes: [Double] = unpack(sqlite, column: 6, count: rows)
        else { return nil }
        var previous = Int32.min
        for index in 0..<rows {
            let day = Int32(littleEndian: days[index])
            guard index == 0 || day > previous, closes[index] > 0 else { return nil }
            previous = day
        }
        return Series(id: id, days: days.map { Day(rawValue: Int32(littleEndian: $0)) }, closes: closes, opens: opens,
                      highs: highs, lows: lows, volumes: volumes)
    }

    /// Reads a series' rows from `bar`, days in order, missing values as NaN.
    static func readRows(_ db: Database, id: SeriesID, lower: Int64, upper: Int64) throws -> Series {
        let statement = try db.makeStatement(
            sql: "SELECT day, open, high, low, close, volume FROM bar WHERE series = ? AND day BETWEEN ? AND ? ORDER BY day")
        try statement.setArguments([id.rawValue, lower, upper])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        func real(_ column: Int32) -> Double {
            sqlite3_column_type(sqlite, column) == SQLITE_NULL ? .nan : sqlite3_column_double(sqlite, column)
        }
        var days: [Day] = [], opens: [Double] = [], highs: [Double] = [], lows: [Double] = []
        var closes: [Double] = [], volumes: [Double] = []
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            days.append(Day(rawValue: sqlite3_column_int(sqlite, 0)))
            opens.append(real(1)); highs.append(real(2)); lows.append(real(3))
            closes.append(sqlite3_column_double(sqlite, 4)); volumes.append(real(5))
        }
        return Series(id: id, days: days, closes: closes, opens: opens, highs: highs, lows: lows, volumes: volumes)
    }

    /// The bytes of a column of fixed-size numbers, little-endian (the machine's order on every platform
    /// Swift runs this program on; Float64 values are stored as their bit patterns).
    private static func pack<Element: BitwiseCopyable>(_ values: [Element]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    /// A blob column as `count` numbers, or nil when its length is not exactly that.
    private static func unpack<Element: BitwiseCopyable>(_ sqlite: SQLiteStatement, column: Int32, count: Int) -> [Element]? {
        let bytes = Int(sqlite3_column_bytes(sqlite, column))
        guard bytes == count * MemoryLayout<Element>.stride, let source = sqlite3_column_blob(sqlite, column) else { return nil }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(start: source, count: bytes))
            initialized = count
        }
    }
}
