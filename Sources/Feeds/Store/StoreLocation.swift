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

    /// Creates the home folder (and its parents) when it is missing.
    ///
    /// - Throws: `StoreError.cannotCreateFolder` naming the folder.
    public func createDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.cannotCreateFolder(path: directory.path, reason: "a file with that name exists")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateFolder(path: directory.path, reason: Self.reason(error))
        }
    }

    // MARK: - Helpers

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
