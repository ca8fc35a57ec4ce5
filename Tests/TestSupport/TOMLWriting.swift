/// Writes values as TOML text in a random one of the ways TOML allows, for property tests of the readers
/// of `config.toml` and theme files: a file any TOML tool accepts must read as the values written.
public enum TOMLWriting {
    /// A string in one of the four string forms: basic (with random escapes), literal, multi-line basic,
    /// multi-line literal; the literal forms only where they can hold the text.
    public static func string(_ text: String, _ random: inout SeededRandom) -> String {
        let hasControl = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        switch random.int(0...3) {
        case 1 where !text.contains("'") && !hasControl:
            return "'" + text + "'"
        case 2:
            // A newline right after the opening quotes is not part of the string.
            return "\"\"\"" + (random.chance(0.5) ? "\n" : "") + escaped(text, &random) + "\"\"\""
        case 3 where !text.contains("'") && !hasControl:
            return "'''" + (random.chance(0.5) ? "\n" : "") + text + "'''"
        default:
            return "\"" + escaped(text, &random) + "\""
        }
    }

    /// Basic-string escapes: `\` and `"` always, control characters always, and now and then any other
    /// character as `\uXXXX` or `\UXXXXXXXX`.
    static func escaped(_ text: String, _ random: inout SeededRandom) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\t": result += random.chance(0.5) ? "\\t" : "\\u0009"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += unicodeEscape(scalar, long: false)
            case _ where random.chance(0.15): result += unicodeEscape(scalar, long: random.chance(0.3))
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar, long: Bool) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: scalar.value % 2 == 0)
        if long || scalar.value > 0xFFFF { return "\\U" + String(repeating: "0", count: 8 - digits.count) + digits }
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A non-negative integer in decimal (with or without `_` or `+`), hex, octal or binary.
    public static func integer(_ n: Int, _ random: inout SeededRandom) -> String {
        precondition(n >= 0)
        switch random.int(0...5) {
        case 0: return "0x" + String(n, radix: 16, uppercase: random.chance(0.5))
        case 1: return "0o" + String(n, radix: 8)
        case 2: return "0b" + String(n, radix: 2)
        case 3: return "+\(n)"
        case 4 where n >= 1_000: return "\(n / 1_000)_" + String(String(n % 1_000 + 1_000).dropFirst())
        default: return "\(n)"
        }
    }

    /// A key that is a bare key: as it is, or quoted either way.
    public static func key(_ name: String, _ random: inout SeededRandom) -> String {
        switch random.int(0...5) {
        case 0: return "\"\(name)\""
        case 1: return "'\(name)'"
        default: return name
        }
    }

    /// An array of values already written, on one line or over several, with comments and a trailing comma.
    public static func array(_ items: [String], _ random: inout SeededRandom) -> String {
        if random.chance(0.5) { return "[" + items.joined(separator: random.pick([",", ", ", " , "])) + "]" }
        var text = "[" + comment(&random) + "\n"
        for (index, item) in items.enumerated() {
            let comma = index < items.count - 1 || random.chance(0.5) ? "," : ""
            text += random.pick(["  ", "\t", ""]) + item + comma + comment(&random) + "\n"
        }
        return text + "]"
    }

    /// Nothing, or a comment to put after a value (holding the characters a naive reader trips on).
    public static func comment(_ random: inout SeededRandom) -> String {
        random.chance(0.3) ? random.pick([" ", "   ", "\t"]) + "# " + random.pick(["note", "a = b", "\"quoted\" # twice", "[x]", "'", "é ✓"]) : ""
    }
}
