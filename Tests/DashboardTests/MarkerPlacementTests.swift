import Dashboard
import Markets
import TermCanvas
import Testing

@Suite("Marker placement")
struct MarkerPlacementTests {
    /// The columns of the plot's rows that hold the halving rule character.
    static func ruleColumns(_ buffer: Buffer, plot: Rect) -> Set<Int> {
        var columns = Set<Int>()
        for y in plot.minY..<plot.maxY {
            for x in plot.minX..<plot.maxX where buffer[x, y].scalar == "┊" { columns.insert(x) }
        }
        return columns
    }

    @Test("halving rules sit on the halving day's column at every zoom", arguments: [0, 1, 2, 3, 4])
    func halvingColumns(zoomSteps: Int) throws {
        var state = AppState(data: Fixtures.demo, size: Size(width: 120, height: 40))
        state.panels.hidden = Set(Panel.allCases)
        state.send([.key(.end)])
        // Put the cursor on the 2020 halving, then zoom in around it.
        let halving = Day(iso: "2020-05-11")!
        var viewport = try #require(state.viewport)
        viewport.jumpCursor(to: halving)
        state.viewport = viewport
        state.type(String(repeating: "+", count: zoomSteps))
        // Step the cursor off the rule: the crosshair is drawn over it.
        state.type(">")
        let v = try #require(state.viewport)
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        let buffer = view(state, size: state.size)
        let expected = Set(HalvingSchedule.halvings(in: v.range).map {
            layout.plot.x + DayAxis(range: v.range, positions: layout.plot.width).position(of: $0.day)
        })
        #expect(expected.contains(layout.plot.x + DayAxis(range: v.range, positions: layout.plot.width).position(of: halving)))
        #expect(Self.ruleColumns(buffer, plot: layout.plot).isSubset(of: expected))
        #expect(!Self.ruleColumns(buffer, plot: layout.plot).isEmpty)
    }

    @Test("each breakout in view is marked on the index line's column")
    func breakoutColumns() throws {
        var state = AppState(data: Fixtures.demo, size: Size(width: 200, height: 50))
        state.panels.hidden = Set(Panel.allCases)
        let v = try #require(state.viewport)
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        let buffer = view(state, size: state.size)
        let axis = DayAxis(range: v.range, positions: layout.plot.width)
        for breakout in state.breakouts {
            let x = layout.plot.x + axis.position(of: breakout.day)
            let marked = (layout.plot.minY..<layout.plot.maxY).contains { buffer[x, $0].scalar == "▲" }
            #expect(marked, "no ▲ in the column of \(breakout.day.iso)")
        }
    }
}
