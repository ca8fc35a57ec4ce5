import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Notices commits to the store made through other connections: another dashboard's fetch, an import.
///
/// SQLite's `PRAGMA data_version` on one connection changes whenever another connection commits; reading it
/// takes microseconds. The watcher sleeps on inotify for the store's folder (a commit writes the `-wal` file),
/// so a commit wakes it at once and an idle store costs nothing; it also looks every `fallback` seconds, in
/// case the folder cannot be watched.
public final class StoreWatcher: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let lock = NSLock()
    private var lastVersion: Int
    /// The inotify descriptor on the store's folder, or -1 when it could not be made.
    private let notifications: Int32

    /// Opens a connection of its own on the store's file and takes the current version as the baseline.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "resonance.watch"
        configuration.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        let folder = (path as NSString).deletingLastPathComponent
        if descriptor >= 0,
           inotify_add_watch(descriptor, folder.isEmpty ? "." : folder, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO)) < 0 {
            close(descriptor)
            notifications = -1
        } else {
            notifications = descriptor
        }
        lastVersion = 0
        lastVersion = try version()
    }

    deinit { if notifications >= 0 { close(notifications) } }

    /// Whether another connection committed since the last call (or since the watcher was made).
    public func hasChanged() throws -> Bool {
        let now = try version()
        return lock.withLock {
            defer { lastVersion = now }
            return now != lastVersion
        }
    }

    /// Sleeps until a file in the store's folder is written, or `fallback` seconds pass.
    public func waitForWrite(fallback: TimeInterval) {
        guard notifications >= 0 else {
            Thread.sleep(forTimeInterval: fallback)
            return
        }
        var descriptor = pollfd(fd: notifications, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(fallback * 1000))
        var events = [UInt8](repeating: 0, count: 4096)
        while read(notifications, &events, events.count) > 0 {}
    }

    private func version() throws -> Int {
        try connection.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
