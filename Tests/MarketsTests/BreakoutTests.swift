import Testing
@testable import Markets

/// Builds a weekday-agnostic test series: one bar a day from 2020-01-01, closes and optional highs.
func makeSeries(closes: [Double], highs: [Double?]? = nil) -> Series {
    let start = Day(year: 2020, month: 1, day: 1)!
    let bars = closes.indices.map { i in
        Bar(day: start.adding(days: i), high: highs?[i], close: closes[i])
    }
    return Series(id: "test", bars: bars)
}

@Suite("Breakouts on hand-made series")
struct BreakoutTests {
    @Test func firstBarSetsTheRunningHighAndIsNeverABreakout() {
        let series = makeSeries(closes: [10, 11, 12])
        #expect(detectBreakouts(in: series, basis: .close, quietDays: 0).map(\.index) == [1, 2])
        #expect(detectBreakouts(in: series, basis: .close, quietDays: 1).isEmpty)
        #expect(newHighIndices(in: series, basis: .close) == [0, 1, 2])
    }

    @Test func emptyAndSingleBarSeriesHaveNoBreakouts() {
        #expect(detectBreakouts(in: Series(id: "x"), basis: .high).isEmpty)
        #expect(detectBreakouts(in: makeSeries(closes: [5]), basis: .high, quietDays: 0).isEmpty)
    }

    struct QuietCase: Sendable, CustomTestStringConvertible {
        var gap: Int
        var quietDays: Int
        var isBreakout: Bool
        var testDescription: String { "\(gap) quiet bars, threshold \(quietDays)" }
    }

    /// A high, `gap` lower bars, then a new high: a breakout exactly when gap ≥ quietDays.
    @Test(arguments: [
        QuietCase(gap: 249, quietDays: 250, isBreakout: false),
        QuietCase(gap: 250, quietDays: 250, isBreakout: true),
        QuietCase(gap: 251, quietDays: 250, isBreakout: true),
        QuietCase(gap: 4, quietDays: 5, isBreakout: false),
        QuietCase(gap: 5, quietDays: 5, isBreakout: true),
        QuietCase(gap: 0, quietDays: 0, isBreakout: true),
        QuietCase(gap: 0, quietDays: 1, isBreakout: false),
    ])
    func quietPeriodBoundary(_ c: QuietCase) throws {
        let closes = [100.0] + Array(repeating: 90.0, count: c.gap) + [101]
        let series = makeSeries(closes: closes)
        let found = detectBreakouts(in: series, basis: .close, quietDays: c.quietDays)
        #expect(found.count == (c.isBreakout ? 1 : 0))
        if c.isBreakout {
            let b = try #require(found.first)
            #expect(b.index == c.gap + 1)
            #expect(b.day == series.days[c.gap + 1])
            #expect(b.quietDays == c.gap)
            #expect(b.priorHigh == 100)
            #expect(b.priorHighIndex == 0)
            #expect(b.priorHighDay == series.days[0])
            #expect(b.value == 101)
            #expect(b.basis == .close)
        }
    }

    @Test func equallingTheHighIsNotANewHighAndDoesNotResetTheQuietPeriod() {
        let series = makeSeries(closes: [100, 90, 100, 90, 100, 100.5])
        let found = detectBreakouts(in: series, basis: .close, quietDays: 4)
        #expect(found.map(\.index) == [5])
        #expect(found.first?.quietDays == 4)
    }

    @Test func aSmallNewHighInsideTheQuietSpellResetsIt() {
        // 100, quiet 3, 101 (new high after 3), quiet 3, 102.
        let series = makeSeries(closes: [100, 90, 90, 90, 101, 95, 95, 95, 102])
        #expect(detectBreakouts(in: series, basis: .close, quietDays: 4).isEmpty)
        #expect(detectBreakouts(in: series, basis: .close, quietDays: 3).map(\.index) == [4, 8])
    }

    @Test func basesDisagreeWhenOnlyTheIntradayHighBreaks() {
        // The close of bar 4 stays below the record close; its high beats the record high.
        let closes: [Double] = [100, 90, 90, 90, 99.9]
        let highs: [Double?] = [101, 95, 95, 95, 102]
        let series = makeSeries(closes: closes, highs: highs)
        let onHigh = detectBreakouts(in: series, basis: .high, quietDays: 3)
        let onClose = detectBreakouts(in: series, basis: .close, quietDays: 3)
        #expect(onHigh.map(\.index) == [4])
        #expect(onHigh.first?.value == 102)
        #expect(onHigh.first?.priorHigh == 101)
        #expect(onClose.isEmpty)
    }

    @Test func missingHighsFallBackToTheClose() {
        // Bar 0 has no high (its close 100 is the record); bar 4 has no high, close 103 breaks out;
        // bar 2's high 99 is below.
        let closes: [Double] = [100, 90, 95, 90, 103]
        let highs: [Double?] = [nil, 92, 99, 91, nil]
        let series = makeSeries(closes: closes, highs: highs)
        let found = detectBreakouts(in: series, basis: .high, quietDays: 3)
        #expect(found.count == 1)
        #expect(found.first?.value == 103)
        #expect(found.first?.priorHigh == 100)
        #expect(found.first?.quietDays == 3)
    }

    @Test func nonFiniteValuesAreSkipped() {
        let series = makeSeries(closes: [.nan, 100, 90, .infinity, 90, 101])
        let found = detectBreakouts(in: series, basis: .close, quietDays: 3)
        #expect(found.map(\.index) == [5])
        #expect(found.first?.priorHighIndex == 1)
        #expect(found.first?.quietDays == 3)
    }

    @Test func quietDaysCountTradingBarsNotCalendarDays() throws {
        // Bars on Mondays only: 3 bars between the highs, 27 calendar days.
        let monday = try #require(Day(iso: "2024-01-01"))
        let bars = [100.0, 90, 90, 90, 101].enumerated().map {
            Bar(day: monday.adding(days: 7 * $0.offset), close: $0.element)
        }
        let series = Series(id: "weekly", bars: bars)
        #expect(detectBreakouts(in: series, basis: .close, quietDays: 3).first?.quietDays == 3)
        #expect(detectBreakouts(in: series, basis: .close, quietDays: 4).isEmpty)
    }
}
