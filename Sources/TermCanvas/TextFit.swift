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

/// One part of a line of text: what it says, how it looks, and how readily it gives way when space is short.
public struct LinePart: Sendable, Equatable {
    /// How a part may be shortened before it is dropped.
    public enum Shortening: Sendable, Equatable {
        /// Shown whole or not at all (numbers, badges, keys).
        case never
        /// Cut at word boundaries with `…` (see `TextFit.words`).
        case words
        /// Cut from the start with `…`, keeping the end (paths).
        case keepingEnd
    }

    /// The text.
    public var text: String
    /// The style it is drawn in.
    public var style: Style
    /// Higher priorities are the last to go: when the line is too long, parts with a brief form take it
    /// first, then the part with the lowest priority is shortened (when allowed) or dropped; among equals,
    /// the rightmost goes first.
    public var priority: Int
    /// How the part may be shortened.
    public var shortening: Shortening
    /// Written before the part only when a part before it (on the same side) is shown: `" · "`, say.
    public var separator: String
    /// Whether the part belongs to the right-aligned end of the line.
    public var trailing: Bool
    /// A shorter way to say the same, tried before the part is cut or dropped ("offline" for "offline — data
    /// as of …", say).
    public var brief: String?

    /// Makes a part.
    public init(_ text: String, style: Style, priority: Int = 0, shortening: Shortening = .never, separator: String = "",
                trailing: Bool = false, brief: String? = nil) {
        self.brief = brief
        self.text = text
        self.style = style
        self.priority = priority
        self.shortening = shortening
        self.separator = separator
        self.trailing = trailing
    }
}

/// A line made of parts that fits any width by giving up its least important parts first.
public struct FittedLine: Sendable {
    /// The parts in reading order; trailing parts are written from the right end.
    public var parts: [LinePart]
    /// Blank cells kept between the leading and the trailing parts.
    public var gap: Int

    /// Makes a line.
    public init(_ parts: [LinePart], gap: Int = 1) {
        self.parts = parts
        self.gap = gap
    }

    /// The parts that fit in a width, in order, some shortened; the least important go first.
    ///
    /// With `ascii` the parts are measured (and returned) in the form an ASCII-only buffer draws.
    public func fitted(width: Int, ascii: Bool = false) -> [LinePart] {
        var shown = parts.filter { !$0.text.isEmpty }
        if ascii {
            for i in shown.indices {
                shown[i].text = TextFit.ascii(shown[i].text)
                shown[i].separator = TextFit.ascii(shown[i].separator)
            }
        }
        // Brief forms first, least important first: they say the same in less room.
        while Self.totalWidth(shown, gap: gap) > width,
              let i = shown.indices.filter({ shown[$0].brief != nil }).min(by: { shown[$0].priority < shown[$1].priority }) {
            shown[i].text = ascii ? TextFit.ascii(shown[i].brief!) : shown[i].brief!
            shown[i].brief = nil
        }
        while Self.totalWidth(shown, gap: gap) > width, !shown.isEmpty {
            let lowest = shown.map(\.priority).min()!
            let i = shown.lastIndex { $0.priority == lowest }!
            let excess = Self.totalWidth(shown, gap: gap) - width
            let part = shown[i]
            let room = TextFit.width(part.text) - excess
            var shorter: String?
            switch part.shortening {
            case .never: shorter = nil
            case .words: shorter = room >= 2 ? TextFit.words(part.text, width: room, ascii: ascii) : nil
            case .keepingEnd: shorter = room >= 4 ? TextFit.keepingEnd(part.text, width: room, ascii: ascii) : nil
            }
            if let shorter, shorter != "…", shorter != "...", !shorter.isEmpty, TextFit.width(shorter) <= room {
                shown[i].text = shorter
            } else {
                shown.remove(at: i)
            }
        }
        return shown
    }

    /// Cells the parts take, with the separators that show and the gap between the two ends.
    static func totalWidth(_ parts: [LinePart], gap: Int) -> Int {
        var total = 0
        var leadingSeen = false, trailingSeen = false
        for part in parts {
            let seen = part.trailing ? trailingSeen : leadingSeen
            total += TextFit.width(part.text) + (seen ? TextFit.width(part.separator) : 0)
            if part.trailing { trailingSeen = true } else { leadingSeen = true }
        }
        if leadingSeen && trailingSeen { total += gap }
        return total
    }
}

extension Buffer {
    /// Writes a line of parts into one row of an area, leading parts from the left and trailing parts
    /// against the right edge, after giving up what does not fit.
    ///
    /// - Returns: the column after the last leading part.
    @discardableResult
    public mutating func write(_ line: FittedLine, in area: Rect) -> Int {
        let shown = line.fitted(width: area.width, ascii: asciiOnly)
        var x = area.x
        var first = true
        for part in shown where !part.trailing {
            if !first, !part.separator.isEmpty { x = write(part.separator, x: x, y: area.y, style: part.style, clip: area) }
            x = write(part.text, x: x, y: area.y, style: part.style, clip: area)
            first = false
        }
        let trailing = shown.filter(\.trailing)
        let trailingWidth = FittedLine.totalWidth(trailing, gap: 0)
        var rx = area.maxX - trailingWidth
        first = true
        for part in trailing {
            if !first, !part.separator.isEmpty { rx = write(part.separator, x: rx, y: area.y, style: part.style, clip: area) }
            rx = write(part.text, x: rx, y: area.y, style: part.style, clip: area)
            first = false
        }
        return x
    }
}
