import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

@Suite("Dashboard in every theme")
struct ThemeScreenTests {
    static let catalog = ThemeCatalog()

    static func theme(_ name: String) -> Theme { try! catalog.load(name).theme }

    @Test("golden screens in every bundled theme", arguments: BundledThemes.files.map(\.name))
    func golden(_ name: String) {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.theme = Self.theme(name)
        state.type("Y")
        Snapshots.assertMatches(themedScreen(state, size: state.size), named: "theme-\(name)-120x40")
    }

    @Test("golden screen of a colourless terminal without UTF-8: mono look, ASCII glyphs")
    func goldenColourlessASCII() {
        var state = Fixtures.state(size: Size(width: 120, height: 40), glyphs: .ascii)
        state.theme = Self.theme("light").withoutColor()
        state.type("Y")
        Snapshots.assertMatches(themedScreen(state, size: state.size), named: "theme-colourless-ascii-120x40")
    }

    @Test("a theme with its own background paints every cell; the default leaves the terminal's own")
    func background() {
        let state = Fixtures.state(size: Size(width: 100, height: 30))
        #expect(themedScreen(state, size: state.size) == view(state, size: state.size))
        var light = state
        light.theme = Self.theme("light")
        let screen = themedScreen(light, size: light.size)
        #expect(screen.cells.allSatisfy { $0.style.background != .default })
        #expect(screen.cells.allSatisfy { $0.style.foreground != .default })
    }

    @Test("without colour the two series, each marker kind and the cursor still look different",
          arguments: [GlyphSet.braille, .ascii])
    func distinguishableWithoutColour(glyphs: GlyphSet) throws {
        var state = Fixtures.state(size: Size(width: 200, height: 50), glyphs: glyphs)
        state.theme = .mono
        let screen = themedScreen(state, size: state.size)
        #expect(screen.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        let theme = state.theme
        #expect(theme.indexStyle != theme.bitcoinStyle)
        let unicode = glyphs.needsUnicode
        // Each mark on the chart as (glyph, style): all different from each other.
        let marks: [(String, Unicode.Scalar, Style)] = [
            ("halving", unicode ? "┊" : ":", theme.halvingStyle),
            ("breakout", unicode ? "▲" : "^", theme.breakoutStyle),
            ("cursor", unicode ? "│" : "|", theme.cursorStyle.adding(.dim)),
        ]
        for (name, glyph, style) in marks {
            #expect(screen.cells.contains { $0.scalar == glyph && $0.style == style }, "no \(name) mark on screen")
        }
        #expect(Set(marks.map { "\($0.1) \($0.2)" }).count == marks.count)
        // Both series are drawn, in their two styles.
        #expect(screen.cells.contains { $0.style == theme.indexStyle && $0.scalar != " " })
        #expect(screen.cells.contains { $0.style == theme.bitcoinStyle && $0.scalar != " " })
    }

    @Test("t cycles through the theme choices, wraps round, and asks to remember each pick")
    func cycling() {
        var state = Fixtures.state()
        state.themeChoices = BundledThemes.files.map { Self.theme($0.name) }
        var seen: [String] = []
        for _ in 0..<BundledThemes.files.count {
            let commands = state.type("t")
            seen.append(state.theme.name)
            #expect(commands == [.rememberTheme(state.theme.name)])
            #expect(state.notice == "theme: \(state.theme.name)")
        }
        #expect(seen == ["light", "solarized-dark", "high-contrast", "mono", "default"])
    }

    @Test("t with a single theme says so and remembers nothing")
    func cyclingAlone() {
        var state = Fixtures.state()
        #expect(state.type("t").isEmpty)
        #expect(state.notice == "only one theme available")
    }

    @Test("every size from 1x1 to 500x200 renders (sampled), in a painted and a colourless theme")
    func everySizeUpTo500x200() {
        var state = Fixtures.state()
        state.type("+")
        let widths = Array(Set(Array(stride(from: 1, through: 500, by: 23)) + [1, 2, 59, 60, 61, 120, 499, 500])).sorted()
        let heights = Array(Set(Array(stride(from: 1, through: 200, by: 17)) + [1, 2, 15, 16, 17, 40, 199, 200])).sorted()
        var count = 0
        for (i, w) in widths.enumerated() {
            for h in heights {
                state.theme = (i + h).isMultiple(of: 2) ? Self.theme("light") : .mono
                let size = Size(width: w, height: h)
                state.size = size
                let screen = themedScreen(state, size: size)
                #expect(screen.size == size)
                count += 1
            }
        }
        #expect(count > 300)
    }
}
