import TermCanvas
import Testing
@testable import Terminal

@Suite("Colour mapping")
struct ColorMappingTests {
    /// A colour, a terminal's colour count, and the palette index it should get.
    struct Case: Sendable, CustomTestStringConvertible {
        var color: Color
        var colorCount: Int
        var expected: Int
        var testDescription: String { "\(color.name) with \(colorCount) colours -> \(expected)" }
    }

    static let cases: [Case] = [
        // The terminal's own colour stays the terminal's own.
        Case(color: .default, colorCount: 256, expected: -1),
        Case(color: .default, colorCount: 8, expected: -1),
        // Palette entries the terminal has are used as they are.
        Case(color: .indexed(1), colorCount: 8, expected: 1),
        Case(color: .indexed(14), colorCount: 16, expected: 14),
        Case(color: .indexed(200), colorCount: 256, expected: 200),
        // Beyond the palette: the nearest basic colour.
        Case(color: .brightYellow, colorCount: 8, expected: 3),
        Case(color: .indexed(9), colorCount: 8, expected: 1),
        Case(color: .indexed(196), colorCount: 16, expected: 9),
        Case(color: .indexed(196), colorCount: 8, expected: 1),
        Case(color: .indexed(21), colorCount: 16, expected: 4),
        Case(color: .indexed(231), colorCount: 8, expected: 7),
        Case(color: .indexed(232), colorCount: 16, expected: 0),
        // 24-bit colours on a 256-colour terminal: the cube and the grey ramp.
        Case(color: .rgb(255, 0, 0), colorCount: 256, expected: 196),
        Case(color: .rgb(0, 0, 0), colorCount: 256, expected: 16),
        Case(color: .rgb(255, 255, 255), colorCount: 256, expected: 231),
        Case(color: .rgb(0x5F, 0x87, 0xAF), colorCount: 256, expected: 67),
        Case(color: .rgb(0x80, 0x80, 0x80), colorCount: 256, expected: 244),
        Case(color: .rgb(0xFF, 0xA5, 0x00), colorCount: 256, expected: 214),
        Case(color: .rgb(0x12, 0x12, 0x12), colorCount: 256, expected: 233),
        // 24-bit colours on small palettes: the nearest basic colour.
        Case(color: .rgb(250, 10, 10), colorCount: 16, expected: 9),
        Case(color: .rgb(200, 0, 0), colorCount: 8, expected: 1),
        Case(color: .rgb(0, 0, 0), colorCount: 16, expected: 0),
        // No colours at all: everything is the terminal's own.
        Case(color: .red, colorCount: 0, expected: -1),
        Case(color: .rgb(255, 0, 0), colorCount: 2, expected: -1),
    ]

    @Test("colours map to a palette index the terminal has", arguments: cases)
    func maps(_ testCase: Case) {
        #expect(ColorMapping.paletteIndex(for: testCase.color, colorCount: testCase.colorCount) == testCase.expected)
    }

    @Test("the xterm palette has its known entries")
    func palette() {
        #expect(ColorMapping.xtermRGB(16) == .init(r: 0, g: 0, b: 0))
        #expect(ColorMapping.xtermRGB(196) == .init(r: 255, g: 0, b: 0))
        #expect(ColorMapping.xtermRGB(231) == .init(r: 255, g: 255, b: 255))
        #expect(ColorMapping.xtermRGB(232) == .init(r: 8, g: 8, b: 8))
        #expect(ColorMapping.xtermRGB(255) == .init(r: 238, g: 238, b: 238))
    }
}

@Suite("Colour pair cache")
struct ColorPairCacheTests {
    typealias Pair = ColorPairCache.Pair

    @Test("default colours are pair 0 and new combinations get new numbers once")
    func allocates() {
        var cache = ColorPairCache(capacity: 256)
        #expect(cache.lookup(Pair(foreground: -1, background: -1)) == .init(number: 0, isNew: false))
        #expect(cache.lookup(Pair(foreground: 1, background: -1)) == .init(number: 1, isNew: true))
        #expect(cache.lookup(Pair(foreground: 2, background: -1)) == .init(number: 2, isNew: true))
        #expect(cache.lookup(Pair(foreground: 1, background: -1)) == .init(number: 1, isNew: false))
    }

    @Test("when pairs run out the nearest existing pair is reused")
    func fallsBack() {
        var cache = ColorPairCache(capacity: 3)
        _ = cache.lookup(Pair(foreground: 196, background: -1))
        _ = cache.lookup(Pair(foreground: 21, background: 16))
        // Dark red text on the default background: closest to bright red on the default background.
        #expect(cache.lookup(Pair(foreground: 160, background: -1)) == .init(number: 1, isNew: false))
        // Blue on near-black: closest to pair 2.
        #expect(cache.lookup(Pair(foreground: 20, background: 232)) == .init(number: 2, isNew: false))
        // Nothing like white on a green background exists: still pair 1 or 2, never a new one.
        #expect(cache.lookup(Pair(foreground: 231, background: 46)).isNew == false)
    }

    @Test("a terminal without pairs always gets pair 0")
    func noPairs() {
        var cache = ColorPairCache(capacity: 1)
        #expect(cache.lookup(Pair(foreground: 1, background: 2)) == .init(number: 0, isNew: false))
    }
}

@Suite("Curses and render agree on colours")
struct ColorAgreementTests {
    @Test("curses draws every theme colour with the palette entry render writes", arguments: [8, 16, 256])
    func agree(colorCount: Int) throws {
        let catalog = ThemeCatalog()
        for name in catalog.names {
            let theme = try catalog.load(name).theme
            for key in ThemeKey.all {
                let color = theme[keyPath: key.property]
                let depth = ColorDepth(colorCount: colorCount)
                let expected = XtermPalette.index(for: color, depth: depth).map(Int.init) ?? -1
                #expect(ColorMapping.paletteIndex(for: color, colorCount: colorCount) == expected, "\(name).\(key.name)")
            }
        }
    }

    @Test("a true-colour terminal is drawn through the 256-colour table in curses")
    func trueColourInCurses() {
        #expect(ColorMapping.paletteIndex(for: .rgb(0xDC, 0x32, 0x2F), colorCount: 0x1000000) == 160)
    }
}
