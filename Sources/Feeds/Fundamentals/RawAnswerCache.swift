import Foundation

/// Raw publisher answers kept on disk under the store's folder (`cache/sec/…`, `cache/ishares/…`),
/// so that a quarter's frame is fetched once and every snapshot can be re-read.
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

    /// Stores an answer atomically (an interrupted write leaves no half file; `PrivateFiles`).
    public func write(_ data: Data, to name: String) throws {
        let url = file(name)
        try PrivateFiles.writeAtomically(data, to: url)
    }
}
