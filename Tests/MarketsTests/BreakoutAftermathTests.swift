import Testing
@testable import Markets

/// A series with a close on every listed ISO date.
private func closes(_ id: SeriesID, _ rows: [(String, Double)]) -> Series {
    Series(id: id, bars: rows.map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
}

/// A breakout record on a day; only the day matters to the aftermath.
private func breakout(_ iso: String) -> Breakout {
    let day = Day(iso: iso)!
    return Breakout(day: day, index: 0, value: 1, priorHigh: 1, priorHighDay: day.adding(days: -400), priorHighIndex: 0,
                    quietDays: 250, basis: .close)
}

@Suite("Breakout aftermath on hand-made series")
struct BreakoutAftermathTests {
    // Index: Friday 2024-03-01 breakout; 30 days later is Sunday 2024-03-31, so Friday 2024-03-29 counts.
    let index = closes(.rut, [("2024-02-29", 95), ("2024-03-01", 100), ("2024-03-28", 104), ("2024-03-29", 110),
                              ("2024-04-01", 111), ("2024-05-30", 120), ("2024-06-03", 130)])
    // Bitcoin: no close on the breakout day itself, so the close before it (2024-02-29) is the base.
    let coin = closes(.btc, [("2024-02-28", 40_000), ("2024-02-29", 50_000), ("2024-03-30", 55_000),
                             ("2024-03-31", 60_000), ("2024-05-29", 75_000), ("2024-06-10", 80_000)])

    @Test func returnsUseTheCloseOnOrBeforeEachDay() throws {
        let table = BreakoutAftermath(breakouts: [breakout("2024-03-01")], index: index, bitcoin: coin,
                                      asOf: Day(iso: "2024-06-10")!)
        #expect(table.episodeCount == 1)
        let e = try #require(table.episodes.first)
        // +30: 2024-03-31; +90: 2024-05-30; +180 and +365: beyond both series.
        let expectedIndex: [Double?] = [110.0 / 100 - 1, 120.0 / 100 - 1, nil, nil]
        let expectedCoin: [Double?] = [60_000.0 / 50_000 - 1, 75_000.0 / 50_000 - 1, nil, nil]
        #expect(e.indexReturns == expectedIndex)
        #expect(e.bitcoinReturns == expectedCoin)
        #expect(table.bitcoinSummary.map(\.count) == [1, 1, 0, 0])
        #expect(table.bitcoinSummary[2].mean == nil && table.bitcoinSummary[2].median == nil)
        #expect(table.indexSummary.map(\.horizon) == [30, 90, 180, 365])
    }

    @Test func aHorizonAfterTheLastDayOfItsSeriesIsNil() throws {
        // The index ends 2024-06-03, Bitcoin 2024-06-10: with 95 days, only Bitcoin reaches 2024-06-04.
        let table = BreakoutAftermath(breakouts: [breakout("2024-03-01")], index: index, bitcoin: coin,
                                      asOf: Day(iso: "2024-06-10")!, horizons: [94, 95])
        let e = try #require(table.episodes.first)
        let expectedIndex: [Double?] = [130.0 / 100 - 1, nil]
        let coinReturn: Double = 75_000.0 / 50_000 - 1
        #expect(e.indexReturns == expectedIndex)
        #expect(e.bitcoinReturns == [coinReturn, coinReturn])
        // asOf cuts both series, and breakouts after it are left out.
        let earlier = BreakoutAftermath(breakouts: [breakout("2024-03-01"), breakout("2024-06-03")], index: index,
                                        bitcoin: coin, asOf: Day(iso: "2024-05-31")!, horizons: [30, 90, 95])
        #expect(earlier.episodeCount == 1)
        #expect(earlier.episodes[0].bitcoinReturns[2] == nil && earlier.episodes[0].indexReturns[1] != nil)
    }

    @Test func aBreakoutBeforeBitcoinsDataHasNoBitcoinReturns() throws {
        let table = BreakoutAftermath(breakouts: [breakout("2024-02-29")],
                                      index: index, bitcoin: closes(.btc, [("2024-03-01", 1), ("2024-06-01", 2)]),
                                      asOf: Day(iso: "2024-06-10")!)
        let none: [Double?] = [nil, nil, nil, nil]
        let indexReturn: Double = 110.0 / 95 - 1
        #expect(table.episodes[0].bitcoinReturns == none)
        #expect(table.episodes[0].indexReturns[0] == indexReturn)
    }

    @Test func noBreakoutsGiveAnEmptyTable() {
        let table = BreakoutAftermath(breakouts: [], index: index, bitcoin: Series(id: .btc), asOf: Day(iso: "2024-06-10")!)
        #expect(table.episodeCount == 0)
        #expect(table.bitcoinSummary.allSatisfy { $0.count == 0 && $0.mean == nil && $0.median == nil })
    }

    struct SummaryCase: Sendable, CustomTestStringConvertible {
        var returns: [Double]
        var mean: Double?
        var median: Double?
        var testDescription: String { "\(returns)" }
    }

    @Test(arguments: [
        SummaryCase(returns: [], mean: nil, median: nil),
        SummaryCase(returns: [0.5], mean: 0.5, median: 0.5),
        SummaryCase(returns: [3, -1], mean: 1, median: 1),
        SummaryCase(returns: [2, -0.5, 0.25], mean: 0.5833333333333334, median: 0.25),
        SummaryCase(returns: [4, 1, -1, 0], mean: 1, median: 0.5),
    ])
    func summaryCountsMeanAndMedian(_ c: SummaryCase) {
        let s = ReturnSummary(horizon: 30, returns: c.returns)
        #expect(s.count == c.returns.count)
        #expect(s.mean == c.mean)
        #expect(s.median == c.median)
    }
}
