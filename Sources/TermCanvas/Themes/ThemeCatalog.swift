import Foundation

/// Every theme the user can pick: the bundled ones, and files in the user's theme folder.
///
/// A user file `NAME.toml` overrides the bundled theme of the same name. Every theme is read on top of
/// the bundled default, so a user theme may set only the keys it changes.
public struct ThemeCatalog: Sendable {
    /// Where user themes live: `$RESONANCE_HOME/themes`, else `$XDG_CONFIG_HOME/resonance/themes`, else
    /// `~/.config/resonance/themes`. Nil when none of those can be worked out.
    public var userFolder: URL?

    public init(userFolder: URL?) {
        self.userFolder = userFolder
    }

    /// The catalog for an environment (see `userFolder`).
    public init(environment: [String: String]) {
        self.init(userFolder: ConfigLocation.folder(environment: environment)?.appendingPathComponent("themes"))
    }

    /// The theme names in cycling order: bundled ones first, then user-only ones sorted by name.
    public var names: [String] {
        let bundled = BundledThemes.files.map(\.name)
        let user = userThemeNames().filter { !bundled.contains($0) }.sorted()
        return bundled + user
    }

    /// Loads a theme by name, preferring the user's file.
    ///
    /// A user file that exists is read or rejected, never passed over for the bundled theme of its name.
    /// - Throws: `ThemeError` for a bad file or an unknown name; a user file's error names that file.
    public func load(_ name: String) throws -> LoadedTheme {
        let base = try Self.bundledDefault()
        if let folder = userFolder {
            let url = folder.appendingPathComponent(name + ".toml")
            if let data = Self.contents(of: url, limit: 1 << 20) {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw ThemeError(path: url.path, line: Self.firstLineNotUTF8(data), key: nil, problem: .notUTF8)
                }
                return try Theme.load(text: text, path: url.path, name: name, base: base)
            }
        }
        if name == "default" { return LoadedTheme(theme: base, warnings: []) }
        if let bundled = BundledThemes.files.first(where: { $0.name == name }) {
            return try Theme.load(text: bundled.text, path: "Themes/\(name).toml", name: name, base: base)
        }
        throw ThemeError(path: "--theme", line: nil, key: nil, problem: .noSuchTheme(name: name, available: names))
    }

    /// The bundled default theme, the base every other theme is read on.
    public static func bundledDefault() throws -> Theme { try parsedDefault.get() }

    /// The bundled default, parsed once per process (every theme loaded is read on top of it).
    private static let parsedDefault: Result<Theme, any Error> = Result {
        let file = BundledThemes.files.first { $0.name == "default" }!
        return try Theme.load(text: file.text, path: "Themes/default.toml", name: "default").theme
    }

    /// At most `limit` bytes of a file (nil when it cannot be opened): a theme symlinked to /dev/zero or
    /// a huge file is read no further than that, and then fails to parse with a short excerpt.
    static func contents(of url: URL, limit: Int) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: limit)) ?? Data()
    }

    /// The first line (from 1) of some bytes that is not valid UTF-8, or nil when every line is.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return lines.firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
    }

    private func userThemeNames() -> [String] {
        guard let folder = userFolder,
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
    }
}

/// Resonance's configuration folder.
public enum ConfigLocation {
    /// `$RESONANCE_HOME`, else `$XDG_CONFIG_HOME/resonance`, else `$HOME/.config/resonance`; nil without any.
    public static func folder(environment: [String: String]) -> URL? {
        if let home = environment["RESONANCE_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return URL(fileURLWithPath: config).appendingPathComponent("resonance")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".config/resonance")
        }
        return nil
    }
}

/// The theme the user last picked with `t`, kept in a one-line file `theme` in the configuration folder.
public struct RememberedTheme: Sendable {
    /// The file: `ConfigLocation.folder/theme`.
    public var file: URL?

    public init(environment: [String: String]) {
        file = ConfigLocation.folder(environment: environment)?.appendingPathComponent("theme")
    }

    /// The remembered name, if there is one.
    public func read() -> String? {
        // A name is short: reading 256 bytes at most keeps a file made to point at /dev/zero or a large
        // file from filling memory.
        guard let file, let data = ThemeCatalog.contents(of: file, limit: 256), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// Remembers a name, creating the folder on first use.
    public func write(_ name: String) throws {
        guard let file else { return }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: file, options: .atomic)
    }
}
