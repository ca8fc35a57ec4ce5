import Foundation

/// Where the Resonance store lives: a folder holding `resonance.sqlite` (`Locations.store` finds it).
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
}
