import Testing
@testable import Markets

private func closes(_ rows: [(String, Double)]) -> Series {
    Series(id: .btc, bars: rows.map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
}

private func breakout(_ iso: String) -> Breakout {
    let day = Day(iso: iso)!
    return Breakout(day: day, index: 0, value: 1, priorHigh: 1, priorHighDay: day.adding(days: -400), priorHighIndex: 0,
                    quietDays: 250, basis: .close)
}

private func halving(_ number: Int, _ iso: String, estimate: Bool = false) -> Halving {
    Halving(number: number, blockHeight: number * 210_000, day: Day(iso: iso)!, isEstimate: estimate)
}

/// Values worked out by hand from the closes listed (dates counted on a calendar).
@Suite("Halving confound: the same day since the halving in the other cycles")
struct HalvingConfoundTests {
    let halvings = [halving(1, "2020-01-01"), halving(2, "2020-03-01"), halving(3, "2020-05-01", estimate: true)]
    let coin = closes([("2020-01-05", 10), ("2020-01-11", 20), ("2020-01-14", 25), ("2020-01-20", 30),
                       ("2020-02-10", 40), ("2020-03-11", 50), ("2020-03-15", 55), ("2020-03-20", 60),
                       ("2020-04-10", 80)])

    @Test func aBreakoutIsComparedWithTheSameDayOfTheOtherCycles() throws {
        let confound = HalvingConfound(breakouts: [breakout("2020-03-11")], bitcoin: coin,
                                       asOf: Day(iso: "2020-04-10")!, horizons: [5, 30, 60], halvings: halvings)
        let row = try #require(confound.rows.first)
        #expect(row.halving?.number == 2)
        #expect(row.daysSinceHalving == 10)  // 2020-03-01 → 2020-03-11
        // The other mined halving only (the estimate is left out): 2020-01-01 + 10 = 2020-01-11, close 20.
        #expect(row.comparisons.map(\.halving.number) == [1])
        let other = row.comparisons[0]
        #expect(other.start == Day(iso: "2020-01-11")!)
        // +5 → 01-16, close on or before: 25 (01-14); +30 → 02-10: 40; +60 → 03-11: 50.
        let expected: [Double?] = [25.0 / 20 - 1, 40.0 / 20 - 1, 50.0 / 20 - 1]
        #expect(other.returns == expected)
    }

    @Test func startsBeforeTheDataOrEndsAfterItHaveNoReturn() throws {
        let confound = HalvingConfound(breakouts: [breakout("2020-01-03"), breakout("2020-01-20"),
                                                   breakout("2019-12-01")],
                                       bitcoin: coin, asOf: Day(iso: "2020-04-10")!, horizons: [5, 30],
                                       halvings: halvings)
        // 2020-01-03: day 2 of cycle 1; cycle 2 from 2020-03-03: close on or before is 02-10 (40);
        // +5 → 03-08: still 40; +30 → 04-02: 60 (03-20).
        let early = confound.rows[0]
        #expect(early.daysSinceHalving == 2)
        let earlyExpected: [Double?] = [0, 60.0 / 40 - 1]
        #expect(early.comparisons[0].returns == earlyExpected)
        // 2020-01-20: day 19; cycle 2 from 2020-03-20 (60): +5 → 03-25: 60; +30 → 04-19 is after the data.
        let late = confound.rows[1]
        #expect(late.daysSinceHalving == 19)
        let lateExpected: [Double?] = [0, nil]
        #expect(late.comparisons[0].returns == lateExpected)
        // Before the first halving: no cycle to compare.
        #expect(confound.rows[2].halving == nil && confound.rows[2].daysSinceHalving == nil)
        #expect(confound.rows[2].comparisons.isEmpty)
    }

    @Test func aCycleStartingBeforeBitcoinsDataHasNoReturns() throws {
        let late = closes([("2020-03-01", 10), ("2020-03-20", 20)])
        let confound = HalvingConfound(breakouts: [breakout("2020-03-05")], bitcoin: late,
                                       asOf: Day(iso: "2020-03-20")!, horizons: [5], halvings: halvings)
        // Cycle 1 from 2020-01-05: Bitcoin's data start in March.
        #expect(confound.rows[0].comparisons[0].returns == [nil])
    }
}
