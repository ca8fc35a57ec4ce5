/// Why a theme file was rejected, with the place: `FILE:LINE: KEY: what is wrong`.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, one case per kind of mistake.
    public enum Problem: Error, Equatable, Sendable {
        /// A line that is neither a comment nor `key = value`.
        case notKeyValue(String)
        /// A key with characters other than letters, digits, `_` and `-`.
        case badKey(String)
        /// `key =` with nothing after it.
        case missingValue
        /// A quoted value without its closing quote.
        case unterminatedString
        /// Text after a closing quote that is not a comment.
        case trailingText(String)
        /// A value that is not quoted and not a number or boolean.
        case unquotedValue(String)
        /// `#` followed by something other than six hex digits.
        case badHex(String)
        /// A palette index outside 0–255.
        case indexOutOfRange(Int)
        /// A word that names no colour.
        case unknownColorName(String)
        /// A boolean where a colour belongs, or a colour where a boolean belongs.
        case wrongType(expected: String)
        /// The file's bytes are not UTF-8 text (the line is the first that is not).
        case notUTF8
        /// The file exists but could not be read (its permissions, or a folder of that name).
        case unreadable
        /// The text breaks TOML's grammar, as the parser says it.
        case notTOML(String)
        /// The theme asked for by name exists neither in the user's folder nor among the bundled ones.
        case noSuchTheme(name: String, available: [String])
    }

    public var path: String
    public var line: Int?
    public var key: String?
    public var problem: Problem

    public init(path: String, line: Int?, key: String?, problem: Problem) {
        self.path = path
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var place = SafeText.escaped(path)
        if let line { place += ":\(line)" }
        if let key { place += ": \(SafeText.excerpt(key))" }
        return place + ": " + problemText
    }

    private var problemText: String {
        let colourForms = "expected \"#rrggbb\", a palette index 0-255, a colour name such as \"red\" or \"bright_blue\", "
            + "or \"\" for the terminal's own colour"
        switch problem {
        case .notKeyValue(let text): return "expected key = \"value\", got '\(SafeText.excerpt(text))'"
        case .badKey(let key): return "'\(SafeText.excerpt(key))' is not a key (letters, digits, _ and - only)"
        case .missingValue: return "no value after '='"
        case .unterminatedString: return "the quoted value has no closing quote"
        case .trailingText(let text): return "unexpected '\(SafeText.excerpt(text))' after the value"
        case .unquotedValue(let text): return "'\(SafeText.excerpt(text))' must be quoted: \(colourForms)"
        case .badHex(let text): return "'\(SafeText.excerpt(text))' is not a hex colour: \(colourForms)"
        case .indexOutOfRange(let n): return "palette index \(n) is outside 0-255"
        case .unknownColorName(let name): return "'\(SafeText.excerpt(name))' is not a colour name: \(colourForms)"
        case .wrongType(let expected): return "expected \(expected)"
        case .notUTF8: return "not UTF-8 text (save the file as UTF-8)"
        case .unreadable: return "cannot be read"
        case .notTOML(let text): return text
        case let .noSuchTheme(name, available):
            return "no theme '\(SafeText.excerpt(name))'; available: \(available.map { SafeText.excerpt($0) }.joined(separator: ", "))"
        }
    }
}
