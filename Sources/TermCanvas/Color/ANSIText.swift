/// How many colours a text rendering may use.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case none = 0, eight = 8, sixteen = 16, palette256 = 256, trueColor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Buffer {
    /// The buffer as lines of text with ANSI SGR escapes for colour and attributes, for `render` on stdout.
    ///
    /// With `.none` the result is plain text with trailing spaces trimmed. Each line ends with a reset, so
    /// nothing leaks into the shell.
    public func ansiText(depth: ColorDepth) -> String {
        guard depth != .none else { return text + "\n" }
        var out = ""
        out.reserveCapacity(size.width * size.height * 2)
        for y in 0..<size.height {
            var current: Style? = nil
            // Trim trailing blank cells in the default style.
            var end = size.width
            while end > 0, self[end - 1, y] == .blank { end -= 1 }
            for x in 0..<end {
                let cell = self[x, y]
                if cell.style != current {
                    out += ANSIText.sgr(cell.style, depth: depth)
                    current = cell.style
                }
                out.unicodeScalars.append(cell.scalar)
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }
}

/// SGR escape sequences for styles.
public enum ANSIText {
    /// The escape that sets a style from a clean state.
    public static func sgr(_ style: Style, depth: ColorDepth) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let fg = colorCode(style.foreground, depth: depth, background: false) { codes.append(fg) }
        if let bg = colorCode(style.background, depth: depth, background: true) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The SGR parameter for a colour: 24-bit at true colour, else the palette entry `XtermPalette` picks.
    private static func colorCode(_ color: Color, depth: ColorDepth, background: Bool) -> String? {
        if case let .rgb(r, g, b) = color, depth == .trueColor {
            return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)"
        }
        guard let index = XtermPalette.index(for: color, depth: depth) else { return nil }
        switch index {
        case 0..<8: return String((background ? 40 : 30) + Int(index))
        case 8..<16: return String((background ? 100 : 90) + Int(index) - 8)
        default: return (background ? "48;5;" : "38;5;") + String(index)
        }
    }
}
