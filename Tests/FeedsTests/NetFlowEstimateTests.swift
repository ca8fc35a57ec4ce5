import Markets
import Testing
@testable import Feeds

/// Δ shares outstanding × NAV, across a share split and across a day with no NAV.
struct NetFlowEstimateTests {
    let d = { (iso: String) in Day(iso: iso)! }

    @Test func flowIsTheChangeInSharesAtTodaysNAV() {
        let flows = NetFlowEstimate.dailyFlows([
            FundSnapshot(day: d("2026-11-02"), sharesOutstanding: 300_000_000, nav: 220),
            FundSnapshot(day: d("2026-11-03"), sharesOutstanding: 301_000_000, nav: 222),
            FundSnapshot(day: d("2026-11-04"), sharesOutstanding: 300_500_000, nav: 221),
        ], id: "flows.iwm")
        #expect(flows.days == [d("2026-11-03"), d("2026-11-04")])
        #expect(flows.values == [1_000_000 * 222, -500_000 * 221])
    }

    @Test func aTwoForOneSplitIsNotAFlow() {
        // The split doubles the shares and halves the NAV; 400,000 new shares were also created that day.
        let flows = NetFlowEstimate.dailyFlows([
            FundSnapshot(day: d("2026-11-02"), sharesOutstanding: 100_000_000, nav: 200),
            FundSnapshot(day: d("2026-11-03"), sharesOutstanding: 200_400_000, nav: 101),
        ], id: "flows.x")
        #expect(flows.values == [400_000 * 101])
        #expect(NetFlowEstimate.splitFactor(previousNAV: 200, nav: 101) == 2)
    }

    @Test func aOneForFourReverseSplitIsNotAFlow() {
        let flows = NetFlowEstimate.dailyFlows([
            FundSnapshot(day: d("2026-11-02"), sharesOutstanding: 80_000_000, nav: 25),
            FundSnapshot(day: d("2026-11-03"), sharesOutstanding: 19_900_000, nav: 99),
        ], id: "flows.x")
        #expect(flows.values == [-100_000 * 99])
    }

    @Test func anOrdinaryBigMoveIsNotASplit() {
        #expect(NetFlowEstimate.splitFactor(previousNAV: 100, nav: 80) == 1)
        #expect(NetFlowEstimate.splitFactor(previousNAV: 100, nav: 62) == 1)
    }

    @Test func aDayWithoutNAVGivesNoFlowAndItsSharesArePricedAtTheNextNAV() {
        let flows = NetFlowEstimate.dailyFlows([
            FundSnapshot(day: d("2026-11-02"), sharesOutstanding: 300_000_000, nav: 220),
            FundSnapshot(day: d("2026-11-03"), sharesOutstanding: 301_000_000, nav: nil),
            FundSnapshot(day: d("2026-11-04"), sharesOutstanding: 301_200_000, nav: 225),
        ], id: "flows.iwm")
        #expect(flows.days == [d("2026-11-04")])
        #expect(flows.values == [1_200_000 * 225])
    }
}
