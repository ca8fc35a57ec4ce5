import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// The progress a fetch reports: every request (each page) as it starts and ends, and why one failed.
@Suite("Fetch progress", .serialized)
struct ProgressTransportTests {
    /// Collects reports from the fetching thread.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [FetchActivity] = []
        func add(_ activity: FetchActivity) { lock.withLock { list.append(activity) } }
        var all: [FetchActivity] { lock.withLock { list } }
    }

    @Test("a paged Coinbase fetch after a failed Yahoo request reports each page, the failure and its reason")
    func pagesAndFailures() throws {
        let market = FixtureMarket()
        let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: 700, last: today, start: 60_000))
        market.always(.yahooBTC, .serverError(503))
        let server = try FixtureServer(handler: market.handler)
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("resonance.sqlite").path)
        let reports = Reports()
        let transport = ProgressTransport(HTTPHelperTransport(requestTimeout: 2, resourceTimeout: 4), series: .btc) {
            reports.add($0)
        }
        let providers: [any PriceProvider] = [
            YahooChartProvider(baseURL: server.baseURL, transport: transport),
            CoinbaseCandlesProvider(baseURL: server.baseURL, transport: transport, pagePause: 0, sleep: { _ in }),
        ]
        let chain = ProviderChain(series: .btc, providers: providers, book: BackoffBook(), rounds: 1)
        let summary = try SeriesFetcher(store: store, chain: chain).run()
        #expect(summary.source == "coinbase")
        let all = reports.all
        let pages = server.requests.count
        #expect(pages >= 3, "700 days take more than one Coinbase page")
        // Two reports per request, in order: started (waiting), then answered.
        #expect(all.count == 2 * pages)
        #expect(all.map(\.requests) == (1...pages).flatMap { [$0, $0] })
        #expect(all.enumerated().allSatisfy { $0.element.waiting == ($0.offset % 2 == 0) })
        #expect(all[1].provider == "yahoo")
        #expect(all[1].failures == ["HTTP 503"])
        let last = try #require(all.last)
        #expect(last.provider == "coinbase")
        #expect(last.line == "btc: coinbase, request \(pages) · 1 failed, last: HTTP 503; trying again")
    }
}
