import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

/// The flows and loss-share panels say how their numbers were made.
struct FundamentalsPanelTests {
    @Test func thePanelsStateTheMethodAndTheCompaniesMatched() {
        let generated = DemoMarket.generate(seed: 2026)
        let iwm = ValueSeries(id: "flows.iwm", points: [(Day(iso: "2025-01-15")!, -1.5e9), (Day(iso: "2025-02-03")!, 0.8e9)])
        let q1 = Day(iso: "2024-12-31")!, q2 = Day(iso: "2025-03-31")!
        let share = ValueSeries(id: Analysis.lossShareID, points: [(q1, 41.5), (q2, 40.2)])
        var data = MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true, flows: [iwm], lossShare: share)
        data.lossShareCoverage = LossShareCoverage(
            constituents: ValueSeries(id: LossShareCoverage.constituentsID, points: [(q1, 1960), (q2, 1960)]),
            matched: ValueSeries(id: LossShareCoverage.matchedID, points: [(q1, 1872), (q2, 1872)]),
            reported: ValueSeries(id: LossShareCoverage.reportedID, points: [(q1, 1701), (q2, 1650)]))
        var state = AppState(data: data, size: Size(width: 200, height: 50))
        state.type("Y")
        state.panels.focused = .lossShare
        state.panels.maximised = .lossShare
        var text = view(state, size: state.size).text
        #expect(text.contains("2025-03-31: 40.2% · 1872 of 1960 companies matched, 1650 reported"), "\(text)")
        #expect(text.contains("today's constituents applied to past quarters (survivorship bias)"))
        state.panels.focused = .flows
        state.panels.maximised = .flows
        text = view(state, size: state.size).text
        #expect(text.contains("flows estimated from shares outstanding"), "\(text)")
    }

    @Test func anImportedShareShowsNoCounts() {
        let coverage = LossShareCoverage()
        #expect(coverage.counts(onOrBefore: Day(iso: "2025-01-01")!) == nil)
    }
}
