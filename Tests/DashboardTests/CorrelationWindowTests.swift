import Dashboard
import Markets
import TermCanvas
import Testing

/// The dashboard computes only the correlation window on screen, and each other one when it is chosen.
@Suite("Correlation windows on demand")
struct CorrelationWindowTests {
    static let generated = DemoMarket.generate(seed: 2026)

    static func lean() -> MarketData {
        MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true, correlationWindows: [])
    }

    @Test("a state over data without windows has the one on screen, and w adds each next one")
    func onDemand() {
        var state = AppState(data: Self.lean(), size: Size(width: 200, height: 50))
        #expect(Set(state.data.analysis.correlations.keys) == [90])
        state.type("w")
        #expect(Set(state.data.analysis.correlations.keys) == [90, 180])
        state.type("w")
        #expect(Set(state.data.analysis.correlations.keys) == [30, 90, 180])
        // Each window computed on demand is the one computed from scratch.
        for window in Analysis.correlationWindows {
            let fresh = RollingCorrelation(Self.generated.rut, Self.generated.btc, window: window)
            let kept = state.data.analysis.correlations[window]!.correlation
            #expect(kept.days == fresh.days)
            #expect(zip(kept.values, fresh.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        }
    }

    @Test("new data from a refresh gets the window on screen, and the panel draws the same as with every window")
    func afterReplacingData() {
        var lean = AppState(data: Self.lean(), size: Size(width: 200, height: 50))
        lean.type("w")
        lean.send([.dataLoaded(Self.lean())])
        #expect(Set(lean.data.analysis.correlations.keys) == [180])

        var full = AppState(data: MarketData(index: Self.generated.rut, bitcoin: Self.generated.btc, isDemo: true),
                            size: Size(width: 200, height: 50))
        full.type("w")
        #expect(view(lean, size: lean.size).text == view(full, size: full.size).text)
    }

    @Test("sides derived apart with a correlation given from earlier draw the same screen as data derived at once")
    func precomputed() throws {
        let computed = RollingCorrelation(Self.generated.rut, Self.generated.btc, window: 90)
        let restored = try #require(RollingCorrelation(
            aID: computed.aID, bID: computed.bID, window: 90, days: computed.days, values: computed.values,
            fullSample: computed.fullSample, returnCount: computed.returnCount, alignedDayCount: computed.alignedDayCount))
        let given = MarketData(index: IndexSide(Self.generated.rut), bitcoin: BitcoinSide(Self.generated.btc), isDemo: true,
                               correlations: [CorrelationWindow(restored)])
        let fresh = MarketData(index: Self.generated.rut, bitcoin: Self.generated.btc, isDemo: true, correlationWindows: [90])
        let size = Size(width: 200, height: 50)
        #expect(view(AppState(data: given, size: size), size: size).text
                == view(AppState(data: fresh, size: size), size: size).text)

        // Proof that the given one is what is drawn: a doctored copy (every value halved) changes the panel.
        let halved = try #require(RollingCorrelation(
            aID: computed.aID, bID: computed.bID, window: 90, days: computed.days, values: computed.values.map { $0 / 2 },
            fullSample: computed.fullSample, returnCount: computed.returnCount, alignedDayCount: computed.alignedDayCount))
        let doctored = MarketData(index: IndexSide(Self.generated.rut), bitcoin: BitcoinSide(Self.generated.btc),
                                  isDemo: true, correlations: [CorrelationWindow(halved)])
        #expect(doctored.analysis.correlations[90]?.correlation.values.first { !$0.isNaN }
                == computed.values.first { !$0.isNaN }.map { $0 / 2 })
        #expect(view(AppState(data: doctored, size: size), size: size).text
                != view(AppState(data: fresh, size: size), size: size).text)
    }
}
