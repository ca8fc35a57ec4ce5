import TermCanvas
import Testing

@Suite("Nearest colours (OKLab)")
struct XtermPaletteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var color: Color
        var depth: ColorDepth
        var expected: UInt8?
        var why: String
        var testDescription: String { "\(color.name) at \(depth.rawValue) -> \(expected.map(String.init) ?? "own"): \(why)" }
    }

    static let cases: [Case] = [
        // Where a weighted red-green-blue distance went wrong: Solarized red became orange 166 and
        // Solarized cyan a greener 36; Solarized's own 256-colour table says 160 and 37.
        Case(color: .rgb(0xDC, 0x32, 0x2F), depth: .palette256, expected: 160, why: "Solarized red stays red"),
        Case(color: .rgb(0x2A, 0xA1, 0x98), depth: .palette256, expected: 37, why: "Solarized cyan"),
        Case(color: .rgb(0xB5, 0x89, 0x00), depth: .palette256, expected: 136, why: "Solarized yellow"),
        Case(color: .rgb(0xCB, 0x4B, 0x16), depth: .palette256, expected: 166, why: "Solarized orange"),
        Case(color: .rgb(0x00, 0x2B, 0x36), depth: .palette256, expected: 235, why: "a near-black blue-green is dark grey"),
        Case(color: .rgb(0xFA, 0xFA, 0xFA), depth: .palette256, expected: 231, why: "near-white"),
        Case(color: .rgb(0x80, 0x80, 0x80), depth: .palette256, expected: 244, why: "mid grey on the ramp"),
        // Small palettes.
        Case(color: .rgb(0xDC, 0x32, 0x2F), depth: .sixteen, expected: 1, why: "red"),
        Case(color: .rgb(0x00, 0x2B, 0x36), depth: .sixteen, expected: 0, why: "near-black"),
        Case(color: .rgb(0xFA, 0xFA, 0xFA), depth: .eight, expected: 7, why: "white without brights"),
        Case(color: .indexed(12), depth: .eight, expected: 4, why: "bright blue loses its brightness"),
        Case(color: .indexed(196), depth: .sixteen, expected: 9, why: "cube red"),
        Case(color: .indexed(200), depth: .palette256, expected: 200, why: "kept as is"),
        Case(color: .indexed(3), depth: .eight, expected: 3, why: "kept as is"),
        // The terminal's own colour, and no colour at all.
        Case(color: .default, depth: .trueColor, expected: nil, why: "own colour"),
        Case(color: .red, depth: .none, expected: nil, why: "no colour"),
    ]

    @Test("theme colours map to the entry that looks closest", arguments: cases)
    func nearest(_ c: Case) {
        #expect(XtermPalette.index(for: c.color, depth: c.depth) == c.expected)
    }

    @Test("OKLab puts black at 0 and white at 1, with no colour in greys")
    func okLab() {
        let black = OKLab(RGB(0, 0, 0)), white = OKLab(RGB(255, 255, 255)), grey = OKLab(RGB(128, 128, 128))
        #expect(abs(black.l) < 1e-6)
        #expect(abs(white.l - 1) < 1e-4)
        #expect(abs(grey.a) < 1e-4 && abs(grey.b) < 1e-4)
    }

    @Test("render writes 24-bit colour only at true colour, palette entries below")
    func ansiCodes() {
        let style = Style(foreground: .rgb(0xDC, 0x32, 0x2F), background: .indexed(12))
        #expect(ANSIText.sgr(style, depth: .trueColor) == "\u{1B}[0;38;2;220;50;47;104m")
        #expect(ANSIText.sgr(style, depth: .palette256) == "\u{1B}[0;38;5;160;104m")
        #expect(ANSIText.sgr(style, depth: .sixteen) == "\u{1B}[0;31;104m")
        #expect(ANSIText.sgr(style, depth: .eight) == "\u{1B}[0;31;44m")
    }

    @Test("terminal colour counts give depths")
    func depthFromCount() {
        #expect(ColorDepth(colorCount: -1) == ColorDepth.none)
        #expect(ColorDepth(colorCount: 8) == .eight)
        #expect(ColorDepth(colorCount: 88) == .sixteen)
        #expect(ColorDepth(colorCount: 256) == .palette256)
        #expect(ColorDepth(colorCount: 0x1000000) == .trueColor)
    }
}
