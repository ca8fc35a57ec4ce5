/// The line each key of a TOML document is written on, found by a light scan of its text.
///
/// TOMLKit gives values without their places, so messages about a value would lose their line. This
/// scan reads only what places a key: table headers (`[a.b]`, `[[a]]`), the dotted key before each `=`,
/// and enough of every value (strings of all four kinds, brackets, comments) to skip it. It runs only on
/// documents the parser accepted, so it never has to report a syntax error of its own.
struct KeyLines {
    /// Lines by full key path; a table header's path maps to the header's line.
    private var lines: [[String]: Int] = [:]

    init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.scanDocument { path, line in
            if lines[path] == nil { lines[path] = line }
        }
    }

    /// The line of a key path, else of its nearest enclosing path that has one.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        private mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        private mutating func skipSpaces() {
            while let c = current, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { advance() }
        }

        private mutating func skipToLineEnd() {
            while let c = current, c != UInt8(ascii: "\n") { advance() }
        }

        mutating func scanDocument(_ found: (_ path: [String], _ line: Int) -> Void) {
            var table: [String] = []
            while index < bytes.count {
                skipSpaces()
                guard let c = current else { break }
                switch c {
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    advance()
                case UInt8(ascii: "#"):
                    skipToLineEnd()
                case UInt8(ascii: "["):
                    let doubled = peek(1) == UInt8(ascii: "[")
                    advance()
                    if doubled { advance() }
                    let headerLine = line
                    skipSpaces()
                    table = keys()
                    found(table, headerLine)
                    skipToLineEnd()
                default:
                    let keyLine = line
                    let path = table + keys()
                    found(path, keyLine)
                    skipSpaces()
                    if current == UInt8(ascii: "=") { advance() }
                    skipValue(keyPath: path, found)
                }
            }
        }

        /// A dotted key: bare, "basic" or 'literal' parts separated by dots, spaces allowed around them.
        private mutating func keys() -> [String] {
            var parts: [String] = []
            while current != nil {
                skipSpaces()
                guard let c = current else { break }
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    parts.append(quotedKey(c))
                } else {
                    let start = index
                    while let b = current, Self.isBareKeyByte(b) { advance() }
                    if index == start { break }
                    parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                }
                skipSpaces()
                guard current == UInt8(ascii: ".") else { break }
                advance()
            }
            return parts
        }

        private static func isBareKeyByte(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }

        /// A quoted key's text, with a basic string's escapes undone so it matches the parser's key.
        private mutating func quotedKey(_ quote: UInt8) -> String {
            advance()
            var raw: [UInt8] = []
            while let c = current, c != quote, c != UInt8(ascii: "\n") {
                if c == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    advance()
                    guard let e = current else { break }
                    advance()
                    raw += Self.unescaped(e, hex: { count in
                        let start = index
                        for _ in 0..<count where current != nil { advance() }
                        return String(decoding: bytes[start..<index], as: UTF8.self)
                    })
                    continue
                }
                raw.append(c)
                advance()
            }
            if current == quote { advance() }
            return String(decoding: raw, as: UTF8.self)
        }

        private static func unescaped(_ e: UInt8, hex: (Int) -> String) -> [UInt8] {
            switch e {
            case UInt8(ascii: "b"): return [8]
            case UInt8(ascii: "t"): return [9]
            case UInt8(ascii: "n"): return [10]
            case UInt8(ascii: "f"): return [12]
            case UInt8(ascii: "r"): return [13]
            case UInt8(ascii: "e"): return [27]
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = hex(e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8)
                guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { return [] }
                return Array(String(Character(scalar)).utf8)
            default: return [e]
            }
        }

        /// What a bracket opened inside a value.
        private enum Open {
            case array
            /// An inline table, with its key path when it is a key's value (nil inside an array).
            case table([String]?)
        }

        /// Skips a value to the end of its line (or of its last line, for strings and arrays that span
        /// several), noting the keys of inline tables on the way.
        private mutating func skipValue(keyPath: [String], _ found: (_ path: [String], _ line: Int) -> Void) {
            var open: [Open] = []
            // The key path of the value the scan is about to read, when it is a key's value.
            var valuePath: [String]? = keyPath
            func inlineKey() {
                skipSpaces()
                guard case .table(let parent)? = open.last, let c = current, c != UInt8(ascii: "}") else { return }
                let keyLine = line
                let path = keys()
                if let parent {
                    found(parent + path, keyLine)
                    valuePath = parent + path
                } else {
                    valuePath = nil
                }
                skipSpaces()
                if current == UInt8(ascii: "=") { advance() }
            }
            while let c = current {
                switch c {
                case UInt8(ascii: "\n"):
                    if open.isEmpty { return }
                    advance()
                case UInt8(ascii: "#"):
                    skipToLineEnd()
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(c)
                case UInt8(ascii: "["):
                    open.append(.array)
                    valuePath = nil
                    advance()
                case UInt8(ascii: "{"):
                    open.append(.table(valuePath))
                    advance()
                    inlineKey()
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if !open.isEmpty { open.removeLast() }
                    advance()
                case UInt8(ascii: ","):
                    advance()
                    if case .table? = open.last { inlineKey() } else { valuePath = nil }
                default:
                    advance()
                }
            }
        }

        /// Skips a string of any of the four kinds, starting at its opening quote.
        private mutating func skipString(_ quote: UInt8) {
            let multiLine = peek(1) == quote && peek(2) == quote
            if multiLine {
                advance(); advance(); advance()
                while let c = current {
                    if c == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { advance(); if current != nil { advance() }; continue }
                    if c == quote, peek(1) == quote, peek(2) == quote {
                        advance(); advance(); advance()
                        // Up to two more quotes may belong to the string ("""a""""" is legal).
                        while current == quote { advance() }
                        return
                    }
                    advance()
                }
                return
            }
            advance()
            while let c = current, c != UInt8(ascii: "\n") {
                if c == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { advance(); if current != nil { advance() }; continue }
                advance()
                if c == quote { return }
            }
        }
    }
}
