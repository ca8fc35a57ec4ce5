/// Text from an answer or a file, made fit to quote in a one-line message.
///
/// A publisher's words (an error text, a symbol, a cell) or a line of a file can be any length and hold
/// line breaks or invisible characters; quoted as they are, one bad answer would flood the status line
/// or the log, and a stray control character in a key would leave the message looking wrong for no reason.
enum MessageExcerpt {
    /// The text on one line, cut to `limit` characters with a trailing `…` when longer.
    ///
    /// Line breaks, tabs and other control characters are shown escaped: `\n`, `\r`, `\t`, `\0`, else
    /// `\u{2028}`, so they are visible where they are.
    static func of(_ text: some StringProtocol, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit { return result + "…" }
            count += 1
            guard character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                result.append(character)
                continue
            }
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case "\0": result += "\\0"
                default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                }
            }
        }
        return result
    }
}
