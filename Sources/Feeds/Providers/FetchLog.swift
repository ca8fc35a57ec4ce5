import Foundation
import TermCanvas

/// Appends one line per fetch outcome to `fetch.log`, so faults seen in the status bar can be read later.
///
/// The file is `Locations.log`. Writing is best effort: a log that cannot be written never stops a fetch.
public struct FetchLog: Sendable {
    public var file: URL

    public init(file: URL) { self.file = file }

    /// The log at `Locations.log` for a `--home` value and an environment.
    public static func resolve(home: String?, environment: [String: String]) -> FetchLog {
        FetchLog(file: Locations.resolve(home: home, environment: environment).log)
    }

    /// Appends a line stamped with the time, its control characters escaped (`SafeText.escaped`).
    ///
    /// The log is opened without following a symlink at its name and created `0600`, its folder `0700`
    /// (`PrivateFiles`): a `fetch.log` pointed at another file is left alone, not appended to.
    public func write(_ line: String, at date: Date = Date()) {
        let stamp = ISO8601DateFormatter().string(from: date)
        let data = Data("\(stamp) \(SafeText.escaped(line))\n".utf8)
        try? PrivateFiles.createFolder(file.deletingLastPathComponent())
        guard let handle = try? PrivateFiles.openForAppending(file) else { return }
        defer { try? handle.close() }
        try? handle.write(contentsOf: data)
    }
}
