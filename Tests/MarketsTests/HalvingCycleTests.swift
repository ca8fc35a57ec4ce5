import Testing
@testable import Markets

/// A Bitcoin-like series with one close a day over a range of ISO dates, skipping some, close = 100 + day count.
private func dailyCoin(from start: String, to end: String, skipping skipped: Set<String> = []) -> Series {
    let first = Day(iso: start)!, last = Day(iso: end)!
    var bars: [Bar] = []
    var day = first
    while day <= last {
        if !skipped.contains(day.iso) { bars.append(Bar(day: day, close: 100 + Double(first.distance(to: day)))) }
        day = day.adding(days: 1)
    }
    return Series(id: .btc, bars: bars)
}

@Suite("Halving cycles on hand-made series")
struct HalvingCycleTests {
    @Test func twoCyclesSplitAtTheHalvingAndTheLastIsCurrent() throws {
        let coin = dailyCoin(from: "2016-06-01", to: "2020-06-01")
        let cycles = HalvingCycles(bitcoin: coin)
        #expect(cycles.cycles.map(\.halving.number) == [2, 3])
        let c2016 = try #require(cycles.cycle(halving: 2)), c2020 = try #require(cycles.cycle(halving: 3))
        #expect(!c2016.isCurrent && c2020.isCurrent && cycles.current?.halving.number == 3)
        #expect(c2016.baseDay.iso == "2016-07-09" && c2016.baseNote == nil && cycles.baseNotes.isEmpty)
        // The 2016 cycle stops the day before the 2020 halving: 2016-07-09 + 1401 days = 2020-05-10.
        #expect(c2016.lastDaySinceHalving == 1401)
        #expect(c2016.multiple(atDay: 1402) == nil)
        #expect(c2020.lastDaySinceHalving == 21) // 2020-05-11 ... 2020-06-01
        let base2016 = coin.close(onOrBefore: Day(iso: "2016-07-09")!)!
        #expect(cycles.multiple(halving: 2, atDay: 0) == 1)
        #expect(cycles.multiple(halving: 2, atDay: 100) == (base2016 + 100) / base2016)
        #expect(cycles.multiple(halving: 3, atDay: 22) == nil)
        #expect(cycles.multiple(halving: 2, atDay: -1) == nil)
        #expect(cycles.multiple(halving: 1, atDay: 0) == nil)
        #expect(c2016.multiples.count == c2016.daysSinceHalving.count)
    }

    @Test func aMissingHalvingDayUsesTheFirstCloseAfterItAndSaysSo() throws {
        let coin = dailyCoin(from: "2016-07-01", to: "2016-08-01", skipping: ["2016-07-09", "2016-07-15"])
        let cycle = try #require(HalvingCycles(bitcoin: coin).cycle(halving: 2))
        #expect(cycle.baseDay.iso == "2016-07-10")
        #expect(cycle.baseIsAfterHalving)
        #expect(cycle.baseNote == "2016: first close after the halving, 2016-07-10")
        #expect(cycle.multiple(atDay: 0) == nil)
        #expect(cycle.multiple(atDay: 1) == 1)
        // Day 6 (2016-07-15) has no close: the close on or before it, day 5, counts.
        #expect(cycle.multiple(atDay: 6) == cycle.multiple(atDay: 5))
        #expect(cycle.multiple(atDay: 5) == (100.0 + 13) / (100 + 9))
    }

    @Test func aCycleIsLeftOutWhenTheSeriesStartsAfterItsHalving() {
        // Like the Yahoo file: it starts in 2014, so there is no 2012 cycle.
        let cycles = HalvingCycles(bitcoin: dailyCoin(from: "2014-09-17", to: "2016-08-01"))
        #expect(cycles.cycles.map(\.halving.number) == [2])
        #expect(HalvingCycles(bitcoin: dailyCoin(from: "2012-11-20", to: "2012-12-01")).cycles.map(\.halving.number) == [1])
    }

    @Test func aBaseTooLongAfterTheHalvingDropsTheCycle() {
        var skipped: Set<String> = []
        var day = Day(iso: "2016-07-09")!
        for _ in 0..<10 { skipped.insert(day.iso); day = day.adding(days: 1) }
        let coin = dailyCoin(from: "2016-07-01", to: "2016-09-01", skipping: skipped)
        #expect(HalvingCycles(bitcoin: coin).cycles.isEmpty)
        #expect(HalvingCycles(bitcoin: coin, maxBaseDelay: 10).cycle(halving: 2)?.baseDay.iso == "2016-07-19")
    }

    @Test func emptySeriesAndSeriesEndingBeforeAHalvingHaveNoCycles() {
        #expect(HalvingCycles(bitcoin: Series(id: .btc)).cycles.isEmpty)
        #expect(HalvingCycles(bitcoin: dailyCoin(from: "2013-01-01", to: "2016-07-08")).cycles.isEmpty)
        #expect(HalvingCycles(bitcoin: dailyCoin(from: "2024-04-01", to: "2024-04-20")).current?.daysSinceHalving == [0])
    }

    @Test func estimatedHalvingsNeverStartACycle() throws {
        let estimate = Halving(number: 9, blockHeight: 0, day: Day(iso: "2016-08-01")!, isEstimate: true)
        let cycles = HalvingCycles(bitcoin: dailyCoin(from: "2016-07-01", to: "2016-09-01"),
                                   halvings: [HalvingSchedule.known[1], estimate])
        #expect(cycles.cycles.map(\.halving.number) == [2])
        // The estimate does not end the 2016 cycle either.
        #expect(try #require(cycles.current).lastDaySinceHalving == 54)
    }
}
