/// Every theme the user can pick: the bundled ones, and the user's own theme files.
///
/// A user file `NAME.toml` overrides the bundled theme of the same name. Every theme is read on top of
/// the bundled default, so a user theme may set only the keys it changes. The catalog only parses: the
/// caller reads the user's files and hands over their bytes.
public struct ThemeCatalog: Sendable {
    /// A user theme file as read by the caller.
    public struct UserTheme: Hashable, Sendable {
        /// The theme's name: the file name without `.toml`.
        public var name: String
        /// The file's path, as messages name it.
        public var path: String
        /// The file's bytes, or nil when the file exists but could not be read.
        public var bytes: [UInt8]?

        public init(name: String, path: String, bytes: [UInt8]?) {
            self.name = name
            self.path = path
            self.bytes = bytes
        }
    }

    /// The user's theme files.
    public var userThemes: [UserTheme]

    /// A catalog of the bundled themes and the user's files (none by default).
    public init(userThemes: [UserTheme] = []) {
        self.userThemes = userThemes
    }

    /// The theme names in cycling order: bundled ones first, then user-only ones sorted by name.
    public var names: [String] {
        let bundled = BundledThemes.files.map(\.name)
        let user = userThemes.map(\.name).filter { !bundled.contains($0) }.sorted()
        return bundled + user
    }

    /// Loads a theme by name, preferring the user's file.
    ///
    /// A user file that exists is read or rejected, never passed over for the bundled theme of its name.
    /// - Throws: `ThemeError` for a bad file or an unknown name; a user file's error names that file.
    public func load(_ name: String) throws -> LoadedTheme {
        let base = try Self.bundledDefault()
        if let file = userThemes.first(where: { $0.name == name }) {
            guard let bytes = file.bytes else { throw ThemeError(path: file.path, line: nil, key: nil, problem: .unreadable) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ThemeError(path: file.path, line: Self.firstLineNotUTF8(bytes), key: nil, problem: .notUTF8)
            }
            return try Theme.load(text: text, path: file.path, name: name, base: base)
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

    /// The first line (from 1) of some bytes that is not valid UTF-8, or nil when every line is.
    static func firstLineNotUTF8(_ bytes: [UInt8]) -> Int? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return lines.firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
    }
}
