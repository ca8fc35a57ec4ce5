import Foundation

/// The user's theme files (`Locations.themes`), read whole for the theme catalog to parse.
public enum UserThemeFolder {
    /// One `NAME.toml` file.
    public struct File: Hashable, Sendable {
        /// The theme's name: the file name without `.toml`.
        public var name: String
        /// The file's path, as messages name it.
        public var path: String
        /// The file's bytes, or nil when it exists but could not be read.
        public var bytes: [UInt8]?
    }

    /// The most a theme file may hold: a name made to point at a device or a huge file is not read.
    public static let maximumBytes = 1 << 20

    /// Every `*.toml` file in a folder, sorted by name; none when the folder is missing.
    public static func read(_ folder: URL) -> [File] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".toml") && $0.count > 5 }.sorted().map { fileName in
            let url = folder.appendingPathComponent(fileName)
            return File(name: String(fileName.dropLast(5)), path: url.path,
                        bytes: (try? PrivateFiles.read(url, limit: maximumBytes, followingSymlink: true))?.map { [UInt8]($0) })
        }
    }
}
