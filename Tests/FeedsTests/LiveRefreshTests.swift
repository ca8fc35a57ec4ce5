@testable import Feeds
import Foundation
import Markets
import TestSupport
import Testing

@Suite("Live refresh: one fetcher per store", .serialized)
struct LiveRefreshTests {
    func refresher(_ rig: FetchRig, holder: String) -> LiveRefresh {
        var config = FeedsConfig()
        config.yahooURL = rig.server.baseURL
        config.coinbaseURL = rig.server.baseURL
        return LiveRefresh(store: rig.store, config: config, book: BackoffBook(), holder: holder, clock: rig.clock,
                           transport: rig.transport)
    }

    @Test("two viewers of one store make one set of provider calls; the other reads the statuses")
    func oneFetcher() throws {
        let rig = try FetchRig(rutBars: 30, btcBars: 30)
        let first = refresher(rig, holder: "a"), second = refresher(rig, holder: "b")
        let a = first.run([.rut, .btc])
        let calls = rig.server.requests.count
        #expect(a.fetched && calls == 2)
        let b = second.run([.rut, .btc])
        #expect(!b.fetched)
        #expect(rig.server.requests.count == calls)
        #expect(b.statuses[.rut]?.source == "yahoo")
        #expect(try rig.store.load(.btc).count == 30)
        // The holder renews; when it lets go, the other takes over.
        rig.clock.advance(60)
        #expect(first.run([.rut]).fetched)
        #expect(!second.run([.rut]).fetched)
        first.release()
        #expect(second.run([.rut]).fetched)
    }

    @Test("a failed refresh records the reason, keeps the last source and the rows, and says when to retry")
    func failureIsRecorded() throws {
        let rig = try FetchRig(rutBars: 30, btcBars: 30)
        let live = refresher(rig, holder: "a")
        _ = live.run([.rut])
        rig.market.always(.yahooRUT, .serverError(503))
        rig.clock.advance(61)
        let outcome = live.run([.rut])
        let status = try #require(outcome.statuses[.rut])
        #expect(status.fault == "yahoo: HTTP 503 server error")
        #expect(status.source == "yahoo")
        #expect(status.succeededAt != nil)
        #expect(outcome.retryAt != nil)
        #expect(try rig.store.load(.rut).count == 30)
    }
}
