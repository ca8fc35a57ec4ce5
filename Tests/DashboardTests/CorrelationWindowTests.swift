import Dashboard
import Markets
import TermCanvas
import Testing

/// Correlation windows are derived data: `update` asks for them as `Cmd.derive` and takes them from `Msg.derived`.
@Suite("Correlation windows as derived data")
struct CorrelationWindowTests {
    static let generated = DemoMarket.generate(seed: 2026)
    static let size = Size(width: 200, height: 50)

    static func lean() -> MarketData {
        MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true, correlationWindows: [])
    }

    /// The derivation jobs among some commands.
    static func jobs(_ commands: [Cmd]) -> [DerivationJob] {
        commands.compactMap { if case .derive(let job) = $0 { return job } else { return nil } }
    }

    /// Whether two correlations hold the same numbers (NaN where undefined).
    static func same(_ a: RollingCorrelation, _ b: RollingCorrelation) -> Bool {
        a.days == b.days && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    @Test("w asks for the next window instead of computing it, the panel says so, and the answer fills it")
    func askedAndAnswered() throws {
        var state = AppState(data: Self.lean(), size: Self.size)
        let first = Self.jobs(state.send([.resize(Self.size)]))
        // With the base rates of the aftermath panel, which shows at this size.
        #expect(first.map(\.derivation) == [.correlation(window: 90), .baseRates])
        #expect(state.data.derived.correlation(window: 90) == nil)
        #expect(view(state, size: Self.size).text.contains("Computing the 90-day correlation…"))
        // Asked once: another message while it is computed asks nothing more.
        #expect(Self.jobs(state.type("+")).isEmpty)
        state.send(first.map { $0.run() })
        #expect(!view(state, size: Self.size).text.contains("Computing"))

        let next = Self.jobs(state.type("w"))
        #expect(next.map(\.derivation) == [.correlation(window: 180)])
        #expect(state.data.derived.correlation(window: 180) == nil)
        #expect(view(state, size: Self.size).text.contains("Computing the 180-day correlation…"))
        state.send(next.map { $0.run() })
        let fresh = RollingCorrelation(Self.generated.rut, Self.generated.btc, window: 180)
        #expect(Self.same(try #require(state.data.derived.correlation(window: 180)).correlation, fresh))
        // The window back at 90 is there already: nothing to ask.
        state.type("w")
        #expect(Self.jobs(state.type("w")).isEmpty)
    }

    @Test("the panel drawn from an answer is the panel of data derived at once")
    func sameScreen() {
        var asked = AppState(data: Self.lean(), size: Self.size)
        asked.send(Self.jobs(asked.send([.resize(Self.size)])).map { $0.run() })
        var full = AppState(data: MarketData(index: Self.generated.rut, bitcoin: Self.generated.btc, isDemo: true),
                            size: Self.size)
        full.deriveNow()
        #expect(view(asked, size: Self.size).text == view(full, size: Self.size).text)
    }

    @Test("an answer for data since replaced is dropped; new data asks again and shows the old answer meanwhile")
    func staleAnswers() throws {
        var state = AppState(data: Self.lean(), size: Self.size)
        let old = Self.jobs(state.send([.resize(Self.size)]))
        let again = Self.jobs(state.send([.dataLoaded(Self.lean())]))
        #expect(again.map(\.derivation) == [.correlation(window: 90), .baseRates])
        #expect(again.map(\.generation) != old.map(\.generation))
        state.send(old.map { $0.run() })
        #expect(state.data.derived.correlation(window: 90) == nil)
        state.send(again.map { $0.run() })
        let answered = view(state, size: Self.size).text
        #expect(state.data.derived.isFresh(.correlation(window: 90)))

        // A refresh: until its own window is computed, the one of the data before is drawn, not "Computing".
        let refreshed = Self.jobs(state.send([.dataLoaded(Self.lean())]))
        #expect(refreshed.count == 2)
        #expect(!state.data.derived.isFresh(.correlation(window: 90)))
        #expect(view(state, size: Self.size).text == answered)
    }

    @Test("render's path computes the windows on screen at once")
    func deriveNow() {
        var state = AppState(data: Self.lean(), size: Self.size)
        state.deriveNow()
        #expect(state.data.derived.isFresh(.correlation(window: 90)))
        #expect(Self.jobs(state.send([.resize(Self.size)])).isEmpty)
    }

    @Test("no data, nothing to derive")
    func empty() {
        var state = AppState(data: .empty, size: Self.size)
        #expect(Self.jobs(state.send([.resize(Self.size), .key(.character("w"))])).isEmpty)
    }
}
