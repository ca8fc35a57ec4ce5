import Dashboard
import Foundation
import Markets
import TermCanvas
import TestSupport
import Testing

/// Random keys, clicks, wheel turns, resizes and data reloads through `update`, from random states, with
/// the state's invariants checked after every step and the view drawn every so often.
///
/// `RESONANCE_FUZZ_SECONDS=600 swift test --filter KeyStormTests` keeps it going for that long.
@Suite("Key storm through update")
struct KeyStormTests {
    /// Data sets of every awkward shape: the full demo market, a few days, one day, one series, none.
    static let dataSets: [MarketData] = {
        let demo = DemoMarket.generate(seed: 2026)
        func prefix(_ series: Series, _ n: Int) -> Series { Series(id: series.id, bars: Array(series.bars.prefix(n))) }
        return [
            Fixtures.demo,
            MarketData(index: prefix(demo.rut, 1), bitcoin: prefix(demo.btc, 1)),
            MarketData(index: prefix(demo.rut, 3), bitcoin: Series(id: .btc)),
            MarketData(index: Series(id: .rut), bitcoin: prefix(demo.btc, 9)),
            MarketData(index: prefix(demo.rut, 40), bitcoin: prefix(demo.btc, 400)),
            MarketData(index: Series(id: .rut, bars: Array(demo.rut.bars.suffix(300))), bitcoin: demo.btc),
            .empty,
        ]
    }()

    /// Every bound key, plus keys bound to nothing.
    static let keys: [Key] = KeyMap.bindings.flatMap(\.keys).filter { $0 != .character("q") && $0 != .control("c") }
        + [.up, .down, .enter, .backspace, .delete, .function(5), .character("é"), .character("Q"), .control("z")]

    static let themes: [Theme] = {
        var mono = Theme.standard.withoutColor(named: "mono")
        mono.name = "mono"
        return [.standard, mono]
    }()

    /// A random size, now and then a degenerate one.
    static func size(_ random: inout SeededRandom) -> Size {
        if random.chance(0.05) { return Size(width: random.int(0...3), height: random.int(0...3)) }
        return Size(width: random.int(20...260), height: random.int(8...90))
    }

    /// A random message.
    static func message(_ random: inout SeededRandom, size: Size) -> Msg {
        switch random.int(0...99) {
        case 0..<70:
            return .key(random.pick(keys))
        case 70..<82:
            let kind = random.pick([MouseEvent.Kind.press, .release, .wheelUp, .wheelDown])
            return .mouse(MouseEvent(kind: kind, x: random.int(-2...size.width + 2), y: random.int(-2...size.height + 2)))
        case 82..<97:
            return .resize(Self.size(&random))
        case 97:
            return .tick(Date())
        default:
            return .dataLoaded(random.pick(dataSets))
        }
    }

    /// A random starting state: some data, size, mode, panels and view.
    static func state(_ random: inout SeededRandom) -> AppState {
        var state = AppState(data: random.pick(dataSets), glyphs: random.pick(GlyphSet.allCases),
                             theme: themes[0], size: size(&random), sourceLabel: "STORM")
        state.themeChoices = themes
        for _ in 0..<random.int(0...30) { _ = update(&state, .key(random.pick(keys))) }
        return state
    }

    /// Every invariant of a state; a message naming the first one broken, or nil.
    static func brokenInvariant(_ state: AppState, lastSize: Size) -> String? {
        if state.size != lastSize { return "size \(state.size) is not the last one reported, \(lastSize)" }
        guard let bounds = state.data.bounds else {
            return state.viewport == nil ? nil : "a viewport without data"
        }
        guard let viewport = state.viewport else { return "no viewport over data \(bounds)" }
        if viewport.bounds != bounds { return "viewport bounds \(viewport.bounds) are not the data's \(bounds)" }
        let range = viewport.range
        if range.lowerBound < bounds.lowerBound || range.upperBound > bounds.upperBound {
            return "range \(range) leaves the data \(bounds)"
        }
        if !range.contains(viewport.cursor) { return "cursor \(viewport.cursor) outside \(range)" }
        let total = bounds.lowerBound.distance(to: bounds.upperBound)
        if viewport.span < min(Viewport.minimumSpan, total) { return "span \(viewport.span) below the minimum" }
        if viewport.span > total { return "span \(viewport.span) beyond the data's \(total)" }
        let panels = state.panels
        if !panels.visible.isEmpty, !panels.visible.contains(panels.focused) {
            return "focus on hidden panel \(panels.focused) while \(panels.visible) show"
        }
        if let maximised = panels.maximised, !panels.visible.contains(maximised) {
            return "maximised panel \(maximised) is hidden"
        }
        if ![30, 90, 180].contains(panels.correlationWindow) { return "correlation window \(panels.correlationWindow)" }
        if !state.themeChoices.contains(where: { $0.name == state.theme.name }) { return "theme \(state.theme.name) not offered" }
        return nil
    }

    @Test("100,000 random messages from random states: invariants hold after each, a view every 1,000")
    func storm() {
        let totalSteps = 100_000, statesEvery = 5_000, viewEvery = 1_000
        let budget = FuzzBudget(quickCases: totalSteps / statesEvery)
        var steps = 0, views = 0, failures = 0
        let run = budget.run { seed, random in
            var state = Self.state(&random)
            var lastSize = state.size
            for _ in 0..<statesEvery where failures < 5 {
                let msg = Self.message(&random, size: state.size)
                if case .resize(let size) = msg { lastSize = size }
                let before = state
                let commands = update(&state, msg)
                steps += 1
                if commands.contains(.quit) { Issue.record("seed \(seed): \(msg) quit"); failures += 1 }
                if let broken = Self.brokenInvariant(state, lastSize: lastSize) {
                    let from = "viewport \(String(describing: before.viewport)), panels \(before.panels)"
                    Issue.record("seed \(seed), step \(steps): after \(msg) from \(from): \(broken)")
                    failures += 1
                }
                if steps % viewEvery == 0 {
                    let buffer = view(state, size: state.size)
                    views += 1
                    if buffer.size != state.size { Issue.record("seed \(seed): view is \(buffer.size), not \(state.size)") }
                }
            }
        }
        #expect(steps >= min(totalSteps, run.cases * statesEvery) && views >= steps / viewEvery)
    }

    @Test("cursor keys and clicks in a terminal a few columns wide (they used to divide by zero and trap)",
          arguments: [Size(width: 1, height: 1), Size(width: 9, height: 30), Size(width: 12, height: 3)])
    func narrowTerminal(_ size: Size) {
        var state = Fixtures.state(size: size)
        state.send([.key(.character(",")), .key(.character(">")),
                    .mouse(MouseEvent(kind: .press, x: 9, y: 1)), .mouse(MouseEvent(kind: .wheelUp, x: 9, y: 1))])
        #expect(Self.brokenInvariant(state, lastSize: size) == nil)
    }

    @Test("q and Ctrl-C quit from any state")
    func quitFromAnywhere() {
        FuzzBudget(quickCases: 50).run { seed, random in
            var state = Self.state(&random)
            #expect(update(&state, .key(random.pick([.character("q"), .control("c")]))) == [.quit], "seed \(seed)")
        }
    }
}
