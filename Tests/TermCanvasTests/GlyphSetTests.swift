import TermCanvas
import Testing

/// The glyph tables, checked against the Unicode charts (as ratatui's symbol tests do).
@Suite("Glyph sets")
struct GlyphSetTests {
    /// Braille dots by position, with the code points the Unicode braille block gives dots 1 to 8.
    static let brailleDots: [(dx: Int, dy: Int, glyph: Unicode.Scalar)] = [
        (0, 0, "\u{2801}"), (0, 1, "\u{2802}"), (0, 2, "\u{2804}"), (1, 0, "\u{2808}"),
        (1, 1, "\u{2810}"), (1, 2, "\u{2820}"), (0, 3, "\u{2840}"), (1, 3, "\u{2880}"),
    ]

    @Test("each braille dot is the Unicode dot at its place")
    func brailleDots() {
        for dot in Self.brailleDots {
            #expect(GlyphSet.braille.glyph(for: GlyphSet.braille.bit(dx: dot.dx, dy: dot.dy)) == dot.glyph, "\(dot.dx),\(dot.dy)")
        }
    }

    @Test("each quadrant is the Unicode quadrant at its place")
    func blockQuadrants() {
        let expected: [(Int, Int, Unicode.Scalar)] = [(0, 0, "▘"), (1, 0, "▝"), (0, 1, "▖"), (1, 1, "▗")]
        for (dx, dy, glyph) in expected { #expect(GlyphSet.block.glyph(for: GlyphSet.block.bit(dx: dx, dy: dy)) == glyph) }
        #expect(GlyphSet.block.glyph(for: GlyphSet.block.bit(dx: 0, dy: 0) | GlyphSet.block.bit(dx: 1, dy: 0)) == "▀")
        #expect(GlyphSet.block.glyph(for: GlyphSet.block.bit(dx: 0, dy: 1) | GlyphSet.block.bit(dx: 1, dy: 1)) == "▄")
    }

    @Test("ASCII rows: top, middle, bottom, and a full column")
    func asciiRows() {
        #expect((0..<3).map { GlyphSet.ascii.glyph(for: GlyphSet.ascii.bit(dx: 0, dy: $0)) } == ["'", "-", "."])
        #expect(GlyphSet.ascii.glyph(for: 0b111) == "|")
    }

    @Test("the dots of a cell are distinct bits, and all of them together give the full glyph", arguments: GlyphSet.allCases)
    func everyDot(glyphs: GlyphSet) {
        var all: UInt8 = 0
        for dx in 0..<glyphs.dotsPerColumn {
            for dy in 0..<glyphs.dotsPerRow {
                let bit = glyphs.bit(dx: dx, dy: dy)
                #expect(bit.nonzeroBitCount == 1 && all & bit == 0, "\(glyphs) \(dx),\(dy)")
                all |= bit
            }
        }
        #expect(all.nonzeroBitCount == glyphs.dotsPerColumn * glyphs.dotsPerRow)
        let full: [GlyphSet: Unicode.Scalar] = [.braille: "⣿", .block: "█", .ascii: "|"]
        #expect(glyphs.glyph(for: all) == full[glyphs])
    }

    @Test("only braille and block need a UTF-8 terminal; ASCII glyphs are ASCII")
    func needsUnicode() {
        #expect(GlyphSet.braille.needsUnicode && GlyphSet.block.needsUnicode && !GlyphSet.ascii.needsUnicode)
        #expect((1...7).allSatisfy { GlyphSet.ascii.glyph(for: UInt8($0)).isASCII })
    }
}
