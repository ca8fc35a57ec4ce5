import Foundation
import GRDB
import GRDBSQLite
import Markets

/// Each series' bars kept a second time as packed columns, one row per series and column, so loading is a copy
/// of just the columns a reader asks for.
///
/// The `bar` table stays the record: one row per day, which imports and fetches upsert and compare. But
/// stepping through a million rows costs SQLite about 1,600 instructions each, about 0.4 s for the two
/// series at start-up. `packed_column` holds the same bars as one blob per column: `days` as little-endian
/// Int32, `closes`, `opens`, `highs`, `lows` and `volumes` as little-endian Float64 with NaN for a missing
/// value. An optional column with no value at all is an empty blob, so it takes no room and loads as absent.
/// Every snapshot has all six rows, rewritten in the same transaction as every write that changes a series,
/// so it can never disagree with `bar` after a crash.
///
/// Each column is its own row so that reading the closes never walks the overflow pages of the other
/// blobs, and each is read with SQLite's incremental blob I/O straight into the array that keeps it. A
/// column that does not decode (a missing row, a length that is not `rows` values, days out of order, a
/// close that is not above zero) makes the load ignore the snapshot and read the rows.
enum SeriesColumnsTable {
    /// The table that holds the snapshots.
    static let tableName = "packed_column"

    /// The name each column is stored under.
    enum Name: String {
        case days, closes, opens, highs, lows, volumes
    }

    /// Rewrites a series' snapshot from its rows (or removes it when the series has none).
    static func rebuild(_ db: Database, series id: SeriesID) throws {
        try db.execute(sql: "DELETE FROM packed_column WHERE series = ?", arguments: [id.rawValue])
        let series = try readRows(db, id: id, lower: Int64(Int32.min), upper: Int64(Int32.max), columns: .all)
        guard !series.isEmpty else { return }
        let insert = try db.cachedStatement(sql: "INSERT INTO packed_column (series, name, rows, bytes) VALUES (?, ?, ?, ?)")
        let blobs: [(Name, Data)] = [
            (.days, pack(series.days)), (.closes, pack(series.closes)), (.opens, pack(series.opens ?? [])),
            (.highs, pack(series.highs ?? [])), (.lows, pack(series.lows ?? [])), (.volumes, pack(series.volumes ?? [])),
        ]
        for (name, bytes) in blobs {
            try insert.execute(arguments: [id.rawValue, name.rawValue, series.count, bytes])
        }
    }

    /// The series from its snapshot with the optional columns asked for, or nil when there is no snapshot or
    /// one of those columns does not decode.
    static func read(_ db: Database, id: SeriesID, columns: SeriesColumns) throws -> Series? {
        var stored: [Name: StoredColumn] = [:]
        let located = try Row.fetchCursor(db, sql: "SELECT name, rowid, rows FROM packed_column WHERE series = ?",
                                          arguments: [id.rawValue])
        while let row = try located.next() {
            if let name = Name(rawValue: row[0]) { stored[name] = StoredColumn(rowid: row[1], rows: row[2]) }
        }
        guard let rows = stored[.days]?.rows, rows > 0 else { return nil }
        let reader = BlobReader(db: db, rows: rows)
        guard let days: [Day] = try reader.values(of: stored[.days]),
              let closes: [Double] = try reader.values(of: stored[.closes]), closes.allSatisfy({ $0 > 0 })
        else { return nil }
        var optional: [Name: [Double]] = [:]
        for (name, member) in [(Name.opens, SeriesColumns.opens), (.highs, .highs), (.lows, .lows), (.volumes, .volumes)]
        where columns.contains(member) {
            guard let values: [Double] = try reader.values(of: stored[name], emptyMeansAbsent: true) else { return nil }
            if !values.isEmpty { optional[name] = values }
        }
        // The days' order is checked here, once, as the series is made.
        return Series(id: id, checking: days, closes: closes, opens: optional[.opens], highs: optional[.highs],
                      lows: optional[.lows], volumes: optional[.volumes])
    }

