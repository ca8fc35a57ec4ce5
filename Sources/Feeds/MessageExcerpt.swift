/// Text from an answer or a file, made fit to quote in a one-line message.
///
/// A publisher's words (an error text, a symbol, a cell) can be any length and hold line breaks; quoted
/// as they are, one bad answer would flood the status line or the log.
enum MessageExcerpt {
    /// The text on one line (line breaks and other control characters become spaces), cut to `limit`
    /// characters with a trailing `…` when longer.
    static func of(_ text: some StringProtocol, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit { return result + "…" }
            let breaksLine = character.isNewline || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            result.append(breaksLine ? " " : character)
            count += 1
        }
        return result
    }
}
