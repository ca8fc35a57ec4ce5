import SettingsText

/// A theme file's settings: flat TOML of `key = value` lines, each value with its line.
///
/// The text is TOML 1.0 (read through `SettingsDocument`), so escapes, literal strings, comments after
/// values and the rest work as any TOML tool reads them. Theme keys are top-level; a key inside a table
/// (`[panels]`, `panels.grid = …`) is kept under its dotted name, which no theme key has, so the loader
/// warns that it is ignored.
public struct ThemeFile: Sendable {
    /// A value as written in the file.
    public enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        /// Any other TOML value, by what it is ("a floating-point number", "an array").
        case other(String)
    }

    /// One `key = value` setting.
    public struct Entry: Hashable, Sendable {
        /// The key; dotted (`panels.grid`) when it is inside a table.
        public var key: String
        public var value: Value
        /// The line of the key (for a key inside an inline table, the table's line).
        public var line: Int
    }

    public var entries: [Entry]

    /// Parses a file's text.
    ///
    /// - Parameter path: the file's name or path, for error messages.
    /// - Throws: `ThemeError` with the line for text that is not TOML.
    public init(parsing text: String, path: String) throws {
        let document: SettingsDocument
        do {
            document = try SettingsDocument(parsing: text, path: path)
        } catch let error as SettingsSyntaxError {
            throw ThemeError(path: path, line: error.line, key: nil, problem: .notTOML(error.message))
        }
        entries = document.entries.map { entry in
            let value: Value
            switch entry.value {
            case .string(let text): value = .string(text)
            case .integer(let number): value = .integer(number)
            case .boolean(let flag): value = .boolean(flag)
            case .float, .array, .other: value = .other(entry.value.kindName)
            }
            return Entry(key: entry.path.joined(separator: "."), value: value, line: entry.line ?? 1)
        }
    }
}
