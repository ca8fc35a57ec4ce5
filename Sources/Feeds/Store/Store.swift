import Foundation
import GRDB
import Markets

/// The Resonance database: daily bars and plain observations per series, in one SQLite file in WAL mode.
///
/// Readers never block the writer (WAL), every write is one transaction, and bars are validated before
/// anything is written. Safe to share between threads.
///
/// A store that exists and is up to date is opened read-only, and the writing connection pool is opened
/// on the first write: opening a pool writes to the file (GRDB makes the WAL non-empty) and closing the
/// last connection checkpoints it, which cost every `render` and `export` two syncs to disk.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    /// Reads go here: a read-only connection, or the pool when the store was created or migrated on open.
    let reader: any DatabaseReader
    private let writers: WriterPool

    /// The connection pool that writes; opened on first use. Extensions in other files write through it.
    var pool: DatabasePool {
        get throws { try writers.pool() }
    }

    // MARK: - Opening

    /// Opens (creating when needed) the store at a location, making its folder first.
    ///
    /// - Throws: `StoreError` naming the folder or file.
    public convenience init(location: StoreLocation) throws {
        try location.createDirectory()
        try self.init(path: location.databaseURL.path)
    }

    /// Opens (creating when needed) the store at a database file path, and brings its schema up to date.
    ///
    /// - Throws: `StoreError.notAStore` for a file that is not a Resonance database,
    ///   `StoreError.cannotOpen` when the file cannot be opened or created (for example in a read-only
    ///   folder), `StoreError.newerSchema` for a store made by a newer version.
    public convenience init(path: String) throws {
        try self.init(path: path, migratingUpTo: nil)
    }

    /// Opens the store and applies its migrations up to and including `lastMigration` (all when nil).
    ///
    /// Only tests stop early: it makes a store exactly as an older version of Resonance left it.
    init(path: String, migratingUpTo lastMigration: String?) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError.cannotOpen(path: path, reason: "it is a folder")
        }
        let existed = FileManager.default.fileExists(atPath: path)
        var configuration = Configuration()
        configuration.label = "resonance"
        configuration.busyMode = .timeout(5)
        do {
            if existed, lastMigration == nil, Store.folderIsWritable(path),
               let readOnly = try Store.openUpToDate(path: path, configuration: configuration) {
                reader = readOnly
                writers = WriterPool(path: path, configuration: configuration, pool: nil)
                return
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db in try Store.checkSchema(db, path: path, existed: existed) }
            if existed { try Store.quickCheck(pool, path: path) }
            if let lastMigration {
                try StoreSchema.migrator.migrate(pool, upTo: lastMigration)
            } else {
                try StoreSchema.migrator.migrate(pool)
            }
            reader = pool
            writers = WriterPool(path: path, configuration: configuration, pool: pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Store.storeError(error, path: path, existed: existed)
        }
    }


    /// A read-only connection to an existing store whose schema is complete, or nil when it needs migrating.
    private static func openUpToDate(path: String, configuration: Configuration) throws -> DatabaseQueue? {
        var readOnly = configuration
        readOnly.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        let isUpToDate = try queue.read { db in
            try checkSchema(db, path: path, existed: true)
            return try StoreSchema.migrator.hasCompletedMigrations(db)
        }
        return isUpToDate ? queue : nil
    }

    /// Refuses a database made by someone else or by a newer version of Resonance.
    private static func checkSchema(_ db: Database, path: String, existed: Bool) throws {
        // A readable database made by someone else has tables but no migration history.
        let hasTables = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')") ?? false
        if existed, hasTables, try !db.tableExists("grdb_migrations") { throw StoreError.notAStore(path: path) }
        if try StoreSchema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
    }

    /// Refuses to write to a damaged file: SQLite's `PRAGMA quick_check` (every page readable, every row
    /// well formed; it skips the index-to-row comparison of the full `integrity_check`) must say `ok`.
    ///
    /// Writing into a file with a bad page can spread the damage; one with a page overwritten used to take
    /// an import and exit 0. Run once per process, before the first write.
    static func quickCheck(_ database: any DatabaseReader, path: String) throws {
        let problems = try checkLines(database, path: path, pragma: "quick_check(10)")
        if problems != ["ok"] { throw StoreError.damaged(path: path, problems: problems) }
    }

    /// The lines an integrity pragma gives, `["ok"]` for a sound file.
    ///
    /// On a damaged file SQLite gives some lines and then fails the statement as malformed: the lines
    /// read so far are kept (they say which pages), then the failure's words.
    static func checkLines(_ database: any DatabaseReader, path: String, pragma: String) throws -> [String] {
        var lines: [String] = []
        do {
            try database.read { db in
                let cursor = try String.fetchCursor(db, sql: "PRAGMA \(pragma)")
                while let line = try cursor.next() {
                    // The first problem comes after a heading naming the schema ("main"), which says nothing here.
                    let heading = "*** in database main ***"
                    let problem = line.hasPrefix(heading) ? String(line.dropFirst(heading.count)).trimmingCharacters(in: .newlines) : line
                    if !problem.isEmpty { lines.append(problem) }
                }
            }
        } catch let error as DatabaseError {
            guard error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB else {
                throw storeError(error, path: path, existed: true)
            }
            lines.append(error.message ?? "database disk image is malformed")
        }
        return lines
    }

    /// Whether a file begins with the 16 bytes every SQLite database begins with.
    private static func hasSQLiteHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\0".utf8)
    }

    /// Whether the store's folder can be written; SQLite needs that for the WAL files even to read.
    private static func folderIsWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
    }

    static func storeError(_ error: DatabaseError, path: String, existed: Bool) -> StoreError {
        switch error.resultCode {
        case .SQLITE_CORRUPT:
            return .damaged(path: path, problems: [error.message ?? "database disk image is malformed"])
        case .SQLITE_NOTADB:
            // A file that still starts with SQLite's header is a store cut short or overwritten, not a stranger.
            return hasSQLiteHeader(path) ? .damaged(path: path, problems: [error.message ?? "file is not a database"]) : .notAStore(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            let folder = (path as NSString).deletingLastPathComponent
            if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                return .cannotOpen(path: path, reason: "the folder is not writable (the store needs to write beside the file)")
            }
            return .cannotOpen(path: path, reason: existed ? "permission denied or read-only file" : "cannot create the file")
        default:
            return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    // MARK: - Reading

    /// The ids of the series that hold at least one bar, in name order.
    public func seriesIDs() throws -> [SeriesID] {
        try reader.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT series FROM bar ORDER BY series").map { SeriesID($0) }
        }
    }

    /// A series as stored, optionally limited to a range of days and to some of its optional columns; empty
    /// when the store has none.
    ///
    /// Days and closes always come; `columns` says which of opens, highs, lows and volumes to load as well
    /// (the chart needs only the index's highs, an export all of them). A whole series is copied from its
    /// packed columns (`SeriesColumnsTable`), reading only the columns asked for; a range, or a series whose
    /// snapshot does not decode, is read row by row straight into the columns.
    public func load(_ id: SeriesID, in range: DayRange? = nil, columns: SeriesColumns = .all) throws -> Series {
        try reader.read { db in
            if range == nil, let packed = try SeriesColumnsTable.read(db, id: id, columns: columns) { return packed }
            return try SeriesColumnsTable.readRows(db, id: id, lower: range.map { Int64($0.lowerBound.rawValue) } ?? Int64(Int32.min),
                                                   upper: range.map { Int64($0.upperBound.rawValue) } ?? Int64(Int32.max),
                                                   columns: columns)
        }
    }

    /// Row count and first and last day of every stored series, in name order.
    public func summary() throws -> [SeriesSummary] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT series, COUNT(*), MIN(day), MAX(day) FROM bar GROUP BY series ORDER BY series")
                .map { row in
                    SeriesSummary(id: SeriesID(row[0] as String), count: row[1] as Int,
                                  firstDay: Day(rawValue: row[2] as Int32), lastDay: Day(rawValue: row[3] as Int32))
                }
        }
    }

    /// The number of imports logged for a series (for diagnostics and tests).
    public func importLogCount(for id: SeriesID) throws -> Int {
        try reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_log WHERE series = ?", arguments: [id.rawValue]) ?? 0
        }
    }

    /// The SQLite journal mode in effect, `wal` for a store opened by this type.
    public func journalMode() throws -> String {
        try reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// The identifiers of the schema migrations applied to this store, oldest first.
    public func appliedMigrations() throws -> [String] {
        try reader.read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    // MARK: - Writing

    /// Inserts new bars and replaces changed ones, in one transaction, and logs the import.
    ///
    /// Every bar is validated first (see `Bar.validationProblem(today:)`), and a day may appear only
    /// once; one invalid bar rejects the whole batch and nothing is written. A value a bar does not carry
    /// (a nil open, high, low or volume) never erases the stored one: the stored value is kept, unless a
    /// value the bar does carry contradicts it (a new low above the stored high), when the new value wins.
    /// Bars that leave the stored values as they were are counted as unchanged and not rewritten.
    ///
    /// - Parameters:
    ///   - bars: the bars, in any order.
    ///   - id: the series to write into.
    ///   - source: where the bars came from (a file name or provider), for the import log.
    ///   - today: the current day; bars dated later are rejected.
    /// - Throws: `StoreError.invalidBar`, or a database error.
    @discardableResult
    public func upsert(_ bars: [Bar], into id: SeriesID, source: String, today: Day = .utcToday()) throws -> UpsertCounts {
        var seen = Set<Day>(minimumCapacity: bars.count)
        for bar in bars {
            if let problem = bar.validationProblem(today: today) {
                throw StoreError.invalidBar(series: id, day: bar.day, reason: problem)
            }
            guard seen.insert(bar.day).inserted else {
                throw StoreError.invalidBar(series: id, day: bar.day, reason: "the day appears twice in one batch")
            }
        }
        guard let firstDay = bars.lazy.map(\.day).min(), let lastDay = bars.lazy.map(\.day).max() else {
            return UpsertCounts()
        }

        return try writeTransaction { db in
            var stored: [Int32: StoredValues] = [:]
            stored.reserveCapacity(bars.count)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT day, open, high, low, close, volume FROM bar WHERE series = ? AND day BETWEEN ? AND ?",
                arguments: [id.rawValue, firstDay.rawValue, lastDay.rawValue])
            while let row = try rows.next() {
                stored[row[0] as Int32] = StoredValues(open: row[1] as Double?, high: row[2] as Double?,
                                                       low: row[3] as Double?, close: row[4] as Double,
                                                       volume: row[5] as Double?)
            }

            let insert = try db.makeStatement(
                sql: "INSERT INTO bar (series, day, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let update = try db.makeStatement(
                sql: "UPDATE bar SET open = ?, high = ?, low = ?, close = ?, volume = ? WHERE series = ? AND day = ?")
            var counts = UpsertCounts()
            for bar in bars {
                if let old = stored[bar.day.rawValue] {
                    let merged = old.filling(bar, counts: &counts)
                    if old == StoredValues(merged) { counts.unchanged += 1; continue }
                    try update.execute(arguments: [merged.open, merged.high, merged.low, merged.close, merged.volume,
                                                   id.rawValue, bar.day.rawValue])
                    counts.updated += 1
                } else {
                    try insert.execute(arguments: [id.rawValue, bar.day.rawValue, bar.open, bar.high, bar.low,
                                                   bar.close, bar.volume])
                    counts.added += 1
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO import_log (series, source, added, updated, unchanged, first_day, last_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.rawValue, source, counts.added, counts.updated, counts.unchanged,
                            firstDay.rawValue, lastDay.rawValue])
            // A store left at an older migration (only tests make one) has no snapshot table yet; its
            // migration builds the snapshots from the rows.
            if counts.added + counts.updated > 0, try db.tableExists(SeriesColumnsTable.tableName) {
                try SeriesColumnsTable.rebuild(db, series: id)
            }
            return counts
        }
    }
}

/// The values of one stored bar, compared to decide between unchanged and updated.
private struct StoredValues: Equatable {
    var open: Double?
    var high: Double?
    var low: Double?
    var close: Double
    var volume: Double?

    init(open: Double?, high: Double?, low: Double?, close: Double, volume: Double?) {
        self.open = open; self.high = high; self.low = low; self.close = close; self.volume = volume
    }

    init(_ bar: Bar) {
        self.init(open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume)
    }

    /// A bar with the new values and, where it carries none, these stored ones; counts each kept value.
    func filling(_ bar: Bar, counts: inout UpsertCounts) -> Bar {
        var merged = bar
        func keep(_ new: inout Double?, _ old: Double?, _ column: SeriesColumns) {
            guard new == nil, let old else { return }
            new = old
            counts.keptValues += 1
            counts.keptColumns.insert(column)
        }
        keep(&merged.open, open, .opens)
        keep(&merged.high, high, .highs)
        keep(&merged.low, low, .lows)
        keep(&merged.volume, volume, .volumes)
        // A kept high below a new low (or a kept low above a new high) is contradicted by what the bar does
        // carry: the carried value wins, and the stale one goes.
        if let h = merged.high, let l = merged.low, h < l {
            if bar.high == nil { merged.high = nil } else { merged.low = nil }
            counts.keptValues -= 1
            counts.contradicted += 1
        }
        return merged
    }
}

/// The store's writing connection pool, opened once on the first write.
private final class WriterPool: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let lock = NSLock()
    private var opened: DatabasePool?

    init(path: String, configuration: Configuration, pool: DatabasePool?) {
        self.path = path
        self.configuration = configuration
        opened = pool
    }

    /// The pool, opening it on the first call.
    func pool() throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Store.quickCheck(pool, path: path)
            opened = pool
            return pool
        } catch let error as DatabaseError {
            throw Store.storeError(error, path: path, existed: true)
        }
    }
}
