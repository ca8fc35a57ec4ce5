/// The characters a plot is drawn with, and how many dots each cell holds.
///
/// Braille packs 2x4 dots a cell and needs a UTF-8 locale; block uses quadrant characters, 2x2 a cell;
/// ASCII uses 1x3 rows of punctuation so it works on any terminal.
public enum GlyphSet: String, CaseIterable, Sendable {
    case braille, block, ascii

    /// Dots across one cell.
    public var dotsPerColumn: Int {
        switch self {
        case .braille, .block: return 2
        case .ascii: return 1
        }
    }

    /// Dots down one cell.
    public var dotsPerRow: Int {
        switch self {
        case .braille: return 4
        case .block: return 2
        case .ascii: return 3
        }
    }

    /// Whether the set uses characters beyond ASCII (and so needs a UTF-8 locale).
    public var needsUnicode: Bool { self != .ascii }

    /// The bit for a dot at a column and row inside one cell.
    @inline(__always)
    public func bit(dx: Int, dy: Int) -> UInt8 {
        switch self {
        case .braille:
            // Braille dot numbering: 1 2 3 7 down the left column, 4 5 6 8 down the right one.
            if dy == 3 { return dx == 0 ? 0x40 : 0x80 }
            return UInt8(1) << UInt8(dx * 3 + dy)
        case .block:
            return UInt8(1) << UInt8(dy * 2 + dx)
        case .ascii:
            return UInt8(1) << UInt8(dy)
        }
    }

    /// The character that shows a pattern of dots (non-zero).
    @inline(__always)
    public func glyph(for pattern: UInt8) -> Unicode.Scalar {
        switch self {
        case .braille:
            return Unicode.Scalar(0x2800 + UInt32(pattern))!
        case .block:
            return GlyphSet.quadrants[Int(pattern & 0x0F)]
        case .ascii:
            return GlyphSet.asciiRows[Int(pattern & 0x07)]
        }
    }

    /// Quadrant characters indexed by bits: 1 upper-left, 2 upper-right, 4 lower-left, 8 lower-right.
    private static let quadrants: [Unicode.Scalar] = [
        " ", "\u{2598}", "\u{259D}", "\u{2580}", "\u{2596}", "\u{258C}", "\u{259E}", "\u{259B}",
        "\u{2597}", "\u{259A}", "\u{2590}", "\u{259C}", "\u{2584}", "\u{2599}", "\u{259F}", "\u{2588}",
    ]

    /// ASCII characters indexed by bits: 1 top, 2 middle, 4 bottom.
    private static let asciiRows: [Unicode.Scalar] = [" ", "'", "-", "'", ".", ":", ".", "|"]
}
