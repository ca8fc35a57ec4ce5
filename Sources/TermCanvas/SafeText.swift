/// Text from outside the program, made safe to print or draw: no control character reaches a terminal raw.
///
/// Files, CSV cells, file and theme names, command-line arguments, provider answers, paths and environment
/// variables can hold any bytes. A terminal acts on some of them: ESC (`\u{1B}`) starts sequences that set
/// the window title, clear the screen or write the clipboard (OSC 52), and the C1 controls U+009B (CSI)
/// and U+009D (OSC) do the same on terminals that read them. Every message and every drawn cell takes
/// outside text through here, so each control shows as a visible escape (`\n`, `\t`, `\0`, `\u{1B}`,
/// `\u{9B}`) where it is, and a long text is quoted as a short excerpt.
///
/// Escaped: the C0 controls (U+0000–U+001F), DEL (U+007F), the C1 controls (U+0080–U+009F), the line and
/// paragraph separators (U+2028, U+2029, which break a line on some terminals) and the bidirectional
/// formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, which can make a message
/// read in another order than it is written).
public enum SafeText {
    /// Whether a character must not reach a terminal as it is (see the type's summary).
    @inline(__always)
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        guard value >= 0x061C else { return false }
        return value == 0x061C || value == 0x200E || value == 0x200F || (0x2028...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// Whether some text holds no character that needs escaping.
    public static func isSafe(_ text: some StringProtocol) -> Bool {
        // Every character that needs escaping is a control below U+0020, DEL, or encoded from a lead byte
        // 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (U+20xx): a scan of the bytes skips the rest cheaply.
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 {
            return !text.unicodeScalars.contains(where: needsEscape)
        }
        return true
    }

    /// The whole text with every character that needs escaping written as a visible escape.
    ///
    /// Line breaks are escaped too (`\n`), so the text stays on one line; see `lines(_:)` for a message of
    /// several lines.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard !isSafe(text) else { return String(text) }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// Outside text as a message quotes it: on one line, escaped, and cut to `limit` characters with a
    /// trailing `…` when longer.
    ///
    /// A file's line, a provider's error text or a cell can be any length; quoted whole, one bad file would
    /// flood the terminal or the log (a symlink to a 300 kB file must not become a 300 kB warning).
    public static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit { return result + "…" }
            count += 1
            for scalar in character.unicodeScalars { append(scalar, to: &result) }
        }
        return result
    }

    /// A message of several lines made safe for a terminal: every character that needs escaping is
    /// escaped except the line feeds between its lines.
    ///
    /// The floor under everything the program writes to standard error: whatever a message quotes, and
    /// whether or not it was escaped where it was made, no control character other than a line feed
    /// leaves the program.
    public static func lines(_ text: some StringProtocol) -> String {
        guard !isSafe(text) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" { result.unicodeScalars.append(scalar) } else { append(scalar, to: &result) }
        }
        return result
    }

    /// The character itself, or U+FFFD (`�`) for one that needs escaping: the floor for a single cell.
    @inline(__always)
    public static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        needsEscape(scalar) ? "\u{FFFD}" : scalar
    }

    /// Appends a character, or its escape when it needs one.
    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        guard needsEscape(scalar) else {
            result.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\0": result += "\\0"
        default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }
}
