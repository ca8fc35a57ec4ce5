import Foundation

/// The theme the user last picked with `t`, kept in a one-line file (`Locations.rememberedTheme`).
public struct RememberedTheme: Sendable {
    /// The file.
    public var file: URL

    public init(file: URL) {
        self.file = file
    }

    /// The remembered theme of the locations for an environment (see `Locations.resolve`).
    public init(environment: [String: String], home: String? = nil) {
        self.init(file: Locations.resolve(home: home, environment: environment).rememberedTheme)
    }

    /// The remembered name, if there is one.
    public func read() -> String? {
        // A name is short: a file over 256 bytes (or one pointing at a device) is not read at all.
        guard let data = try? PrivateFiles.read(file, limit: 256, followingSymlink: true),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// Remembers a name, creating the folder on first use.
    public func write(_ name: String) throws {
        try PrivateFiles.createFolder(file.deletingLastPathComponent())
        try PrivateFiles.writeAtomically(Data((name + "\n").utf8), to: file)
    }
}
