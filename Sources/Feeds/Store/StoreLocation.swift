import Foundation

/// Where the Resonance store lives: a home folder holding `resonance.sqlite`.
///
/// The folder is, in order: the `--home DIR` value when given, else `$RESONANCE_HOME`, else
/// `$XDG_DATA_HOME/resonance`, else `~/.local/share/resonance`. Empty variables count as unset, and a
/// relative `XDG_DATA_HOME` is ignored, as the XDG base directory specification asks.
public struct StoreLocation: Hashable, Sendable {
    /// The name of the database file inside the home folder.
    public static let databaseFileName = "resonance.sqlite"

    /// The home folder.
    public var directory: URL

    /// The database file.
    public var databaseURL: URL { directory.appendingPathComponent(StoreLocation.databaseFileName) }

    /// A location at an explicit folder.
    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// Resolves the home folder from a `--home` value and an environment, without touching the disk.
    ///
    /// - Parameters:
    ///   - home: the `--home DIR` command-line value, if any; relative paths are taken from the current folder.
    ///   - environment: the process environment, such as `ProcessInfo.processInfo.environment`.
    public static func resolve(home: String? = nil, environment: [String: String]) -> StoreLocation {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let home, !home.isEmpty { return StoreLocation(directory: URL(fileURLWithPath: expandingTilde(home, environment))) }
        if let home = value("RESONANCE_HOME") { return StoreLocation(directory: URL(fileURLWithPath: expandingTilde(home, environment))) }
        if let data = value("XDG_DATA_HOME"), data.hasPrefix("/") {
            return StoreLocation(directory: URL(fileURLWithPath: data).appendingPathComponent("resonance"))
        }
        return StoreLocation(directory: userHome(environment).appendingPathComponent(".local/share/resonance"))
    }

    /// Creates the home folder (and its parents) when it is missing, `0700` whatever the umask
    /// (`PrivateFiles.createFolder`).
    ///
    /// - Throws: `StoreError.cannotCreateFolder` naming the folder and, in words, what is in the way (a
    ///   file where a folder should be, a folder that cannot be written).
    public func createDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.cannotCreateFolder(path: directory.path, reason: "a file with that name exists")
            }
            return
        }
        do {
            try PrivateFiles.createFolder(directory)
        } catch let failure as PrivateFiles.Failure {
            let reason = failure.path == directory.path ? failure.reason : "\(failure.path) \(failure.reason)"
            throw StoreError.cannotCreateFolder(path: directory.path, reason: reason)
        }
    }

    // MARK: - Helpers

    private static func userHome(_ environment: [String: String]) -> URL {
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        return FileManager.default.homeDirectoryForCurrentUser
    }

    private static func expandingTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return userHome(environment).path + path.dropFirst()
    }
}
