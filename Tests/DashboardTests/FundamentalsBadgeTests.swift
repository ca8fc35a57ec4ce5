import Foundation
import Markets
import TermCanvas
import Testing
@testable import Dashboard

/// The status bar's badge while the daily fundamentals run goes on.
struct FundamentalsBadgeTests {
    @Test("the badge counts the run's requests and goes when the run ends")
    func badge() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let demo = Fixtures.demo
        var state = AppState(data: MarketData(index: demo.index, bitcoin: demo.bitcoin), size: Size(width: 160, height: 45))
        state.live.isAvailable = true
        state.live.isOn = true
        state.send([.tick(now), .fundamentalsStarted])
        #expect(LiveStatusLine.text(state)?.contains("fundamentals…") == true)
        state.send([.fundamentalsProgress("SEC 37/212")])
        #expect(LiveStatusLine.text(state)?.contains("fundamentals SEC 37/212") == true, "\(LiveStatusLine.text(state) ?? "")")
        state.send([.fundamentalsFetched(FundamentalsReport(finishedAt: now, data: nil, status: FeedStatus(source: "sec", updatedAt: now)))])
        #expect(LiveStatusLine.text(state)?.contains("SEC 37/212") == false)
        #expect(state.live.fundamentals.badge == nil)
    }
}
