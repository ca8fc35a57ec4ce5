/// The xterm 256-colour palette and the one nearest-colour mapping every output path uses.
///
/// `render` (ANSI text) and the curses backend both turn theme colours into what a terminal of some colour
/// depth can show through `XtermPalette.index(for:depth:)`, so the two never disagree. Distances are
/// measured in OKLab (see `OKLab`), not in red-green-blue.
public enum XtermPalette {
    /// The 16 basic colours as xterm draws them by default.
    public static let basic: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205),
        RGB(0, 205, 205), RGB(229, 229, 229), RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The six levels of each axis of the 6x6x6 colour cube (entries 16–231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The red, green and blue of a palette entry.
    public static func rgb(ofIndex index: UInt8) -> RGB {
        let i = Int(index)
        if i < 16 { return basic[i] }
        if i >= 232 {
            let level = UInt8(8 + (i - 232) * 10)
            return RGB(level, level, level)
        }
        let c = i - 16
        return RGB(cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
    }

    /// Every entry's OKLab coordinates, computed once.
    static let lab: [OKLab] = (0..<256).map { OKLab(rgb(ofIndex: UInt8($0))) }

    // MARK: - The mapping

    /// The palette entry to draw a colour with at a colour depth, or nil for the terminal's own colour.
    ///
    /// - `.default` is nil at every depth, and every colour is nil at `.none`.
    /// - `.indexed(i)` is kept when the depth has that entry; a bright basic colour (8–15) on an 8-colour
    ///   terminal becomes its normal form (9 → 1); any other entry becomes the nearest basic colour.
    /// - `.rgb` is the nearest entry of the cube and grey ramp (16–255) at 256 colours and above, else the
    ///   nearest of the 16 (or 8) basic colours. The basic colours are left out at 256 because users restyle
    ///   them in their terminal, so they are not fixed colours.
    ///
    /// At `.trueColor` an `.rgb` colour needs no palette entry; this answers the 256-colour entry for callers
    /// that cannot send 24-bit colour (curses).
    public static func index(for color: Color, depth: ColorDepth) -> UInt8? {
        guard depth != .none else { return nil }
        switch color {
        case .default:
            return nil
        case .indexed(let i):
            if Int(i) < depth.paletteSize { return i }
            if i < 16 { return i - 8 }
            return nearestBasic(to: lab[Int(i)], count: depth.paletteSize)
        case let .rgb(r, g, b):
            let target = OKLab(RGB(r, g, b))
            if depth >= .palette256 { return nearestExtended(to: target) }
            return nearestBasic(to: target, count: depth.paletteSize)
        }
    }

    /// The nearest of the first `count` basic colours (8 or 16).
    public static func nearestBasic(to target: OKLab, count: Int) -> UInt8 {
        nearest(to: target, among: 0..<min(16, max(8, count)))
    }

    /// The nearest entry among the cube (16–231) and the grey ramp (232–255).
    public static func nearestExtended(to target: OKLab) -> UInt8 {
        nearest(to: target, among: 16..<256)
    }

    private static func nearest(to target: OKLab, among entries: Range<Int>) -> UInt8 {
        var best = entries.lowerBound, bestDistance = Double.infinity
        for i in entries {
            let d = lab[i].distanceSquared(to: target)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
    }
}

extension ColorDepth {
    /// How many palette entries this depth can address: 0, 8, 16 or 256 (true colour uses the 256 too).
    public var paletteSize: Int { min(rawValue, 256) }

    /// The depth for a terminal that reports `count` colours (terminfo's `colors`; -1 or 0 when it has none).
    public init(colorCount count: Int) {
        switch count {
        case 16_777_216...: self = .trueColor
        case 256...: self = .palette256
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: self = .none
        }
    }
}
