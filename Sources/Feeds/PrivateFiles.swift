import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creating, writing and reading the program's own files and folders so that nobody else can change them
/// and no symlink can redirect them.
///
/// Folders are made `0700` and files `0600` whatever the umask (under umask 000 the system calls alone
/// gave 0777 and 0666). A log or a cached answer is opened with `O_NOFOLLOW`: a `fetch.log` made a symlink
/// to another file is refused instead of appended to. A file written whole (`config.toml`, a cached
/// answer) goes to a new file beside it that is then renamed over the old one, so a reader never sees
/// half a file and a symlink at the name is replaced, never followed.
public enum PrivateFiles {
    /// The permissions of a folder the program creates: the owner only.
    public static let folderMode: mode_t = 0o700
    /// The permissions of a file the program creates: the owner only.
    public static let fileMode: mode_t = 0o600

    /// Why a file or folder could not be made, read or written, naming it.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Creates a folder and any missing parents, each `0700`; an existing folder is left as it is.
    ///
    /// - Throws: `Failure` naming the first part of the path that is in the way, in words: a regular file
    ///   where a folder is needed ("is a file, not a folder"), or the system's reason.
    public static func createFolder(_ url: URL) throws {
        let path = url.standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(path: path, reason: "is a file, not a folder") }
            return
        }
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, folderMode) == 0 {
                // mkdir applies the umask; the folder is ours to set exactly.
                chmod(built, folderMode)
                continue
            }
            let error = errno
            if error == EEXIST {
                var info = stat()
                if stat(built, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                throw Failure(path: built, reason: "is a file, not a folder")
            }
            if error == ENOTDIR { throw Failure(path: built, reason: "a part of this path is a file, not a folder") }
            throw Failure(path: built, reason: String(cString: strerror(error)))
        }
    }

    /// Writes a whole file atomically with permissions `0600`: to a new file in the same folder, flushed
    /// to disk, then renamed over `url`. The folder is created (`createFolder`) when missing.
    ///
    /// A symlink at `url` is replaced by the file, never written through; an interrupted write leaves the
    /// old file as it was. Use it for `config.toml` (it holds the SEC contact) and anything else written whole.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw Failure(path: url.path, reason: "cannot create a file beside it: \(String(cString: strerror(errno)))") }
        var failure: String?
        fchmod(fd, fileMode)
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: url.path, reason: "cannot write: \(failure)")
        }
    }

    /// Opens a file for appending without following a symlink at its name, creating it `0600` when missing.
    ///
    /// - Throws: `Failure` for a symlink ("is a symbolic link; not followed") or another reason.
    public static func openForAppending(_ url: URL) throws -> FileHandle {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw Failure(path: url.path, reason: reason(errno)) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// The bytes of a regular file, read without following a symlink at its name; nil when it is missing.
    ///
    /// - Parameters:
    ///   - limit: the most bytes to read; a longer file is refused, so a name made to point at a device or
    ///     a huge file cannot fill memory.
    ///   - followingSymlink: follow a symlink at the name (a file the user keeps elsewhere, such as
    ///     `config.toml`); the program's own files (caches, logs) are never followed.
    /// - Throws: `Failure` for a symlink not followed, something other than a regular file, or a file over `limit`.
    public static func read(_ url: URL, limit: Int, followingSymlink: Bool = false) throws -> Data? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingSymlink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path: url.path, reason: reason(errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: url.path, reason: "is not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw Failure(path: url.path, reason: "is larger than \(AnswerKind.megabytes(limit))")
        }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let failed = data.withUnsafeMutableBytes { bytes -> Bool in
            while total < bytes.count {
                let count = systemRead(fd, bytes.baseAddress! + total, bytes.count - total)
                if count < 0 { if errno == EINTR { continue } else { return true } }
                if count == 0 { break }
                total += count
            }
            return false
        }
        if failed { throw Failure(path: url.path, reason: reason(errno)) }
        return data.prefix(total)
    }

    /// `read(2)`, by a name the static `read` above does not hide.
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// The reason for an `open` that failed, in words.
    private static func reason(_ error: Int32) -> String {
        error == ELOOP ? "is a symbolic link; not followed" : String(cString: strerror(error))
    }
}
