import Foundation

/// Raw publisher answers kept on disk under the store's folder (`cache/sec/…`),
/// so that a settled filing or frame is fetched once and can always be read again.
public struct RawAnswerCache: Sendable {
    /// The `cache` folder.
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The file for a relative name such as `sec/frames/NetIncomeLoss-USD-CY2025Q3.json`.
    public func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The stored answer, when there is one no older than `maximumAge` (nil: any age); read without
    /// following a symlink and no larger than any answer is allowed to be (`PrivateFiles.read`).
    public func read(_ name: String, maximumAge: TimeInterval? = nil, now: Date = Date()) -> Data? {
        let url = file(name)
        guard let data = try? PrivateFiles.read(url, limit: AnswerKind.largestLimit) else { return nil }
        if let maximumAge {
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            if now.timeIntervalSince(modified) > maximumAge { return nil }
        }
        return data
    }

    /// Whether an answer is kept and no older than `maximumAge` (nil: any age), without reading it.
    public func isFresh(_ name: String, maximumAge: TimeInterval? = nil, now: Date = Date()) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file(name).path) else { return false }
        guard let maximumAge else { return true }
        let modified = attributes[.modificationDate] as? Date ?? .distantPast
        return now.timeIntervalSince(modified) <= maximumAge
    }

    /// Stores an answer atomically (an interrupted write leaves no half file; `PrivateFiles`).
    public func write(_ data: Data, to name: String) throws {
        try PrivateFiles.writeAtomically(data, to: file(name))
    }
}
