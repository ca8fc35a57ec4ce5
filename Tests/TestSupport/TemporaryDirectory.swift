import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under the system temporary folder, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The folder.
    public let url: URL

    /// Makes an empty folder whose name starts with `prefix`.
    public init(prefix: String = "resonance-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes text to a file inside the folder and returns its URL.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> URL {
        let file = file(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Writes an executable script inside the folder and returns its URL.
    ///
    /// The file is opened close-on-exec: a process another test spawns meanwhile must not inherit a
    /// write descriptor to it, or running the script fails with "Text file busy" for as long as that
    /// process lives.
    public func executable(_ text: String, named name: String) throws -> URL {
        let file = file(name)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        return file
    }

    deinit {
        // Restore permissions a test may have removed, so the folder can be deleted.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
