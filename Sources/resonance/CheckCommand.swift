import ArgumentParser
import Feeds
import Foundation
import TermCanvas

/// `resonance check`: runs SQLite's full integrity check over the store and says what it found.
///
/// Imports and fetches run the quicker `quick_check` before their first write and refuse a damaged store;
/// this is the full check (every index against its rows too), for after a crash, a full disk or a copy.
/// It reads the file without opening it as a store, so a store too damaged to open is checked too.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store for damage (SQLite's integrity_check) and say what was found.",
        discussion: "Exits 0 when the store is sound, 1 when it is damaged (with how to recover), 1 when there is none.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let location = Locations.resolve(home: storeOptions.home, environment: ProcessInfo.processInfo.environment).store
        let path = location.databaseURL.path
        let started = Date()
        guard let problems = try Store.integrityCheck(path: path) else {
            throw CheckFailed(message: "no store at \(SafeText.escaped(path)) (import or fetch makes one)")
        }
        let elapsed = Date().timeIntervalSince(started)
        guard problems == ["ok"] else {
            let listed = problems.prefix(20).map { "  " + SafeText.excerpt($0, limit: 160) }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  … and \(problems.count - 20) more" : ""
            throw CheckFailed(message: "integrity_check found \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
                              + listed + more + "\n" + StoreError.damaged(path: path, problems: []).description)
        }
        let store = try Store(path: path)
        let series = try store.summary()
        print(String(format: "%@: sound (integrity_check found no problem, %.0f ms); %d series, %d bars",
                     SafeText.escaped(path), elapsed * 1000, series.count, series.reduce(0) { $0 + $1.count }))
    }
}

/// The store is damaged or missing: the message, and exit status 1.
struct CheckFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
