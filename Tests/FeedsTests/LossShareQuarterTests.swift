import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// The loss-making share on a hand-made constituent list and frame, counted exactly.
struct LossShareQuarterTests {
    @Test func shareAmongConstituentsThatReported() throws {
        // Eight constituents: two share classes of one company, one ticker the SEC does not list,
        // one company absent from the frame. Filers outside the list must not count.
        let constituents = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF.A", "FFF.B", "ZZZ"]
        let map = try CompanyTickers.parse(Data(FundamentalsFixtures.companyTickers(
            [("AAA", 11), ("BBB", 22), ("CCC", 33), ("DDD", 44), ("EEE", 55), ("FFF-A", 66), ("FFF-B", 66), ("OUT", 99)]).utf8))
        let frame = try XBRLFrame.parse(Data(FundamentalsFixtures.frame(period: "CY2025Q3", facts: [
            (11, -1_000), (22, 5_000), (33, -1), (44, 0), (66, -250_000), (99, -7_000),
        ]).utf8), label: "frame")
        let quarter = LossShareQuarter.compute(quarterEnd: Day(iso: "2025-09-30")!, constituents: constituents,
                                               tickers: map, frame: frame)
        #expect(quarter.constituents == 7)   // FFF.A and FFF.B are one company
        #expect(quarter.matched == 6)        // ZZZ has no CIK
        #expect(quarter.reported == 5)       // EEE (55) is not in the frame
        #expect(quarter.lossMaking == 3)     // AAA, CCC, FFF; DDD's zero is not a loss
        #expect(quarter.missing == 2)
        #expect(quarter.sharePercent == 60)
    }

    @Test func noReportsNoShare() throws {
        let map = CompanyTickers(cikByTicker: ["AAA": 1])
        let frame = XBRLFrame(tag: "NetIncomeLoss", period: "CY2025Q3", unit: "USD", facts: [])
        let quarter = LossShareQuarter.compute(quarterEnd: Day(iso: "2025-09-30")!, constituents: ["AAA"], tickers: map, frame: frame)
        #expect(quarter.sharePercent == nil)
        #expect(quarter.missing == 1)
    }
}
