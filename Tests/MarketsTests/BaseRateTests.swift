import Testing
@testable import Markets

/// A series with a close on every listed ISO date.
private func closes(_ rows: [(String, Double)]) -> Series {
    Series(id: .rut, bars: rows.map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
}

/// The expected numbers below were computed by a separate script (Python's `statistics`, dates with `datetime`),
/// walking every start day by brute force, not by the code under test.
@Suite("Base rates: h-day returns from every start day")
struct BaseRateTests {
    // Gaps (01-03, 01-06, 01-07 missing), ties (110 three times, so equal returns).
    let series = closes([("2024-01-01", 100), ("2024-01-02", 110), ("2024-01-04", 110), ("2024-01-05", 99),
                         ("2024-01-08", 121), ("2024-01-09", 110), ("2024-01-10", 132)])

    struct Case: Sendable, CustomTestStringConvertible {
        var horizon: Int
        var asOf: String
        var count: Int
        var starts: (String, String)?
        var median: Double?
        var shareUp: Double?
        /// Values to rank and their expected percentiles.
        var ranked: [(Double, Double)]
        var testDescription: String { "h \(horizon) as of \(asOf)" }
    }

    @Test(arguments: [
        // Returns 0.1, -0.1, -0.1 (a tie), 0.2222: median between -0.1 and 0.1.
        Case(horizon: 3, asOf: "2024-01-10", count: 4, starts: ("2024-01-01", "2024-01-05"),
             median: 5.551115123125783e-17, shareUp: 0.5,
             ranked: [(0.0, 50), (0.1, 50), (-1, 0), (10, 100), (0.10000000000000009, 62.5)]),
        // One-day horizon across the gaps: two returns of exactly 0 (ties at the median).
        Case(horizon: 1, asOf: "2024-01-10", count: 6, starts: ("2024-01-01", "2024-01-09"),
             median: 0, shareUp: 0.3333333333333333,
             ranked: [(0.0, 50), (0.1, 66.66666666666667), (-1, 0), (10, 100), (0.10000000000000009, 75)]),
        // asOf before the last day cuts the start days whose end would pass it.
        Case(horizon: 3, asOf: "2024-01-07", count: 3, starts: ("2024-01-01", "2024-01-04"),
             median: -0.09999999999999998, shareUp: 0.3333333333333333,
             ranked: [(0.0, 66.66666666666667), (-0.09999999999999998, 33.333333333333336)]),
        // A horizon longer than the series: no start day at all.
        Case(horizon: 30, asOf: "2024-01-10", count: 0, starts: nil, median: nil, shareUp: nil, ranked: [(0.0, .nan)]),
    ])
    func matchesTheBruteForceCount(_ c: Case) {
        let rate = BaseRate(series, horizon: c.horizon, asOf: Day(iso: c.asOf)!, ranking: c.ranked.map(\.0) + [nil])
        #expect(rate.horizon == c.horizon)
        #expect(rate.startCount == c.count)
        #expect(rate.starts?.lowerBound.iso == c.starts?.0)
        #expect(rate.starts?.upperBound.iso == c.starts?.1)
        #expect(rate.median == c.median)
        #expect(rate.shareUp == c.shareUp)
        #expect(rate.percentiles.count == c.ranked.count + 1)
        #expect(rate.percentiles.last! == nil)
        for (k, (_, expected)) in c.ranked.enumerated() {
            if expected.isNaN { #expect(rate.percentiles[k] == nil) } else { #expect(rate.percentiles[k] == expected) }
        }
    }

    @Test func aBadCloseIsNotAStartDay() {
        let withZero = closes([("2024-01-01", 100), ("2024-01-02", 0), ("2024-01-03", 120), ("2024-01-04", 90)])
        let rate = BaseRate(withZero, horizon: 1, asOf: Day(iso: "2024-01-04")!)
        // 01-01 → 01-02 ends on the zero close: -100%; 01-02 starts on it and is skipped; 01-03 → 01-04: -25%.
        #expect(rate.startCount == 2)
        #expect(rate.median == (-1 + -0.25) / 2)
        #expect(rate.shareUp == 0)
    }

    @Test func anEmptySeriesHasNoBaseRate() {
        let rate = BaseRate(Series(id: .btc), horizon: 30, asOf: Day(iso: "2024-01-10")!, ranking: [0.5])
        #expect(rate.startCount == 0 && rate.median == nil && rate.shareUp == nil && rate.percentiles == [nil])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 8, 13, 100, 1001])
    func selectionFindsTheMedianASortFinds(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        // Few distinct values, so ties are everywhere.
        var values = (0..<count).map { _ in Double(random.next() % 7) - 3 }
        let sorted = values.sorted()
        let expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
        #expect(Selection.median(&values) == expected)
        #expect(values.sorted() == sorted)
    }

    @Test func manyValuesRankAsACountOfEveryStartDayWould() {
        // Prices on a coarse grid, so returns tie often; values to rank include some returns themselves.
        var random = SplitMix64(seed: 17)
        var day = Day(iso: "2020-01-01")!
        var bars: [Bar] = []
        for _ in 0..<400 {
            day = day.adding(days: 1 + Int(random.next() % 3))
            bars.append(Bar(day: day, close: Double(90 + random.next() % 20)))
        }
        let series = Series(id: .btc, bars: bars)
        let returns = BaseRate.returns(series, horizon: 10, asOf: day).values
        var values: [Double?] = []
        for i in 0..<40 {
            if i % 4 == 0 { values.append(nil) } else if i % 2 == 0 { values.append(returns[i * 7]) } else {
                values.append(Double(i) / 100 - 0.2)
            }
        }
        values.append(returns[0])  // the same value twice
        let rate = BaseRate(series, horizon: 10, asOf: day, ranking: values)
        for (value, percentile) in zip(values, rate.percentiles) {
            guard let value else { #expect(percentile == nil); continue }
            let lower = returns.filter { $0 < value }.count, equal = returns.filter { $0 == value }.count
            #expect(percentile == 100 * (Double(lower) + 0.5 * Double(equal)) / Double(returns.count))
        }
    }
}
