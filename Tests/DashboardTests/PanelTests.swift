@testable import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

@Suite("Analysis panels")
struct PanelTests {
    @Test("Tab walks the focus through the visible panels and shift-Tab walks back")
    func focusCycle() {
        var state = Fixtures.state()
        #expect(state.panels.focused == .correlation)
        state.send([.key(.tab), .key(.tab)])
        #expect(state.panels.focused == .aftermath)
        state.send([.key(.backTab)])
        #expect(state.panels.focused == .cycles)
        state.send(Array(repeating: .key(.tab), count: 5))
        #expect(state.panels.focused == .cycles)
    }

    @Test("x hides the focused panel and skips it in the focus ring; X shows all again")
    func hideAndShow() {
        var state = Fixtures.state(size: Size(width: 200, height: 50))
        state.type("x")
        #expect(state.panels.hidden == [.correlation])
        #expect(state.panels.focused == .cycles)
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        #expect(layout.panels.map(\.panel) == [.cycles, .aftermath, .flows, .lossShare])
        state.send(Array(repeating: .key(.tab), count: 4))
        #expect(state.panels.focused == .cycles)
        state.type("xxxx")
        #expect(state.panels.visible.isEmpty)
        let alone = Layout(size: state.size, mode: state.mode, panels: state.panels)
        #expect(alone.panels.isEmpty)
        #expect(alone.chart.height == 50 - 5)
        state.type("X")
        #expect(state.panels.visible.count == 5)
    }

    @Test("z maximises the focused panel over the chart area and Esc or z goes back")
    func maximise() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.send([.key(.tab)])
        state.type("z")
        #expect(state.panels.maximised == .cycles)
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        #expect(layout.chart.height == 0)
        #expect(layout.panels.map(\.panel) == [.cycles])
        #expect(layout.panels[0].rect.height == 40 - 5)
        #expect(view(state, size: state.size).text.contains("day "))
        state.send([.key(.tab)])
        #expect(state.panels.maximised == .aftermath)
        state.send([.key(.escape)])
        #expect(state.panels.maximised == nil)
        state.type("zz")
        #expect(state.panels.maximised == nil)
    }

    @Test("the layout shows all panels at 200x50, two at 120x40 and the focused one at 80x24")
    func layoutBySize() {
        var state = Fixtures.state()
        func shown(_ w: Int, _ h: Int) -> [Panel] {
            Layout(size: Size(width: w, height: h), mode: state.mode, panels: state.panels).panels.map(\.panel)
        }
        #expect(shown(200, 50) == Panel.allCases)
        #expect(shown(120, 40) == [.correlation, .cycles])
        #expect(shown(80, 24) == [.correlation])
        state.send([.key(.tab), .key(.tab)])
        #expect(shown(80, 24) == [.aftermath])
        #expect(shown(120, 40) == [.aftermath, .flows])
    }

    @Test("w cycles the correlation window and the panel's title follows")
    func correlationWindow() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        #expect(view(state, size: state.size).text.contains("· 90d ·"))
        state.type("w")
        #expect(state.panels.correlationWindow == 180)
        #expect(view(state, size: state.size).text.contains("· 180d ·"))
        state.type("w")
        #expect(view(state, size: state.size).text.contains("· 30d ·"))
    }

    @Test("zooming the chart zooms the correlation panel: both read the cursor's day")
    func panelsFollowTheChart() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.type("y")
        let cursor = state.viewport!.cursor
        let text = view(state, size: state.size).text
        #expect(text.contains("▸ \(cursor.iso) r(90d) ="))
    }

    @Test("the aftermath table says how many episodes there are and that they prove nothing")
    func aftermathSaysN() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        state.send([.key(.tab), .key(.tab)])
        let text = view(state, size: state.size).text
        let n = Fixtures.demo.analysis.aftermath[.high]!.episodeCount
        #expect(text.contains("n = \(n) breakout"))
    }

    @Test("empty flows and loss-share panels say how to import their data and list press figures as points")
    func emptyStates() {
        var state = Fixtures.state(size: Size(width: 200, height: 50))
        state.send([.key(.home)])
        state.type("a")
        let text = view(state, size: state.size).text
        #expect(text.contains("resonance import flows.csv --flows"))
        #expect(text.contains("resonance import loss_share.csv --loss-share"))
        #expect(text.contains("Q3 2024: 43% negative earnings (Bloomberg)"))
    }

    @Test("flows and loss share with data: the cursor year's total, the cursor month, the share at the cursor")
    func panelsWithData() {
        let generated = DemoMarket.generate(seed: 2026)
        let iwm = ValueSeries(id: "flows.iwm", points: [(Day(iso: "2025-01-15")!, -1.5e9), (Day(iso: "2025-02-03")!, 0.8e9)])
        let ijr = ValueSeries(id: "flows.ijr", points: [(Day(iso: "2025-01-01")!, 0.2e9)])
        let share = ValueSeries(id: Analysis.lossShareID, points: [(Day(iso: "2024-09-30")!, 41.5), (Day(iso: "2025-03-31")!, 40.2)])
        let data = MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true, flows: [ijr, iwm], lossShare: share)
        var state = AppState(data: data, size: Size(width: 200, height: 50))
        state.type("Y")
        state.viewport?.jumpCursor(to: Day(iso: "2025-04-10")!)
        let text = view(state, size: state.size).text
        #expect(text.contains("2025 Jan–Feb: -$0.5bn across 2 funds"), "\(text)")
        #expect(text.contains("2025-04: not public yet"), "\(text)")
        #expect(text.contains("2025-03-31: 40.2%"), "\(text)")
        #expect(data.analysis.monthlyFlows.values == [-1.3e9, 0.8e9])
    }

    @Test("every panel at 0x0, 1x1, 2x2 and odd sizes draws only inside the area it is given", arguments: Panel.allCases)
    func tinySizes(panel: Panel) {
        var state = Fixtures.state()
        state.panels.focused = panel
        state.panels.maximised = panel
        for (w, h) in [(0, 0), (1, 1), (2, 2), (0, 5), (5, 0), (3, 7), (9, 4), (17, 6), (60, 16), (61, 17), (63, 19), (300, 100)] {
            // Away from the buffer's edges, so a cell drawn on any side of the area would show.
            let area = Rect(x: 2, y: 3, width: w, height: h)
            let outside = WidgetBounds.cellsDrawnOutside(panelWidget(panel, state), area: area)
            #expect(outside.isEmpty, "\(panel) in \(area) drew outside it: \(outside.prefix(8))")
        }
    }
}
