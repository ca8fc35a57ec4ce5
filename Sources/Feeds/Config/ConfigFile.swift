import TermCanvas

/// The subset of TOML `config.toml` uses: `[section]` headers, `key = "text"`, integers, booleans,
/// arrays of strings, and `#` comments.
///
/// Like the theme reader it is hand-written so every entry keeps its line for `FILE:LINE` messages;
/// it adds the sections and string arrays that the provider settings need.
public struct ConfigFile: Sendable {
    /// A value as written.
    public enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case strings([String])
    }

    /// One `key = value` line, with its section ("" before the first header).
    public struct Entry: Hashable, Sendable {
        public var section: String
        public var key: String
        public var value: Value
        public var line: Int
    }

    public var entries: [Entry]

    /// Parses a file's text, with LF or CRLF line ends; `path` names it in errors.
    ///
    /// - Throws: `ConfigError` naming the file and line.
    public init(parsing text: String, path: String) throws {
        entries = []
        var section = ""
        var seen = Set<[String]>()
        // "\r\n" is one Character in Swift, so splitting at "\n" alone would leave a Windows file as one
        // line; such a file may start with a byte order mark too.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, rawLine) in lines.enumerated() {
            let line = offset + 1
            func fail(_ message: String) -> ConfigError { ConfigError(path: path, line: line, message: message) }
            func shown(_ text: Substring) -> String { MessageExcerpt.of(text, limit: 40) }
            let trimmed = Self.trim(Self.stripComment(Substring(rawLine)))
            if trimmed.isEmpty { continue }
            if trimmed.first == "[" {
                guard trimmed.last == "]" else { throw fail("a section header needs a closing ]") }
                let name = Self.trim(trimmed.dropFirst().dropLast())
                guard !name.isEmpty, name.allSatisfy(Self.isKeyCharacter) else {
                    throw fail("'\(shown(trimmed))' is not a section name")
                }
                section = String(name)
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { throw fail("expected key = value, got '\(shown(trimmed))'") }
            let key = Self.trim(trimmed[..<equals])
            guard !key.isEmpty, key.allSatisfy(Self.isKeyCharacter) else { throw fail("'\(shown(key))' is not a key") }
            let valueText = Self.trim(trimmed[trimmed.index(after: equals)...])
            guard !valueText.isEmpty else { throw fail("\(shown(key)) has no value") }
            let value: Value
            do { value = try Self.value(valueText) } catch let problem as ValueProblem { throw fail("\(shown(key)): \(problem.message)") }
            guard seen.insert([section, String(key)]).inserted else {
                throw fail("\(shown(key)) is set twice in [\(shown(Substring(section)))]")
            }
            entries.append(Entry(section: section, key: String(key), value: value, line: line))
        }
    }

    private struct ValueProblem: Error { var message: String }

    private static func isKeyCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." }

    private static func value(_ text: Substring) throws -> Value {
        if text.first == "\"" || text.first == "'" {
            let (string, rest) = try quoted(text)
            guard trim(rest).isEmpty else {
                throw ValueProblem(message: "unexpected text after the string: '\(MessageExcerpt.of(trim(rest)))'")
            }
            return .string(string)
        }
        if text.first == "[" {
            guard text.last == "]" else { throw ValueProblem(message: "an array needs a closing ]") }
            var rest = trim(text.dropFirst().dropLast())
            var items: [String] = []
            while !rest.isEmpty {
                guard rest.first == "\"" || rest.first == "'" else { throw ValueProblem(message: "arrays hold quoted strings only") }
                let (item, after) = try quoted(rest)
                items.append(item)
                rest = trim(after)
                if rest.first == "," { rest = trim(rest.dropFirst()) } else if !rest.isEmpty {
                    throw ValueProblem(message: "expected , between array items")
                }
            }
            return .strings(items)
        }
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let number = Int(String(text.filter { $0 != "_" })) { return .integer(number) }
        throw ValueProblem(message: "'\(MessageExcerpt.of(text))' is not a quoted string, a number, true/false or an array")
    }

    /// A quoted string at the start of `text` and what follows it.
    private static func quoted(_ text: Substring) throws -> (String, Substring) {
        let quote = text.first!
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let c = text[index]
            if c == quote { return (result, text[text.index(after: index)...]) }
            if c == "\\", quote == "\"", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                result.append(text[index])
            } else {
                result.append(c)
            }
            index = text.index(after: index)
        }
        throw ValueProblem(message: "the string is not closed")
    }

    /// The line without a `#` comment that is outside quotes.
    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#" {
                return line[..<index]
            }
        }
        return line
    }

    private static func trim(_ text: Substring) -> Substring {
        var s = text
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return s
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
