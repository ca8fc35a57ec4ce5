import Foundation
import GRDB

extension Store {
    /// Runs one write transaction, turning a full disk into `StoreError.diskFull` that names the store.
    ///
    /// SQLite rolls the transaction back on its own, so the store keeps exactly what it had; only the
    /// message changes, from SQLite's code and statement to what happened and what it means.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.diskFull(path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, problems: [error.message ?? "database disk image is malformed"])
        }
    }
}

extension Store {
    /// What SQLite's `PRAGMA integrity_check` says: `["ok"]` for a sound file, else one line per problem.
    ///
    /// Reads through the reading connection, so a damaged store (which refuses writes) can still be checked.
    /// At most `limit` problems are listed.
    public func integrityCheck(limit: Int = 100) throws -> [String] {
        try Store.checkLines(reader, path: path, pragma: "integrity_check(\(max(1, limit)))")
    }

    /// What `PRAGMA integrity_check` says of the database file at `path`, read-only, without opening it as
    /// a store: a store too damaged to open can still be checked. Nil when there is no file.
    public static func integrityCheck(path: String, limit: Int = 100) throws -> [String]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw storeError(error, path: path, existed: true)
        }
        return try checkLines(queue, path: path, pragma: "integrity_check(\(max(1, limit)))")
    }
}
