import Dashboard
import Markets
import TermCanvas
import Testing

@Suite("The update loop")
struct UpdateTests {
    @Test("starts showing all the data with the cursor on the last day")
    func initialState() throws {
        let state = Fixtures.state()
        let v = try #require(state.viewport)
        #expect(v.range == Fixtures.demo.bounds)
        #expect(v.cursor == Fixtures.demo.bounds?.upperBound)
    }

    @Test("zooming in three times halves the span each time around the cursor, and stays inside the data")
    func zoomInThreeTimes() throws {
        var state = Fixtures.state()
        let before = try #require(state.viewport)
        state.type("+++")
        let after = try #require(state.viewport)
        #expect(abs(after.span - before.span / 8) <= 2)
        #expect(after.range.contains(after.cursor))
        #expect(after.cursor == before.cursor)
        #expect(after.range.upperBound <= before.bounds.upperBound)
    }

    @Test("Home goes to the first day, End to the last, keeping the span")
    func homeAndEnd() throws {
        var state = Fixtures.state()
        state.type("++")
        let span = try #require(state.viewport).span
        state.send([.key(.home)])
        var v = try #require(state.viewport)
        #expect(v.range.lowerBound == v.bounds.lowerBound)
        #expect(v.span == span)
        #expect(v.range.contains(v.cursor))
        state.send([.key(.end)])
        v = try #require(state.viewport)
        #expect(v.range.upperBound == v.bounds.upperBound)
        #expect(v.span == span)
    }

    @Test("panning left moves the view a tenth of its span and stops at the first day")
    func panLeft() throws {
        var state = Fixtures.state()
        state.type("++")
        let start = try #require(state.viewport)
        state.send([.key(.left)])
        let moved = try #require(state.viewport)
        #expect(moved.range.lowerBound == start.range.lowerBound.adding(days: -start.span / 10))
        for _ in 0..<200 { state.send([.key(.left)]) }
        let end = try #require(state.viewport)
        #expect(end.range.lowerBound == end.bounds.lowerBound)
        #expect(end.span == start.span)
    }

    @Test("] and [ walk the cursor through every halving and breakout in order")
    func jumpToEachMarker() throws {
        var state = Fixtures.state()
        state.type("Y")
        state.send([.key(.home)])
        let markers = state.markerDays
        #expect(markers.count >= 4)
        var visited: [Day] = []
        for _ in markers where state.viewport!.cursor < markers.last! {
            state.type("]")
            let v = try #require(state.viewport)
            #expect(v.range.contains(v.cursor))
            visited.append(v.cursor)
        }
        #expect(visited == markers.filter { $0 > visited.first!.adding(days: -1) })
        state.type("]")
        #expect(state.notice?.contains("no marker after") == true)
        state.type("[")
        #expect(state.viewport?.cursor == markers[markers.count - 2])
    }

    @Test("presets show 1, 3, 6, 12 and 60 months; a shows everything")
    func presets() throws {
        var state = Fixtures.state()
        for (key, months) in [("1", 1), ("3", 3), ("6", 6), ("y", 12), ("Y", 60)] {
            state.type(key)
            let v = try #require(state.viewport)
            let expected = v.cursor.distance(to: v.cursor.adding(months: months))
            #expect(v.span == expected, "preset \(key)")
            #expect(v.range.contains(v.cursor))
        }
        state.type("a")
        #expect(state.viewport?.range == Fixtures.demo.bounds)
    }

    @Test("the cursor moves one plot column per step and drags the view at the edge")
    func cursorSteps() throws {
        var state = Fixtures.state()
        state.type("y")
        let v0 = try #require(state.viewport)
        state.type(",")
        let v1 = try #require(state.viewport)
        #expect(v1.cursor < v0.cursor)
        #expect(v0.cursor.distance(to: v1.cursor) < 0)
        state.send([.key(.home)])
        for _ in 0..<500 { state.type(",") }
        let v2 = try #require(state.viewport)
        #expect(v2.cursor == v2.bounds.lowerBound)
        #expect(v2.range.lowerBound == v2.bounds.lowerBound)
    }

    @Test("a resize is remembered and zoom never goes below the minimum span or beyond the data")
    func resizeAndLimits() throws {
        var state = Fixtures.state()
        state.send([.resize(Size(width: 200, height: 50))])
        #expect(state.size == Size(width: 200, height: 50))
        state.type(String(repeating: "+", count: 40))
        #expect(state.viewport!.span == Viewport.minimumSpan)
        state.type(String(repeating: "-", count: 40))
        #expect(state.viewport!.range == Fixtures.demo.bounds)
    }

    @Test("m cycles the chart modes, L toggles log, b toggles the breakout basis, q quits")
    func toggles() {
        var state = Fixtures.state()
        state.type("m")
        #expect(state.mode == .dualAxis)
        state.type("m")
        #expect(state.mode == .indexed)
        #expect(state.logScale)
        state.type("L")
        #expect(!state.logScale)
        state.type("b")
        #expect(state.basis == .close)
        #expect(state.type("q") == [.quit])
        #expect(state.send([.key(.control("c"))]) == [.quit])
    }

    @Test("the mouse wheel zooms around the pointer")
    func wheel() throws {
        var state = Fixtures.state()
        let layout = Layout(size: state.size, mode: state.mode)
        state.send([.mouse(MouseEvent(kind: .wheelUp, x: layout.plot.x + layout.plot.width / 4, y: layout.plot.y + 2))])
        let v = try #require(state.viewport)
        #expect(v.span < Fixtures.demo.bounds!.lowerBound.distance(to: Fixtures.demo.bounds!.upperBound))
        #expect(v.range.contains(v.cursor))
        #expect(v.cursorFraction < 0.5)
    }

    @Test("an empty store leaves no viewport and keys do nothing harmful")
    func emptyData() {
        var state = AppState(data: .empty)
        #expect(state.viewport == nil)
        state.type("++--[],.hlaY13")
        state.send([.key(.home), .key(.end), .resize(Size(width: 10, height: 3))])
        #expect(state.viewport == nil)
    }
}
