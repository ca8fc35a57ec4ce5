import Foundation
import GRDB

/// Notices commits to the store made through other connections: another dashboard's fetch, an import.
///
/// SQLite's `PRAGMA data_version` on one connection changes whenever another connection commits; reading it is
/// a few microseconds, so a follower asks a few times a second and reloads only when something was written.
public final class StoreWatcher: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let lock = NSLock()
    private var lastVersion: Int

    /// Opens a connection of its own on the store's file.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "resonance.watch"
        configuration.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        lastVersion = 0
        lastVersion = try version()
    }

    /// Whether another connection committed since the last call (or since the watcher was made).
    public func hasChanged() throws -> Bool {
        let now = try version()
        return lock.withLock {
            defer { lastVersion = now }
            return now != lastVersion
        }
    }

    private func version() throws -> Int {
        try connection.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
