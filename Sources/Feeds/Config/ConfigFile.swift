import SettingsText
import TermCanvas

/// `config.toml` as flat settings: each value with its section and line.
///
/// The file is TOML 1.0 (read through `SettingsDocument`): escapes, literal and multi-line strings,
/// multi-line arrays, comments after values, dotted keys and inline tables all work. Every value is given
/// as the key that holds it and the table path above that key (`section`, joined with dots), so
/// `[providers] rut = […]`, `providers.rut = […]` and `providers = { rut = […] }` are the same entry.
public struct ConfigFile: Sendable {
    /// A value as written.
    public enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case strings([String])
        /// Any other TOML value (a float, a date, an array of numbers, …), by what it is, such as
        /// "a floating-point number"; the typed accessors refuse it with that name.
        case other(String)

        /// What the value is, for messages: "a string", "a list of strings", "an integer".
        public var kindName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .boolean: return "true or false"
            case .strings: return "a list of strings"
            case .other(let kind): return kind
            }
        }
    }

    /// One setting, with its section ("" for the top level) and line (the line of its key; nil when
    /// that could not be told).
    public struct Entry: Hashable, Sendable {
        public var section: String
        public var key: String
        public var value: Value
        public var line: Int?

        /// The key with its section, as a message names it: `providers.rut`, `refresh_interval`.
        public var keyPath: String { section.isEmpty ? key : section + "." + key }
    }

    public var entries: [Entry]

    /// Parses a file's text, with LF or CRLF line ends and an optional byte order mark; `path` names it
    /// in errors.
    ///
    /// - Throws: `ConfigError` naming the file and line.
    public init(parsing text: String, path: String) throws {
        let document: SettingsDocument
        do {
            document = try SettingsDocument(parsing: text, path: path)
        } catch let error as SettingsSyntaxError {
            throw ConfigError(path: error.path, line: error.line, message: MessageExcerpt.of(error.message, limit: 200))
        }
        entries = document.entries.map { entry in
            Entry(section: entry.path.dropLast().joined(separator: "."), key: entry.path.last ?? "",
                  value: Self.value(entry.value), line: entry.line)
        }
    }

    private static func value(_ value: SettingsDocument.Value) -> Value {
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .integer(number)
        case .boolean(let flag): return .boolean(flag)
        case .array(let items):
            let strings = items.compactMap { item -> String? in if case .string(let text) = item { return text } else { return nil } }
            return strings.count == items.count ? .strings(strings) : .other("an array of mixed or non-string values")
        case .float, .other: return .other(value.kindName)
        }
    }
}

/// A configuration problem, as `FILE:LINE: what is wrong`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// The line, or nil for a problem with the whole file (or the environment).
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `PATH:LINE: message`, escaped (`SafeText.escaped`): both parts can quote the file or its name.
    public var description: String {
        let path = SafeText.escaped(path), message = SafeText.escaped(message)
        return line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}
