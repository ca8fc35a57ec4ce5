import TOMLKit

/// A TOML document read into flat entries: every value with its key path and, where it can be told,
/// the line it was written on.
///
/// Parsing is TOML 1.0 through TOMLKit (escapes, literal and multi-line strings, multi-line arrays,
/// comments after values, dotted keys, inline tables); a document that breaks the grammar is refused
/// with the line the parser stopped at. Tables are flattened: `[yahoo] url = "…"`, `yahoo.url = "…"`
/// and `yahoo = { url = "…" }` all give the entry `["yahoo", "url"]`. Entries are in the order of the
/// lines they are on.
public struct SettingsDocument: Sendable {
    /// A value as the document holds it.
    public enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([Value])
        /// A value this reader does not unpack (a date, a time, a table inside an array), by its TOML type name.
        case other(String)

        /// The value's kind in words, for messages: "a string", "an array of integers".
        public var kindName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .float: return "a floating-point number"
            case .boolean: return "a boolean"
            case .array(let items) where items.isEmpty: return "an empty array"
            case .array: return "an array"
            case .other(let name): return "a \(name)"
            }
        }
    }

    /// One value and where it is.
    public struct Entry: Hashable, Sendable {
        /// The keys from the document's root to the value: `["providers", "rut"]`.
        public var path: [String]
        public var value: Value
        /// The line (from 1) of the key that set the value, or of the nearest enclosing key that could be
        /// found (an inline table's own line); nil when none was found.
        public var line: Int?
    }

    public var entries: [Entry]

    /// Parses a document's text; `path` names it in errors.
    ///
    /// - Throws: `SettingsSyntaxError` as `FILE:LINE: what is wrong`.
    public init(parsing text: String, path: String) throws {
        // The parser reads a C string: a NUL would silently end the document there.
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw SettingsSyntaxError(path: path, line: line, message: "a NUL character, which TOML does not allow")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SettingsSyntaxError(path: path, line: max(1, error.source.begin.line),
                                      message: SettingsSyntaxError.plainMessage(error.description))
        }
        let lines = KeyLines(text: text)
        var entries: [Entry] = []
        Self.flatten(table, prefix: [], lines: lines, into: &entries)
        self.entries = entries.enumerated().sorted {
            ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset)
        }.map(\.element)
    }

    private static func flatten(_ table: TOMLTable, prefix: [String], lines: KeyLines, into entries: inout [Entry]) {
        for key in table.keys {
            guard let node = table[key] else { continue }
            let path = prefix + [key]
            if let nested = node.table {
                flatten(nested, prefix: path, lines: lines, into: &entries)
            } else {
                entries.append(Entry(path: path, value: value(node), line: lines.line(of: path)))
            }
        }
    }

    private static func value(_ node: any TOMLValueConvertible) -> Value {
        switch node.type {
        case .string: return node.string.map(Value.string) ?? .other("string")
        case .int: return node.int.map(Value.integer) ?? .other("integer")
        case .double: return node.double.map(Value.float) ?? .other("floating-point number")
        case .bool: return node.bool.map(Value.boolean) ?? .other("boolean")
        case .array: return .array(node.array.map { $0.map { value($0) } } ?? [])
        case .table: return .other("table")
        case .date: return .other("date")
        case .time: return .other("time")
        case .dateTime: return .other("date-time")
        }
    }
}

/// A document that is not TOML, as `FILE:LINE: what is wrong`.
public struct SettingsSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): \(message)" }

    /// The parser's message on one line, without its "Error while parsing" preamble.
    static func plainMessage(_ text: String) -> String {
        var message = text.split(whereSeparator: \.isNewline).map { $0.drop { $0 == " " || $0 == "\t" } }.joined(separator: " ")
        let preamble = "Error while parsing "
        if message.hasPrefix(preamble) { message = String(message.dropFirst(preamble.count)) }
        if message.hasPrefix("value: could not determine value type") {
            // What the parser says of an unquoted word, such as `grid = red`.
            message += " (text needs quotes, such as \"red\")"
        }
        return message.isEmpty ? "not TOML" : message
    }
}
