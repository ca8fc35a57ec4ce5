import Foundation
import Testing
@testable import Markets

/// A price series from ISO dates and closes.
private func prices(_ id: SeriesID, _ rows: [(String, Double)]) -> Series {
    Series(id: id, bars: rows.map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
}

/// A price series of one close a day from 2024-01-01, built from log returns starting at `start`.
private func pricesFromReturns(_ id: SeriesID, _ returns: [Double], start: Double = 100) -> Series {
    let first = Day(year: 2024, month: 1, day: 1)!
    var close = start
    var bars = [Bar(day: first, close: close)]
    for (i, r) in returns.enumerated() {
        close *= exp(r)
        bars.append(Bar(day: first.adding(days: i + 1), close: close))
    }
    return Series(id: id, bars: bars)
}

/// Whether two correlation arrays agree: both NaN, or within a tolerance.
private func agree(_ a: [Double], _ b: [Double], within tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in x.isNaN ? y.isNaN : !y.isNaN && abs(x - y) <= tolerance }
}

@Suite("Rolling correlation on hand-made series")
struct RollingCorrelationTests {
    @Test func weekendsAndMissingDaysAreJoinedOut() throws {
        // Index: Fri, Mon, Tue, Thu (Wed missing), Fri; Bitcoin: every day but Tuesday.
        let index = prices(.rut, [("2024-03-01", 2000), ("2024-03-04", 2010), ("2024-03-05", 1990),
                                  ("2024-03-07", 2030), ("2024-03-08", 2020)])
        var coinRows: [(String, Double)] = []
        for (d, c) in [("01", 60_000.0), ("02", 61_000), ("03", 59_000), ("04", 63_000), ("06", 62_000),
                       ("07", 66_000), ("08", 65_500)] { coinRows.append(("2024-03-" + d, c)) }
        let coin = prices(.btc, coinRows)
        let rc = RollingCorrelation(index, coin, window: 3)
        #expect(rc.alignedDayCount == 4)
        #expect(rc.returnCount == 3)
        #expect(rc.days.map(\.iso) == ["2024-03-04", "2024-03-07", "2024-03-08"])
        // Returns run between shared days: Fri→Mon (the weekend for Bitcoin) and Mon→Thu.
        let x = [log(2010.0 / 2000), log(2030.0 / 2010), log(2020.0 / 2030)]
        let y = [log(63_000.0 / 60_000), log(66_000.0 / 63_000), log(65_500.0 / 66_000)]
        #expect(rc.values[0].isNaN && rc.values[1].isNaN)
        #expect(abs(rc.values[2] - textbookPearson(x[...], y[...])) < 1e-14)
        #expect(abs(rc.fullSample - textbookPearson(x[...], y[...])) < 1e-14)
    }

    @Test func singleSharedDayGivesNoReturns() {
        let rc = RollingCorrelation(prices("a", [("2024-01-01", 1), ("2024-01-02", 2)]),
                                    prices("b", [("2024-01-02", 5), ("2024-01-03", 6)]), window: 2)
        #expect(rc.alignedDayCount == 1)
        #expect(rc.returnCount == 0)
        #expect(rc.days.isEmpty && rc.values.isEmpty)
        #expect(rc.fullSample.isNaN)
        #expect(rc.value(onOrBefore: Day(iso: "2030-01-01")!) == nil)
    }

    @Test func seriesThatDoNotOverlapGiveNothing() {
        let a = prices("a", [("2020-01-01", 1), ("2020-01-02", 2), ("2020-01-03", 3)])
        let b = prices("b", [("2021-01-01", 1), ("2021-01-02", 2), ("2021-01-03", 3)])
        for rc in [RollingCorrelation(a, b, window: 2), RollingCorrelation(a, Series(id: "empty"), window: 30)] {
            #expect(rc.alignedDayCount == 0 && rc.returnCount == 0)
            #expect(rc.days.isEmpty && rc.values.isEmpty && rc.fullSample.isNaN)
        }
    }

    struct WindowCase: Sendable, CustomTestStringConvertible {
        var returns: Int
        var window: Int
        var testDescription: String { "\(returns) returns, window \(window)" }
    }

    @Test(arguments: [
        WindowCase(returns: 5, window: 6), WindowCase(returns: 5, window: 180), WindowCase(returns: 5, window: 5),
        WindowCase(returns: 2, window: 2), WindowCase(returns: 40, window: 30),
    ])
    func windowsBeforeTheFirstFullOneAreNaN(_ c: WindowCase) {
        var rng = SplitMix64(seed: 7)
        let x = (0..<c.returns).map { _ in rng.nextGaussian() * 0.01 }
        let y = (0..<c.returns).map { _ in rng.nextGaussian() * 0.03 }
        let rc = RollingCorrelation(pricesFromReturns("a", x), pricesFromReturns("b", y), window: c.window)
        #expect(rc.days.count == c.returns && rc.values.count == c.returns)
        #expect(rc.values.prefix(c.window - 1).allSatisfy { $0.isNaN })
        #expect(rc.values.dropFirst(c.window - 1).allSatisfy { !$0.isNaN && abs($0) <= 1 })
        #expect(rc.definedCount == max(0, c.returns - c.window + 1))
    }

