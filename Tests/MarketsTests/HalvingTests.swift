import Testing
@testable import Markets

@Suite("Halving schedule")
struct HalvingTests {
    @Test func knownHalvings() {
        let known = HalvingSchedule.known
        #expect(known.map(\.day.iso) == ["2012-11-28", "2016-07-09", "2020-05-11", "2024-04-20"])
        #expect(known.map(\.blockHeight) == [210_000, 420_000, 630_000, 840_000])
        #expect(known.allSatisfy { !$0.isEstimate })
        #expect(known[1].label == "H2 2016-07-09")
        #expect(known[3].subsidyAfter == 3.125)
    }

    @Test func nextHalvingIsAnEstimateInApril2028() {
        let next = HalvingSchedule.next
        #expect(next.number == 5)
        #expect(next.blockHeight == 1_050_000)
        #expect(next.isEstimate)
        #expect(HalvingSchedule.known[3].day.distance(to: next.day) == 1458)
        #expect(next.day.iso == "2028-04-17")
        #expect(next.label == "H5 ~2028-04 (est.)")
    }

    struct RangeCase: Sendable, CustomTestStringConvertible {
        var from: String
        var to: String
        var numbers: [Int]
        var testDescription: String { "\(from)...\(to)" }
    }

    @Test(arguments: [
        RangeCase(from: "2014-01-02", to: "2026-08-21", numbers: [2, 3, 4]),
        RangeCase(from: "2012-11-28", to: "2012-11-28", numbers: [1]),
        RangeCase(from: "2020-05-12", to: "2024-04-19", numbers: []),
        RangeCase(from: "2010-01-01", to: "2030-01-01", numbers: [1, 2, 3, 4, 5]),
    ])
    func halvingsInRange(_ c: RangeCase) throws {
        let range = try #require(Day(iso: c.from))...(try #require(Day(iso: c.to)))
        #expect(HalvingSchedule.halvings(in: range).map(\.number) == c.numbers)
    }

    @Test func latestOnOrBefore() throws {
        #expect(HalvingSchedule.latest(onOrBefore: try #require(Day(iso: "2012-11-27"))) == nil)
        #expect(HalvingSchedule.latest(onOrBefore: try #require(Day(iso: "2024-04-20")))?.number == 4)
        #expect(HalvingSchedule.latest(onOrBefore: try #require(Day(iso: "2030-01-01")))?.number == 4)
    }
}
