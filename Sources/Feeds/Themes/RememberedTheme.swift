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
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// Remembers a name, creating the folder on first use.
    public func write(_ name: String) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: file, options: .atomic)
    }
}
