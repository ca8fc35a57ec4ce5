import Foundation
import GRDB
import Markets

/// What the last fetch of a series did, as recorded in the store for every viewer.
public struct FetchStatus: Hashable, Sendable {
    public var series: SeriesID
    /// The provider of the last successful fetch.
    public var source: String?
    /// The one-line reason of the last fetch when it failed; nil after a success.
    public var fault: String?
    public var attemptedAt: Date
    public var succeededAt: Date?
}

extension Store {
    /// Takes or renews a named lease for a holder; false while another holder's lease runs.
    ///
    /// Several dashboards on one store call this before fetching; only the holder fetches, the others
    /// read what it wrote.
    public func acquireLease(_ name: String, holder: String, now: Date, duration: TimeInterval) throws -> Bool {
        try pool.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT holder, expires_at FROM fetch_lease WHERE name = ?", arguments: [name])
            if let row, (row["holder"] as String) != holder, (row["expires_at"] as Double) > now.timeIntervalSince1970 {
                return false
            }
            try db.execute(sql: "INSERT OR REPLACE INTO fetch_lease (name, holder, expires_at) VALUES (?, ?, ?)",
                           arguments: [name, holder, now.timeIntervalSince1970 + duration])
            return true
        }
    }

    /// Gives a lease up, if this holder has it.
    public func releaseLease(_ name: String, holder: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM fetch_lease WHERE name = ? AND holder = ?", arguments: [name, holder])
        }
    }

    /// Records the outcome of fetching a series: a source on success, a fault on failure.
    public func recordFetch(_ series: SeriesID, source: String?, fault: String?, at date: Date) throws {
        try pool.write { db in
            let at = date.timeIntervalSince1970
            if fault == nil {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO fetch_status (series, source, fault, attempted_at, succeeded_at) VALUES (?, ?, NULL, ?, ?)
                    """, arguments: [series.rawValue, source, at, at])
            } else {
                try db.execute(sql: """
                    INSERT INTO fetch_status (series, source, fault, attempted_at, succeeded_at) VALUES (?, NULL, ?, ?, NULL)
                    ON CONFLICT (series) DO UPDATE SET fault = excluded.fault, attempted_at = excluded.attempted_at
                    """, arguments: [series.rawValue, fault, at])
            }
        }
    }

    /// The recorded fetch outcomes, by series.
    public func fetchStatuses() throws -> [SeriesID: FetchStatus] {
        try pool.read { db in
            var result: [SeriesID: FetchStatus] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT series, source, fault, attempted_at, succeeded_at FROM fetch_status") {
                let id = SeriesID(row["series"] as String)
                result[id] = FetchStatus(series: id, source: row["source"], fault: row["fault"],
                                         attemptedAt: Date(timeIntervalSince1970: row["attempted_at"]),
                                         succeededAt: (row["succeeded_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
            return result
        }
    }
}
