import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

/// The flows and loss-share panels: what they read out at the cursor, how they say where the numbers come
/// from, and that they fit at every size.
struct FundamentalsPanelTests {
    static let q1 = Day(iso: "2024-12-31")!, q2 = Day(iso: "2025-03-31")!

    static func state(size: Size = Size(width: 200, height: 50), flows: [ValueSeries]? = nil, share: Bool = true,
                      computed: Bool = true) -> AppState {
        let generated = DemoMarket.generate(seed: 2026)
        let iwm = ValueSeries(id: "flows.iwm", points: [(Day(iso: "2025-01-01")!, -1.5e9), (Day(iso: "2025-02-01")!, 0.8e9)])
        let vb = ValueSeries(id: "flows.vb", points: [(Day(iso: "2025-01-01")!, 0.25e9), (Day(iso: "2025-02-01")!, -0.05e9)])
        let series = ValueSeries(id: Analysis.lossShareID, points: share ? [(q1, 41.5), (q2, 40.2)] : [])
        var data = MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true, flows: flows ?? [iwm, vb], lossShare: series)
        if computed {
            data.lossShareCoverage = LossShareCoverage(
                constituents: ValueSeries(id: LossShareCoverage.constituentsID, points: [(q1, 1960), (q2, 1958)]),
                matched: ValueSeries(id: LossShareCoverage.matchedID, points: [(q1, 1872), (q2, 1870)]),
                reported: ValueSeries(id: LossShareCoverage.reportedID, points: [(q1, 1701), (q2, 1650)]),
                lossMaking: ValueSeries(id: LossShareCoverage.lossMakingID, points: [(q1, 706), (q2, 663)]),
                quarterShare: ValueSeries(id: LossShareCoverage.quarterShareID, points: [(q1, 39.0), (q2, 44.1)]),
                constituentsAsOf: ValueSeries(id: LossShareCoverage.constituentsAsOfID,
                                              points: [(q1, Double(q2.rawValue)), (q2, Double(q2.rawValue))]))
        }
        var state = AppState(data: data, size: size)
        _ = state.type("Y")
        return state
    }

    static func screen(_ state: AppState, _ panel: Panel) -> String {
        var state = state
        state.panels.focused = panel
        state.panels.maximised = panel
        return view(state, size: state.size).text
    }

    @Test("the loss share reads out the cursor quarter's shares and counts, and says when constituents are applied backwards")
    func lossShareReadout() {
        let text = Self.screen(Self.state(), .lossShare)
        #expect(text.contains("2025-03-31: 40.2% lost money over 12 months · 44.1% in the quarter alone"), "\(text)")
        #expect(text.contains("1,958 constituents, 1,870 matched to SEC filers, 1,650 with four quarters reported, 663 loss-making"), "\(text)")
        #expect(text.contains("IWM's holdings at that quarter's end (point in time)"), "\(text)")
        #expect(text.contains("· SEC filings ─"), "\(text)")
        var earlier = Self.state()
        earlier.viewport?.jumpCursor(to: Day(iso: "2025-01-15")!)
        let back = Self.screen(earlier, .lossShare)
        #expect(back.contains("constituents of 2025-03-31, IWM's earliest N-PORT, applied backwards"), "\(back)")
    }

    @Test("the loss-share title names no source above an empty panel, and an imported share says so")
    func lossShareTitle() {
        let empty = Self.screen(Self.state(share: false, computed: false), .lossShare)
        #expect(!empty.contains("imported series") && empty.contains("No loss-making share in the store"), "\(empty)")
        let imported = Self.screen(Self.state(computed: false), .lossShare)
        #expect(imported.contains("· imported series"), "\(imported)")
    }

    @Test("flows: the cursor year's total in the title, the cursor month, the lag, and the Vanguard note; no shares × NAV")
    func flowsReadout() {
        var state = Self.state()
        state.viewport?.jumpCursor(to: Day(iso: "2025-02-10")!)
        let text = Self.screen(state, .flows)
        #expect(text.contains("2025 Jan–Feb: -$0.5bn across 2 funds"), "\(text)")
        #expect(text.contains("2025-02: +$0.75bn across 2 funds"), "\(text)")
        #expect(text.contains("latest public month 2025-02"), "\(text)")
        #expect(text.contains("VB: Vanguard's N-PORT covers the ETF and mutual-fund shares together"), "\(text)")
        #expect(!text.contains("shares outstanding"), "\(text)")
    }

    @Test("a press figure beyond the bars' scale sits at the edge with its value; the bars keep the scale")
    func pressFigureAtTheEdge() {
        // 2024: the press's "more than $20bn out" against months of a few hundred million.
        let iwm = ValueSeries(id: "flows.iwm", points: (1...12).map { (Day(year: 2024, month: $0, day: 1)!, ($0 % 2 == 0 ? 1 : -1) * 4e8) })
        var state = Self.state(flows: [iwm])
        state.viewport?.show(Day(iso: "2024-01-01")!...Day(iso: "2024-12-31")!)
        let text = Self.screen(state, .flows)
        #expect(text.contains("◆>-$20bn"), "\(text)")
        #expect(text.contains("+$0.4bn") || text.contains("+$0.40bn") || text.contains("+$0.3bn"), "the scale is the bars': \(text)")
    }

    @Test("at 80x24 the empty panels print no press heading without a figure under it, and nothing is cut mid-word",
          arguments: [Panel.flows, .lossShare])
    func emptyAt80x24(_ panel: Panel) {
        var state = Self.state(size: Size(width: 80, height: 24), flows: [], share: false, computed: false)
        state.viewport?.show(Day(iso: "2024-01-01")!...Day(iso: "2024-12-31")!)
        state.panels.focused = panel
        let text = view(state, size: state.size).text
        let lines = text.split(separator: "\n")
        if let heading = lines.firstIndex(where: { $0.contains("Reported in the press") }) {
            #expect(heading + 1 < lines.count && lines[heading + 1].contains("◆"), "\(text)")
        }
    }

    @Test func anImportedShareShowsNoCounts() {
        let coverage = LossShareCoverage()
        #expect(coverage.counts(onOrBefore: Day(iso: "2025-01-01")!) == nil)
        #expect(!coverage.isComputed)
    }
}
