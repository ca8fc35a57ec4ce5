import Foundation
import GRDB
import Markets

/// The store's schema, as numbered migrations that run in order on open.
///
/// Never edit a migration that has shipped: add the next one.
enum StoreSchema {
    /// Migration identifiers, oldest first.
    static let migrationNames = ["v1-bars", "v2-observations", "v3-lease", "v4-series-columns", "v5-packed-column-rows"]

    /// The migrator that brings any store up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // MARK: v1: daily bars and the import log
        migrator.registerMigration("v1-bars") { db in
            // day: days since 1970-01-01 (Day.rawValue). One row per series and day.
            try db.execute(sql: """
                CREATE TABLE bar (
                    series TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    open REAL,
                    high REAL,
                    low REAL,
                    close REAL NOT NULL CHECK (close > 0),
                    volume REAL,
                    PRIMARY KEY (series, day)
                ) WITHOUT ROWID;

                CREATE TABLE import_log (
                    id INTEGER PRIMARY KEY,
                    series TEXT NOT NULL,
                    source TEXT NOT NULL,
                    added INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL,
                    first_day INTEGER,
                    last_day INTEGER,
                    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                );
                """)
        }

        // MARK: v2: plain numbers that are not prices (ETF net flows, loss-making share)
        migrator.registerMigration("v2-observations") { db in
            // day: days since 1970-01-01. value: any finite number, negative for an outflow; the CHECK
            // keeps out infinities (NaN is stored as NULL by SQLite, which NOT NULL refuses).
            try db.execute(sql: """
                CREATE TABLE observation (
                    series TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    value REAL NOT NULL CHECK (abs(value) <= 1.7976931348623157e308),
                    PRIMARY KEY (series, day)
                ) WITHOUT ROWID;
                """)
        }
        // MARK: v3: one fetcher among several viewers of a store, and what it last did per series
        migrator.registerMigration("v3-lease") { db in
            // expires_at and the *_at columns: Unix seconds.
            try db.execute(sql: """
                CREATE TABLE fetch_lease (
                    name TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    expires_at REAL NOT NULL
                );

                CREATE TABLE fetch_status (
                    series TEXT PRIMARY KEY,
                    source TEXT,
                    fault TEXT,
                    attempted_at REAL NOT NULL,
                    succeeded_at REAL
                );
                """)
        }
        // MARK: v4: each series' bars also as packed columns, for loading at memory speed
        migrator.registerMigration("v4-series-columns") { db in
            // rows: the number of bars; each blob holds that many little-endian numbers (see SeriesColumnsTable).
            try db.execute(sql: """
                CREATE TABLE series_columns (
                    series TEXT PRIMARY KEY,
                    rows INTEGER NOT NULL,
                    days BLOB NOT NULL,
                    opens BLOB NOT NULL,
                    highs BLOB NOT NULL,
                    lows BLOB NOT NULL,
                    closes BLOB NOT NULL,
                    volumes BLOB NOT NULL
                );
                """)
            for series in try String.fetchAll(db, sql: "SELECT DISTINCT series FROM bar") {
                try SeriesColumnsV4.rebuild(db, series: SeriesID(series))
            }
        }
        // MARK: v5: the packed columns one row each, so a reader loads only the columns it needs
        migrator.registerMigration("v5-packed-column-rows") { db in
            // With the six blobs of v4 in one row, reading the closes walked the overflow pages of the days
            // and opens first. rows: the number of bars; bytes: that many little-endian numbers, or empty for
            // an optional column with no value (see SeriesColumnsTable). A rowid table, as SQLite's
            // incremental blob reading needs.
            try db.execute(sql: """
                DROP TABLE series_columns;
                CREATE TABLE packed_column (
                    series TEXT NOT NULL,
                    name TEXT NOT NULL,
                    rows INTEGER NOT NULL,
                    bytes BLOB NOT NULL,
                    UNIQUE (series, name)
                );
                """)
            for series in try String.fetchAll(db, sql: "SELECT DISTINCT series FROM bar") {
                try SeriesColumnsTable.rebuild(db, series: SeriesID(series))
            }
        }
        // MARK: v6: the index/Bitcoin correlation kept computed for the standard windows (dropped by v7)
        migrator.registerMigration("v6-correlations") { db in
            // The version that shipped this filled the tables from the series here and on every write; v7
            // drops them, so a store migrating past v6 now just makes them empty.
            try db.execute(sql: """
                CREATE TABLE correlation (
                    a TEXT NOT NULL,
                    b TEXT NOT NULL,
                    window INTEGER NOT NULL,
                    method INTEGER NOT NULL,
                    aligned_days INTEGER NOT NULL,
                    return_count INTEGER NOT NULL,
                    full_sample REAL,
                    UNIQUE (a, b, window)
                );
                CREATE TABLE correlation_column (
                    a TEXT NOT NULL,
                    b TEXT NOT NULL,
                    window INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    rows INTEGER NOT NULL,
                    bytes BLOB NOT NULL,
                    UNIQUE (a, b, window, name)
                );
                """)
        }
        // MARK: v7: the store keeps data, not analysis
        migrator.registerMigration("v7-drop-correlations") { db in
            // Correlations are computed from the series when a dashboard asks (Dashboard's `Derivation`); a
            // copy kept here could only disagree with the rows.
            try db.execute(sql: """
                DROP TABLE IF EXISTS correlation;
                DROP TABLE IF EXISTS correlation_column;
                """)
        }
        // MARK: v7: which SEC filer (CIK) an N-PORT holding is, so each is matched once
        migrator.registerMigration("v8-issuer-cik") { db in
            // key: "cusip:<9 characters>" when the holding has a CUSIP, else "name:<normalised issuer name>".
            // method: how the match was made ("ticker", "name"); name: the issuer's name as the filing gave it.
            try db.execute(sql: """
                CREATE TABLE issuer_cik (
                    key TEXT PRIMARY KEY,
                    cik INTEGER NOT NULL CHECK (cik BETWEEN 1 AND 9999999999),
                    method TEXT NOT NULL,
                    name TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}

/// The v4 snapshot as v4 wrote it, kept so that migration keeps making what it made when it shipped.
///
/// Only the v4 migration uses it; the v5 migration drops the table again, and writes keep `packed_column`.
private enum SeriesColumnsV4 {
    /// Writes a series' six columns into one row of `series_columns`, NaN for a missing value.
    static func rebuild(_ db: Database, series id: SeriesID) throws {
        let series = try SeriesColumnsTable.readRows(db, id: id, lower: Int64(Int32.min), upper: Int64(Int32.max))
        guard !series.isEmpty else { return }
        func pack(_ values: [Double]?) -> Data {
            (values ?? [Double](repeating: .nan, count: series.count)).withUnsafeBytes { Data($0) }
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO series_columns (series, rows, days, opens, highs, lows, closes, volumes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id.rawValue, series.count, series.days.map(\.rawValue).withUnsafeBytes { Data($0) },
                        pack(series.opens), pack(series.highs), pack(series.lows), pack(series.closes), pack(series.volumes)])
    }
}