    /// Reads a series' rows from `bar` with the optional columns asked for, days in order, missing values as NaN.
    static func readRows(_ db: Database, id: SeriesID, lower: Int64, upper: Int64, columns: SeriesColumns = .all) throws -> Series {
        let statement = try db.makeStatement(
            sql: "SELECT day, close, open, high, low, volume FROM bar WHERE series = ? AND day BETWEEN ? AND ? ORDER BY day")
        try statement.setArguments([id.rawValue, lower, upper])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        func real(_ column: Int32) -> Double {
            sqlite3_column_type(sqlite, column) == SQLITE_NULL ? .nan : sqlite3_column_double(sqlite, column)
        }
        func column(_ member: SeriesColumns) -> [Double]? { columns.contains(member) ? [] : nil }
        var days: [Day] = [], closes: [Double] = []
        var opens = column(.opens), highs = column(.highs), lows = column(.lows), volumes = column(.volumes)
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            days.append(Day(rawValue: sqlite3_column_int(sqlite, 0)))
            closes.append(sqlite3_column_double(sqlite, 1))
            opens?.append(real(2)); highs?.append(real(3)); lows?.append(real(4)); volumes?.append(real(5))
        }
        return Series(id: id, days: days, closes: closes, opens: opens, highs: highs, lows: lows, volumes: volumes)
    }

    /// The bytes of a column of fixed-size numbers, little-endian (the machine's order on every platform
    /// Swift runs this program on; Float64 values are stored as their bit patterns).
    static func pack<Element: BitwiseCopyable>(_ values: [Element]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }
}

extension Store {
    /// The number of bars a series' packed columns hold (0 when it has none), without reading them: for a
    /// reader to choose how to load.
    public func packedRowCount(_ id: SeriesID) throws -> Int {
        try reader.read { db in
            try Int.fetchOne(db, sql: "SELECT rows FROM packed_column WHERE series = ? AND name = 'days'",
                             arguments: [id.rawValue]) ?? 0
        }
    }
}

#if _endian(big)
#error("packed columns are little-endian and read straight into memory")
#endif

/// Where one packed column is: its row in `packed_column`, and the number of values
/// it says it holds.
struct StoredColumn {
    var rowid: Int64
    var rows: Int
}

/// Reads packed columns of one snapshot straight into the arrays that keep them.
struct BlobReader {
    let db: Database
    /// The table whose `bytes` column holds the blobs.
    var table = SeriesColumnsTable.tableName
    /// The number of values every column holds.
    let rows: Int

    /// The values of a stored column: nil when there is none, or it holds another number of rows or a blob of
    /// another length; empty when `emptyMeansAbsent` and the blob is empty.
    func values<Element: BitwiseCopyable>(of column: StoredColumn?, emptyMeansAbsent: Bool = false) throws -> [Element]? {
        guard let column, column.rows == rows else { return nil }
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", table, "bytes", column.rowid, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK, let blob else { throw error(opened) }
        let bytes = Int(sqlite3_blob_bytes(blob))
        if bytes == 0, emptyMeansAbsent { return [] }
        guard bytes == rows * MemoryLayout<Element>.stride else { return nil }
        var code = SQLITE_OK
        let values = [Element](unsafeUninitializedCapacity: rows) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            code = sqlite3_blob_read(blob, buffer.baseAddress, Int32(bytes), 0)
            initialized = code == SQLITE_OK ? rows : 0
        }
        guard code == SQLITE_OK else { throw error(code) }
        return values
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}

/// Asks the kernel to back the 2 MB-aligned part of a fresh, untouched buffer with huge pages.
///
/// A column of a million closes is 8 MB: in 4 kB pages that is 2,000 page faults as it is filled, in 2 MB
/// pages four. On this project's 2-core virtual machine the hint took `render` at a million days from 65 ms
/// to about 47 ms. Only a hint: where transparent huge
/// pages are off (or on for everything) nothing changes, and elsewhere than Linux it does nothing.
private func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
    let hugePage = 2 << 20
    guard let base = buffer.baseAddress, buffer.count >= 2 * hugePage else { return }
    let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    #endif
}
