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

    private static func colorCode(_ color: Color, depth: ColorDepth, background: Bool) -> String? {
        switch color {
        case .default:
            return nil
        case .indexed(let i):
            if i < 8 { return String((background ? 40 : 30) + Int(i)) }
            if i < 16 && depth >= .sixteen { return String((background ? 100 : 90) + Int(i) - 8) }
            if depth >= .palette256 { return (background ? "48;5;" : "38;5;") + String(i) }
            return String((background ? 40 : 30) + Int(Palette.nearestBasic(to: Palette.rgb(ofIndex: i), count: 8)))
        case let .rgb(r, g, b):
            if depth == .trueColor { return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)" }
            if depth == .palette256 { return (background ? "48;5;" : "38;5;") + String(Palette.nearest256(to: (r, g, b))) }
            let n = Palette.nearestBasic(to: (r, g, b), count: depth == .sixteen ? 16 : 8)
            return n < 8 ? String((background ? 40 : 30) + n) : String((background ? 100 : 90) + n - 8)
        }
    }
}

/// The xterm palette and nearest-colour look-ups.
public enum Palette {
    /// The 16 basic colours as xterm draws them.
    static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The red-green-blue of a palette index in xterm's 256-colour table.
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return basic[i] }
        if i >= 232 { let v = UInt8(8 + (i - 232) * 10); return (v, v, v) }
        let c = i - 16
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
    }

    /// The nearest entry of the 256-colour table (cube and grey ramp) to a colour.
    public static func nearest256(to c: (UInt8, UInt8, UInt8)) -> UInt8 {
        var best = 16, bestDistance = Int.max
        for i in 16..<256 {
            let d = distance(c, rgb(ofIndex: UInt8(i)))
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
    }

    /// The nearest of the first `count` basic colours (8 or 16).
    public static func nearestBasic(to c: (UInt8, UInt8, UInt8), count: Int) -> Int {
        var best = 0, bestDistance = Int.max
        for i in 0..<min(count, 16) {
            let d = distance(c, basic[i])
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }

    /// A weighted RGB distance that tracks perceived difference better than plain Euclidean.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let rm = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return ((512 + rm) * dr * dr >> 8) + 4 * dg * dg + ((767 - rm) * db * db >> 8)
    }
}
