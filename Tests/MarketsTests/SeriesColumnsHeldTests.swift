import Markets
import TestSupport
import Testing

/// Series whose opens, highs, lows or volumes are absent: no memory for them, missing on every day, and equal
/// to the same bars held in full.
@Suite("Series with absent columns")
struct SeriesColumnsHeldTests {
    let start = Day(iso: "2024-01-01")!

    func day(_ offset: Int) -> Day { start.adding(days: offset) }

    @Test("a series of closes holds no optional column and reads every other field as missing")
    func closesOnly() {
        let series = Series(id: "x", bars: (0..<5).map { Bar(day: day($0), close: 10 + Double($0)) })
        #expect(series.heldColumns == .closesOnly)
        #expect(series.opens == nil && series.highs == nil && series.lows == nil && series.volumes == nil)
        #expect(series.open(at: 2).isNaN && series.high(at: 2).isNaN && series.low(at: 2).isNaN && series.volume(at: 2).isNaN)
        #expect(series.highOrClose(at: 2) == 12)
        #expect(series.bar(at: 2) == Bar(day: day(2), close: 12))
    }

    @Test("a column given as nil or all NaN is absent, and equals the same bars held in full")
    func allMissingIsAbsent() {
        let days = (0..<4).map(day), closes = [1.0, 2, 3, 4]
        let nan = [Double](repeating: .nan, count: 4)
        let full = Series(id: "x", days: days, closes: closes, opens: nan, highs: [2, 3, 4, 5], lows: nan, volumes: nan)
        let lean = Series(id: "x", days: days, closes: closes, highs: [2, 3, 4, 5])
        #expect(full.heldColumns == .highs)
        #expect(full == lean)
        #expect(full.hashValue == lean.hashValue)
        #expect(full.bars == lean.bars)
    }

    @Test("missing values equal missing values, so a series equals itself rebuilt from its bars")
    func missingEqualsMissing() {
        let bars = (0..<6).map { i in
            Bar(day: day(i), open: i % 2 == 0 ? nil : 9, high: 11, low: i == 3 ? nil : 8, close: 10, volume: i == 0 ? 5 : nil)
        }
        let series = Series(id: "x", bars: bars)
        #expect(series.heldColumns == .all)
        #expect(series == Series(id: "x", bars: series.bars))
        var changed = series
        changed.upsert(Bar(day: day(3), open: 9, high: 11, low: 7, close: 10))
        #expect(changed != series, "a value where there was none differs")
    }

    @Test("a value for an absent column brings the column in, missing on the other days")
    func upsertBringsColumnIn() {
        var series = Series(id: "x", bars: (0..<3).map { Bar(day: day($0 * 2), close: 10) })
        series.upsert(Bar(day: day(2), high: 12, close: 11))
        #expect(series.heldColumns == .highs)
        #expect(series.highs?.count == 3)
        series.upsert(Bar(day: day(3), low: 9, close: 10.5))
        #expect(series.heldColumns == [.highs, .lows])
        #expect(series.days == [0, 2, 3, 4].map(day))
        #expect(series.bars == [Bar(day: day(0), close: 10), Bar(day: day(2), high: 12, close: 11),
                                Bar(day: day(3), low: 9, close: 10.5), Bar(day: day(4), close: 10)])
        series.append(Bar(day: day(9), open: 10, close: 10, volume: 100))
        #expect(series.heldColumns == .all)
        #expect(series.bar(at: 4) == Bar(day: day(9), open: 10, close: 10, volume: 100))
        #expect(series.volume(at: 0).isNaN)
    }

    @Test("a slice leaves out the columns with no value in its range")
    func sliceDropsEmptyColumns() {
        let bars = (0..<10).map { Bar(day: day($0), high: $0 < 5 ? 20 : nil, close: 10) }
        let series = Series(id: "x", bars: bars)
        #expect(series.slice(day(5)...day(9)).heldColumns == .closesOnly)
        #expect(series.slice(day(3)...day(6)).heldColumns == .highs)
        #expect(series.slice(day(3)...day(6)).bars == Array(bars[3...6]))
    }

    @Test("random bars read the same through the accessors, the bars and a rebuild, with or without each column")
    func randomBars() {
        var random = SeededRandom(seed: 11)
        for round in 0..<40 {
            func maybe() -> Double? { random.int(0...3) == 0 ? nil : Double(random.int(1...100)) }
            let dropped = SeriesColumns(rawValue: UInt8(random.int(0...15)))
            var bars: [Bar] = []
            for i in 0..<random.int(0...30) {
                bars.append(Bar(day: day(i * 2 + random.int(0...1)), open: dropped.contains(.opens) ? nil : maybe(),
                                high: dropped.contains(.highs) ? nil : maybe(), low: dropped.contains(.lows) ? nil : maybe(),
                                close: Double(random.int(1...100)), volume: dropped.contains(.volumes) ? nil : maybe()))
            }
            let series = Series(id: "r", bars: bars)
            #expect(series.bars == bars, "round \(round)")
            #expect(series.heldColumns.isDisjoint(with: dropped), "round \(round)")
            for (i, bar) in bars.enumerated() {
                #expect(series.open(at: i).isNaN == (bar.open == nil) && series.high(at: i).isNaN == (bar.high == nil)
                        && series.low(at: i).isNaN == (bar.low == nil) && series.volume(at: i).isNaN == (bar.volume == nil))
            }
            let rebuilt = Series(id: "r", days: series.days, closes: series.closes, opens: series.opens,
                                 highs: series.highs, lows: series.lows, volumes: series.volumes)
            #expect(rebuilt == series, "round \(round)")
        }
    }
}
