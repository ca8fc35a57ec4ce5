/// Fitting text into a width without cutting a word or a number in half.
///
/// Text that is too long is cut at the last space that leaves room for an ellipsis (`…`), and separators
/// left dangling at the cut (`·`, `—`, `:`, `,`, `;`, `│`) go with it. A word is never cut inside: when not
/// even the first word fits, what is left is the ellipsis alone. So a number such as `+15,869.4%` shows
/// whole or not at all.
public enum TextFit {
    /// The width of a text in cells: one per Unicode scalar, as `Buffer.write` draws it.
    public static func width(_ text: String) -> Int { text.unicodeScalars.count }

    /// The text as an ASCII-only buffer draws it (`…` as `...`, `→` as `->`), so its width can be measured.
    public static func ascii(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 128 }) ? text : text.unicodeScalars.map(ASCIIFallback.replacement(for:)).joined()
    }

    /// The text, or its longest run of whole words followed by `…`, in at most `width` cells.
    ///
    /// With `ascii` the text is first put in the form an ASCII-only buffer draws, and the ellipsis is `...`.
    /// - Returns: the text itself when it fits; the ellipsis alone when no whole word does; empty for a width below 1.
    public static func words(_ text: String, width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let text = ascii ? Self.ascii(text) : text
        guard Self.width(text) > width else { return text }
        let ellipsis: String.UnicodeScalarView = ascii ? "...".unicodeScalars : "…".unicodeScalars
        let scalars = Array(text.unicodeScalars)
        // The longest prefix ending before a space, leaving one cell for the ellipsis.
        var cut = 0
        // The ellipsis always follows a space, so a whole word before it cannot be taken for a cut one.
        for i in 1..<scalars.count where scalars[i] == " " && scalars[i - 1] != " " && i <= width - ellipsis.count - 1 {
            cut = i
        }
        var kept = Array(scalars[0..<cut])
        while let last = kept.last, last == " " || danglingSeparators.contains(last) || (ascii && last == "-" && kept.dropLast().last == " ") {
            kept.removeLast()
        }
        guard !kept.isEmpty else { return String(ellipsis) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept)
        view.append(" ")
        view.append(contentsOf: ellipsis)
        return String(view)
    }

    /// The text, or `…` and its end, in at most `width` cells: for paths, whose end names the file.
    public static func keepingEnd(_ text: String, width: Int, ascii: Bool = false) -> String {
        let text = ascii ? Self.ascii(text) : text
        let ellipsis: String.UnicodeScalarView = ascii ? "...".unicodeScalars : "…".unicodeScalars
        guard width > ellipsis.count else { return "" }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return text }
        var view = ellipsis
        view.append(contentsOf: scalars.suffix(width - ellipsis.count))
        return String(view)
    }

    /// Breaks text into lines of at most `width` cells at spaces, each continuation indented two cells
    /// deeper than the text's own indent (so a wrapped command keeps its place under its first line).
    ///
    /// Runs of spaces inside a line are kept (columns stay aligned). A word longer than a line is put on a
    /// line of its own and fitted: a path keeps its end, anything else is cut at words with an ellipsis.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, Self.width(text) > width else { return [text] }
        let indentCount = text.unicodeScalars.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: indentCount)
        let continuation = indentCount + 2 < width / 2 ? indent + "  " : ""
        func fit(_ line: String, after start: String) -> String {
            guard Self.width(line) > width else { return line }
            let word = String(line.dropFirst(start.count))
            let room = width - Self.width(start)
            return start + (word.contains("/") ? keepingEnd(word, width: room) : words(word, width: room))
        }
        var lines: [String] = []
        var current = indent
        var hasWord = false
        for word in text.dropFirst(indentCount).split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = hasWord ? current + " " + word : current + word
            if Self.width(candidate) > width, hasWord {
                lines.append(current)
                current = fit(continuation + word, after: continuation)
            } else {
                current = hasWord ? candidate : fit(candidate, after: indent)
            }
            hasWord = true
        }
        lines.append(current)
        return lines
    }

    /// Separators that make no sense at the end of a cut line.
    static let danglingSeparators: Set<Unicode.Scalar> = ["·", "—", "–", ":", ",", ";", "│", "|", "(", "="]
}
