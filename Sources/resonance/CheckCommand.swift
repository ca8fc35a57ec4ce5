import ArgumentParser
import Feeds
import Foundation
import TermCanvas

/// `resonance check`: runs SQLite's full integrity check over the store and says what it found.
///
/// Imports and fetches run the quicker `quick_check` before their first write and refuse a damaged store;
/// this is the full check (every index against its rows too), for after a crash, a full disk or a copy.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store for damage (SQLite's integrity_check) and say what was found.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store: Store
        do {
            store = try storeOptions.openStore()
        } catch let error as StoreError {
            if case .damaged = error { throw CheckFailed(message: error.description) }
            throw error
        }
        let started = Date()
        let problems = try store.integrityCheck()
        let elapsed = Date().timeIntervalSince(started)
        guard problems == ["ok"] else {
            throw CheckFailed(message: StoreError.damaged(path: store.path, problems: problems).description
                              + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") found"
                              + (problems.count >= 100 ? " (the first 100 listed)" : ""))
        }
        let series = try store.summary()
        let rows = series.reduce(0) { $0 + $1.count }
        print(String(format: "%@: sound (integrity_check found no problem in %.0f ms); %d series, %d bars",
                     SafeText.escaped(store.path), elapsed * 1000, series.count, rows))
    }
}

/// The store is damaged: the message, and exit status 1.
struct CheckFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
