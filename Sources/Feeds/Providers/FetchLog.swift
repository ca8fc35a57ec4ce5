import Foundation

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

    /// Appends a line stamped with the time.
    public func write(_ line: String, at date: Date = Date()) {
        let stamp = ISO8601DateFormatter().string(from: date)
        let data = Data("\(stamp) \(line)\n".utf8)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = try? FileHandle(forWritingTo: file) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
        } else {
            try? data.write(to: file)
        }
    }
}
