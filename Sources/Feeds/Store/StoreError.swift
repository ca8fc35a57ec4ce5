import Foundation
import GRDB
import Markets
import TermCanvas

/// Why the store could not be opened or written, in words that name the file involved.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The home folder is missing and could not be made.
    case cannotCreateFolder(path: String, reason: String)
    /// The database file could not be opened or created (permissions, read-only folder, …).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not a Resonance store (not SQLite, or another program's database).
    case notAStore(path: String)
    /// The file is an SQLite database but damaged (cut short, or a page overwritten): SQLite's check found
    /// `problems` (its first lines). Nothing is written to it.
    case damaged(path: String, problems: [String])
    /// The store was written by a newer Resonance with a schema this one does not know.
    case newerSchema(path: String)
    /// The disk holding the store is full; the write was rolled back and the store keeps what it had.
    case diskFull(path: String)
    /// A bar failed validation; nothing of its batch was written.
    case invalidBar(series: SeriesID, day: Day, reason: String)
    /// An observation (a flow, a share) failed validation; nothing of its batch was written.
    case invalidObservation(series: SeriesID, day: Day, reason: String)

    /// The message; the paths in it are escaped (`SafeText.lines`), as a store path may hold any character.
    public var description: String { SafeText.lines(text) }

    private var text: String {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the data folder \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot open the store \(path): \(reason)"
        case .notAStore(let path):
            // The file is left alone (it may be worth recovering); the fix is one command away.
            return "\(path) is not a Resonance store (not an SQLite database made by Resonance); "
                + "to keep it and start a new store: mv \(shellQuoted(path)) \(shellQuoted(path + ".broken"))"
        case .damaged(let path, let problems):
            let found = problems.isEmpty ? "" : " (SQLite found: \(problems.prefix(3).map { SafeText.excerpt($0, limit: 100) }.joined(separator: "; "))"
                + (problems.count > 3 ? "; \(problems.count - 3) more" : "") + ")"
            let broken = shellQuoted(path + ".broken")
            return "\(path) is a damaged Resonance store\(found); nothing was written to it. To recover: "
                + "mv \(shellQuoted(path)) \(broken), then sqlite3 \(broken) .recover | sqlite3 \(shellQuoted(path)) "
                + "keeps every row still readable (or import your files again); resonance check tells when it is sound"
        case .diskFull(let path):
            return "the disk holding \(path) is full; nothing was written and the store keeps what it had"
        case .newerSchema(let path):
            return "\(path) was written by a newer version of Resonance; upgrade to open it"
        case .invalidBar(let series, let day, let reason),
             .invalidObservation(let series, let day, let reason):
            return "\(series) \(day): \(reason); nothing was written"
        }
    }
}

/// A path quoted for a POSIX shell, so a printed command can be pasted as it is.
private func shellQuoted(_ path: String) -> String {
    let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+,:@".contains($0) }
    return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { description }
}

extension StoreError {
    /// The words for an error met while reading a store whose file turned out damaged (SQLite's
    /// "database disk image is malformed" in the middle of a read), or nil for any other error.
    ///
    /// Opening and writing name the store and say how to recover (`damaged`); a read that meets a bad
    /// page deep in a query only has SQLite's code and statement, so the program's last word says it in
    /// words instead.
    public static func damageMetWhileReading(_ error: any Error) -> String? {
        guard let error = error as? DatabaseError,
              error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB else { return nil }
        return "the store is damaged (SQLite: \(error.message ?? "database disk image is malformed")); "
            + "resonance check lists what is wrong and how to recover"
    }
}
