import Dashboard
import Markets
import TermCanvas

/// Fixed data for dashboard tests: the seeded synthetic market, never real prices.
enum Fixtures {
    static let demo: MarketData = {
        let generated = DemoMarket.generate(seed: 2026)
        return MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true)
    }()

    /// A state over the demo data at a size, with what its panels need derived (as `render` has it).
    static func state(size: Size = Size(width: 120, height: 40), glyphs: GlyphSet = .braille) -> AppState {
        var state = AppState(data: demo, glyphs: glyphs, size: size, sourceLabel: "DEMO")
        state.deriveNow()
        return state
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
}

extension AppState {
    /// Sends messages in order and returns every command they produced.
    @discardableResult
    mutating func send(_ messages: [Msg]) -> [Cmd] {
        messages.flatMap { update(&self, $0) }
    }

    /// Sends keys typed as characters.
    @discardableResult
    mutating func type(_ keys: String) -> [Cmd] {
        send(keys.map { .key(.character($0)) })
    }
}
