/// The flat subset of TOML a theme file uses: `key = "value"`, `key = 12`, `key = true`, comments.
///
/// Hand-written so every entry keeps its line number for error messages. Tables (`[section]`), arrays
/// and escapes beyond `\"` and `\\` are not part of the format.
public struct ThemeFile: Sendable {
    /// A value as written in the file.
    public enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
    }

    /// One `key = value` line.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: Value
        public var line: Int
    }

    public var entries: [Entry]
    /// Lines that were read past with a warning (a `[section]` header), as (line, message).
    public var notes: [(line: Int, message: String)]

    /// Parses a file's text.
    ///
    /// - Parameter path: the file's name or path, for error messages.
    /// - Throws: `ThemeError` for a line that is not `key = value` or a value that is not a string,
    ///   an integer or a boolean.
    public init(parsing text: String, path: String) throws {
        entries = []
        notes = []
        // "\r\n" is one Character in Swift, so splitting at "\n" alone would leave a Windows file as a
        // single line (its first comment hiding every key).
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            if trimmed.first == "[" {
                notes.append((lineNumber, "sections are not used in theme files; '\(trimmed)' is ignored"))
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw ThemeError(path: path, line: lineNumber, key: nil, problem: .notKeyValue(String(trimmed)))
            }
            let key = trimmed[..<equals].trimmingSpaces()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw ThemeError(path: path, line: lineNumber, key: nil, problem: .badKey(String(key)))
            }
            let value = try Self.value(trimmed[trimmed.index(after: equals)...].trimmingSpaces(),
                                       path: path, line: lineNumber, key: String(key))
            entries.append(Entry(key: String(key), value: value, line: lineNumber))
        }
    }

    /// A value and an optional trailing comment.
    private static func value(_ text: Substring, path: String, line: Int, key: String) throws -> Value {
        func fail(_ problem: ThemeError.Problem) -> ThemeError { ThemeError(path: path, line: line, key: key, problem: problem) }
        guard let first = text.first else { throw fail(.missingValue) }
        if first == "\"" || first == "'" {
            var result = ""
            var index = text.index(after: text.startIndex)
            var closed = false
            while index < text.endIndex {
                let c = text[index]
                if c == first { closed = true; index = text.index(after: index); break }
                if c == "\\", first == "\"", text.index(after: index) < text.endIndex {
                    index = text.index(after: index)
                    result.append(text[index])
                } else {
                    result.append(c)
                }
                index = text.index(after: index)
            }
            guard closed else { throw fail(.unterminatedString) }
            let rest = text[index...].trimmingSpaces()
            guard rest.isEmpty || rest.first == "#" else { throw fail(.trailingText(String(rest))) }
            return .string(result)
        }
        let bare = (text.firstIndex(of: "#").map { text[..<$0] } ?? text).trimmingSpaces()
        if bare == "true" { return .boolean(true) }
        if bare == "false" { return .boolean(false) }
        if let number = Int(String(bare.filter { $0 != "_" })) { return .integer(number) }
        throw fail(.unquotedValue(String(bare)))
    }
}

extension Substring {
    /// This text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
