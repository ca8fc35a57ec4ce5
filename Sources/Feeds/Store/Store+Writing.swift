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
        }
    }
}

extension Store {
    /// What SQLite's `PRAGMA integrity_check` says: `["ok"]` for a sound file, else one line per problem.
    public func integrityCheck() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
