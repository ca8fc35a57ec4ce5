import Dashboard
import Markets
import Testing

@Suite("Viewport moves keep their invariants")
struct ViewportTests {
    let bounds = Day(iso: "2014-01-02")!...Day(iso: "2026-08-21")!

    @Test("10,000 seeded random moves keep the range inside the data and the cursor inside the range")
    func randomMoves() {
        var v = Viewport(bounds: bounds)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<10_000 {
            switch next() % 9 {
            case 0: v.zoom(by: 0.5)
            case 1: v.zoom(by: 2)
            case 2: v.pan(days: next() % 2000 - 1000)
            case 3: v.moveCursor(days: next() % 400 - 200)
            case 4: v.goToStart()
            case 5: v.goToEnd()
            case 6: v.setSpan(next() % 6000)
            case 7: v.jumpCursor(to: bounds.lowerBound.adding(days: next() % 5000 - 200))
            default: v.show(bounds.lowerBound.adding(days: next() % 4000)...bounds.lowerBound.adding(days: 4000 + next() % 1000))
            }
            #expect(v.range.lowerBound >= bounds.lowerBound && v.range.upperBound <= bounds.upperBound)
            #expect(v.range.contains(v.cursor))
            #expect(v.span >= Viewport.minimumSpan)
        }
    }

    @Test("show clamps a requested range to the data")
    func showClamps() {
        var v = Viewport(bounds: bounds)
        v.show(Day(iso: "2010-01-01")!...Day(iso: "2016-01-01")!)
        #expect(v.range == bounds.lowerBound...Day(iso: "2016-01-01")!)
        #expect(v.range.contains(v.cursor))
    }
}
