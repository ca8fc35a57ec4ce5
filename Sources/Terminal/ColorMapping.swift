import TermCanvas

/// Turns theme colours into palette indices for curses, through the mapping `render` uses too.
///
/// Curses here draws with palette entries only: a 24-bit colour is drawn with its nearest entry of the
/// 256-colour table even on a true-colour terminal (redefining entries with `init_color` would change the
/// user's palette for every other program in the terminal). The nearest-colour maths is
/// `XtermPalette.index(for:depth:)`, shared with `render`.
public enum ColorMapping {
    /// The palette index for a colour, or -1 for the terminal's own colour.
    ///
    /// - Parameters:
    ///   - color: the colour a theme or widget asked for.
    ///   - colorCount: how many colours the terminal has (`COLORS`, or fewer when forced); below 8 every
    ///     colour maps to -1.
    public static func paletteIndex(for color: Color, colorCount: Int) -> Int {
        let depth = min(ColorDepth(colorCount: colorCount), .palette256)
        return XtermPalette.index(for: color, depth: depth).map(Int.init) ?? -1
    }

    /// A colour as red, green and blue levels, 0–255, in plain integers for arithmetic.
    public struct RGB: Hashable, Sendable {
        public var r: Int, g: Int, b: Int
        public init(r: Int, g: Int, b: Int) { self.r = r; self.g = g; self.b = b }
    }

    /// The red, green and blue of an xterm-256 palette entry (negative indices read as black).
    public static func xtermRGB(_ index: Int) -> RGB {
        let c = XtermPalette.rgb(ofIndex: UInt8(clamping: index))
        return RGB(r: Int(c.r), g: Int(c.g), b: Int(c.b))
    }

    /// How far apart two palette entries look, as a scaled squared OKLab distance (for the pair cache).
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let la = OKLab(TermCanvas.RGB(UInt8(a.r), UInt8(a.g), UInt8(a.b)))
        let lb = OKLab(TermCanvas.RGB(UInt8(b.r), UInt8(b.g), UInt8(b.b)))
        return Int(la.distanceSquared(to: lb) * 1_000_000)
    }
}
