@testable import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

@Suite("Dashboard screens")
struct ViewSnapshotTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let width: Int, height: Int, glyphs: GlyphSet
        var testDescription: String { "\(width)x\(height) \(glyphs.rawValue)" }
    }

    static let cases: [Case] = [80, 120, 200].flatMap { w in
        [GlyphSet.braille, .ascii].map { Case(width: w, height: w == 80 ? 24 : w == 120 ? 40 : 50, glyphs: $0) }
    }

    @Test("golden screens of the demo data", arguments: cases)
    func golden(_ c: Case) {
        var state = Fixtures.state(size: Size(width: c.width, height: c.height), glyphs: c.glyphs)
        state.type("Y")
        let buffer = view(state, size: state.size)
        Snapshots.assertMatches(buffer, named: "dashboard-\(c.width)x\(c.height)-\(c.glyphs.rawValue)")
    }

    @Test("golden screen in dual-axis log mode with the help overlay")
    func goldenDualLogHelp() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.type("m?")
        Snapshots.assertMatches(view(state, size: state.size), named: "dashboard-120x40-dual-log-help")
    }

    @Test("golden too-small screen")
    func goldenTooSmall() {
        let state = Fixtures.state(size: Size(width: 40, height: 10))
        let buffer = view(state, size: state.size)
        Snapshots.assertMatches(buffer, named: "too-small-40x10")
        #expect(buffer.text.contains("terminal too small: need 60x16"))
    }

    @Test("golden empty-store screen")
    func goldenEmpty() {
        let state = AppState(data: .empty, size: Size(width: 80, height: 24), sourceLabel: "store /tmp/home")
        let buffer = view(state, size: state.size)
        Snapshots.assertMatches(buffer, named: "empty-80x24")
        #expect(buffer.text.contains("resonance import rut.csv --series rut"))
        #expect(buffer.text.contains("resonance --demo"))
    }

    @Test("every size from 0x0 to 130x45: each widget of the screen draws only inside the area it is given")
    func everySize() {
        var state = Fixtures.state()
        state.type("+++")
        var withHelp = state
        withHelp.showHelp = true
        var empty = Fixtures.state()
        empty.viewport = nil
        for screen in [state, withHelp, empty] {
            for w in Array(stride(from: 0, through: 130, by: 7)) + [1, 2] {
                for h in Array(stride(from: 0, through: 45, by: 3)) + [1, 2] {
                    let size = Size(width: w, height: h)
                    for (widget, area) in screenWidgets(screen, size: size) {
                        let outside = WidgetBounds.cellsDrawnOutside(widget, area: area, in: size)
                        #expect(outside.isEmpty, "\(type(of: widget)) at \(w)x\(h) in \(area) drew outside it: \(outside.prefix(8))")
                    }
                }
            }
        }
    }

    @Test("the screen says DEMO, names the breakout basis, and labels the halvings in view")
    func contentOfTheScreen() {
        var state = Fixtures.state(size: Size(width: 200, height: 50))
        let text = view(state, size: state.size).text
        #expect(text.contains("DEMO"))
        #expect(text.contains("Breakouts (daily high"))
        #expect(text.contains("H2 2016-07-09"))
        #expect(text.contains("H4 2024-04-20"))
        state.type("b")
        #expect(view(state, size: state.size).text.contains("Breakouts (close"))
    }

    @Test("the next halving appears as an estimate only when its date is in view")
    func estimatedHalving() {
        let generated = DemoMarket.generate(seed: 2026)
        // Extend Bitcoin past the estimated 2028 halving.
        var btc = generated.btc
        let last = btc.count - 1
        for i in 1...700 { btc.append(Bar(day: btc.days[last].adding(days: i), close: btc.closes[last])) }
        var state = AppState(data: MarketData(index: generated.rut, bitcoin: btc, isDemo: true),
                             size: Size(width: 200, height: 50))
        #expect(view(state, size: state.size).text.contains("H5 ~2028-04 (est.)"))
        state.type("Y")
        state.send([.key(.home)])
        #expect(!view(state, size: state.size).text.contains("H5"))
    }

    @Test("a frame after one cursor step changes few cells compared with the first frame")
    func cursorStepIsSmall() {
        var state = Fixtures.state(size: Size(width: 200, height: 50))
        let first = view(state, size: state.size)
        state.type(",")
        let second = view(state, size: state.size)
        let changed = second.changedCellCount(from: first)
        #expect(changed > 0)
        #expect(changed < 200 * 50 / 10)
    }
}

@Suite("ASCII screens")
struct ASCIIScreenTests {
    @Test("in ASCII glyphs every cell of every screen is ASCII", arguments: ["", "?", "mL", "b,,,]"])
    func asciiOnly(keys: String) {
        var state = Fixtures.state(size: Size(width: 120, height: 40), glyphs: .ascii)
        state.type(keys)
        let buffer = view(state, size: state.size)
        #expect(buffer.cells.allSatisfy { $0.scalar.isASCII })
        #expect(buffer.text.contains("Breakouts (daily high, >=250 quiet days)") || buffer.text.contains("Breakouts (close, >=250"))
    }
}