    @Test func flatWindowsAreNaNNeverOutOfRange() {
        // The index is unchanged for six days in the middle: windows of 3 inside that stretch are flat.
        let index = pricesFromReturns("a", [0.01, -0.02, 0.015, 0, 0, 0, 0, 0, 0, 0.01, -0.01, 0.02])
        let coin = pricesFromReturns("b", [0.03, 0.01, -0.04, 0.02, 0.05, -0.01, 0.02, 0.01, -0.03, 0.02, 0.01, 0.0])
        let rc = RollingCorrelation(index, coin, window: 3)
        // Log returns of the index from its prices are exactly 0 where the closes repeat.
        let flat = Set(5...8)
        for i in 2..<rc.values.count {
            #expect(rc.values[i].isNaN == flat.contains(i), "window ending at return \(i)")
        }
        #expect(rc.values.allSatisfy { $0.isNaN || abs($0) <= 1 })
        // A constant series correlates with nothing, over any window and the full sample.
        let constant = pricesFromReturns("c", Array(repeating: 0, count: 12))
        let none = RollingCorrelation(constant, coin, window: 4)
        #expect(none.values.allSatisfy { $0.isNaN } && none.fullSample.isNaN)
    }

    @Test func proportionalReturnsGiveExactlyOneAfterClamping() {
        var rng = SplitMix64(seed: 11)
        let x = (0..<300).map { _ in rng.nextGaussian() * 0.02 }
        let rc = RollingCorrelation(pricesFromReturns("a", x), pricesFromReturns("b", x.map { $0 * 3 }), window: 30)
        let negative = RollingCorrelation(pricesFromReturns("a", x), pricesFromReturns("b", x.map { -$0 }), window: 30)
        #expect(rc.values.dropFirst(29).allSatisfy { $0 <= 1 && $0 > 1 - 1e-12 })
        #expect(negative.values.dropFirst(29).allSatisfy { $0 >= -1 && $0 < -1 + 1e-12 })
    }

    @Test func aBadPriceMakesTheWindowsThatHoldItsReturnsNaN() {
        let good = pricesFromReturns("a", [0.01, -0.02, 0.03, 0.01, -0.01, 0.02, -0.03, 0.01])
        var bars = good.bars
        bars[4].close = 0 // returns 3 and 4 become NaN
        let bad = Series(id: "a", bars: bars)
        let coin = pricesFromReturns("b", [0.02, 0.01, -0.01, 0.03, 0.02, -0.02, 0.01, 0.04])
        let rc = RollingCorrelation(bad, coin, window: 2)
        let expectedNaN: Set<Int> = [0, 3, 4, 5]
        for i in rc.values.indices { #expect(rc.values[i].isNaN == expectedNaN.contains(i), "return \(i)") }
        #expect(rc.returnCount == 6)
    }

    @Test func valueOnOrBeforeFindsTheLatestWindowEnd() throws {
        var rng = SplitMix64(seed: 3)
        let x = (0..<20).map { _ in rng.nextGaussian() * 0.01 }
        let y = (0..<20).map { _ in rng.nextGaussian() * 0.01 }
        let rc = RollingCorrelation(pricesFromReturns("a", x), pricesFromReturns("b", y), window: 5)
        let first = try #require(rc.days.first)
        #expect(rc.value(onOrBefore: first.adding(days: -1)) == nil)
        #expect(try #require(rc.value(onOrBefore: first)).isNaN)
        #expect(rc.value(onOrBefore: rc.days[10]) == rc.values[10])
        #expect(rc.value(onOrBefore: rc.days[19].adding(days: 400)) == rc.values[19])
    }

    /// Scaling a price series leaves its log returns unchanged, up to the rounding of the scaled prices.
    @Test(arguments: [1e-6, 1e6, 1024.0, 0.37])
    func scalingAPriceSeriesLeavesTheCorrelationUnchanged(_ k: Double) {
        var rng = SplitMix64(seed: 5)
        let x = (0..<400).map { _ in rng.nextGaussian() * 0.015 }
        let y = (0..<400).map { _ in rng.nextGaussian() * 0.04 + 0.5 * x.randomElement(using: &rng)! }
        let a = pricesFromReturns("a", x), b = pricesFromReturns("b", y)
        let scaled = Series(id: "a", bars: a.bars.map { Bar(day: $0.day, close: $0.close * k) })
        for w in [30, 90, 180] {
            let base = RollingCorrelation(a, b, window: w)
            let other = RollingCorrelation(scaled, b, window: w)
            let tolerance = k == 1024 ? 0 : 1e-12 // a power of two scales prices exactly
            #expect(agree(base.values, other.values, within: tolerance))
            #expect(abs(base.fullSample - other.fullSample) <= max(tolerance, 1e-15))
        }
    }

    @Test func partsReadBackMustFitTogether() throws {
        let days = (0..<6).map { Day(rawValue: Int32(20_000 + $0)) }
        func make(window: Int = 3, days: [Day] = days, values: [Double] = [.nan, .nan, 0.5, -0.25, 1, -1],
                  fullSample: Double = 0.1, returnCount: Int = 6, aligned: Int = 7) -> RollingCorrelation? {
            RollingCorrelation(aID: .rut, bID: .btc, window: window, days: days, values: values,
                               fullSample: fullSample, returnCount: returnCount, alignedDayCount: aligned)
        }
        let good = try #require(make())
        #expect(good.values.count == 6 && good.window == 3 && good.alignedDayCount == 7 && good.returnCount == 6)
        #expect(make(window: 1) == nil)
        #expect(make(days: Array(days.dropLast())) == nil)
        #expect(make(days: days.reversed()) == nil)
        #expect(make(days: [days[0]] + days.dropLast()) == nil)
        #expect(make(values: [.nan, .nan, 0.5, -0.25, 1.01, -1]) == nil)
        #expect(make(values: [.nan, .nan, 0.5, -0.25, .infinity, -1]) == nil)
        #expect(make(fullSample: 2) == nil)
        #expect(make(returnCount: 7) == nil)
        #expect(make(aligned: 6) == nil)
        #expect(make(days: [], values: [], returnCount: 0, aligned: 1) != nil)
        #expect(make(days: [], values: [], returnCount: 0, aligned: 2) == nil)
    }
}
