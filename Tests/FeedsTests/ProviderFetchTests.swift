@testable import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// A clock that stands still until a fetch sleeps, and records every sleep.
final class ManualClock: FetchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [TimeInterval] = []

    init(_ start: Date = Date()) { current = start }

    func now() -> Date { lock.withLock { current } }
    func sleep(_ seconds: TimeInterval) { lock.withLock { recorded.append(seconds); current += seconds } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    var sleeps: [TimeInterval] { lock.withLock { recorded } }
}

/// Jitter that always draws the same number.
struct FixedJitter: JitterSource {
    var value: Double
    func unit() -> Double { value }
}

/// A fixture server, a market behind it, a store, and providers pointed at the server.
struct FetchRig {
    let market = FixtureMarket()
    let server: FixtureServer
    let folder: TemporaryDirectory
    let store: Store
    let clock = ManualClock()
    let book = BackoffBook(policy: BackoffPolicy(base: 2, cap: 60), jitter: FixedJitter(value: 0.5))
    let transport = HTTPHelperTransport(requestTimeout: 1, resourceTimeout: 5)
    let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))

    init(rutBars: Int = 300, btcBars: Int = 700) throws {
        // Index bars are stamped at the open, so the newest is yesterday's: today's opens later.
        market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: rutBars, last: today.adding(days: -1), start: 2000))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: btcBars, last: today, start: 60_000))
        server = try FixtureServer(handler: market.handler)
        folder = try TemporaryDirectory()
        store = try Store(path: folder.file("resonance.sqlite").path)
    }

    var yahoo: YahooChartProvider { YahooChartProvider(baseURL: server.baseURL, transport: transport) }
    var coinbase: CoinbaseCandlesProvider {
        CoinbaseCandlesProvider(baseURL: server.baseURL, transport: transport, pagePause: 0, sleep: { _ in })
    }

    func fetcher(_ series: SeriesID, _ providers: [any PriceProvider]? = nil, rounds: Int = 1) -> SeriesFetcher {
        SeriesFetcher(store: store, chain: ProviderChain(series: series, providers: providers ?? [yahoo, coinbase],
                                                         book: book, clock: clock, rounds: rounds))
    }

    func stored(_ series: SeriesID) throws -> Series { try store.load(series) }
}

@Suite("Fetching from providers into the store", .serialized)
struct ProviderFetchTests {
    @Test("a first fetch loads the whole history, and the Yahoo request carries a browser User-Agent")
    func firstFullFetch() throws {
        let rig = try FetchRig()
        let summary = try rig.fetcher(.rut).run()
        #expect(summary.source == "yahoo")
        #expect(summary.counts.added == 300)
        #expect(try rig.stored(.rut).bars == rig.market.bars(.rut))
        let request = try #require(rig.server.requests.last)
        #expect(request.path == "/v8/finance/chart/^RUT")
        #expect(request.query["interval"] == "1d")
        #expect(request.headers["user-agent"]?.hasPrefix("Mozilla/5.0") == true)
    }

    @Test("an incremental fetch asks for the last few days and adds the one new day")
    func incrementalFetch() throws {
        let rig = try FetchRig()
        var bars = rig.market.bars(.rut)
        let newest = bars.removeLast()
        rig.market.set(.rut, bars)
        try rig.fetcher(.rut).run()
        rig.market.upsert(.rut, newest)
        let summary = try rig.fetcher(.rut).run()
        #expect(summary.counts.added == 1)
        #expect(summary.counts.updated == 0)
        #expect(try rig.stored(.rut).count == 300)
        let period1 = try #require(rig.server.requests.last?.query["period1"].flatMap { Int64($0) })
        #expect(Day(unixSeconds: period1) == bars.last!.day.adding(days: -5))
    }

    @Test("a revised last bar replaces the stored one")
    func revisedLastBar() throws {
        let rig = try FetchRig()
        try rig.fetcher(.rut).run()
        let last = rig.market.bars(.rut).last!
        rig.market.upsert(.rut, Bar(day: last.day, open: last.open, high: last.high! * 1.02, low: last.low, close: last.high! * 1.01, volume: last.volume))
        let summary = try rig.fetcher(.rut).run()
        #expect(summary.counts.updated == 1)
        #expect(summary.counts.added == 0)
        #expect(try rig.stored(.rut).closes.last == last.high! * 1.01)
    }

    @Test("when Yahoo fails for Bitcoin the chain falls over to Coinbase, paging back 300 candles at a time")
    func fallOverToCoinbase() throws {
        let rig = try FetchRig()
        rig.market.always(.yahooBTC, .html)
        let summary = try rig.fetcher(.btc).run(since: rig.today.adding(days: -699))
        #expect(summary.source == "coinbase")
        let stored = try rig.stored(.btc).bars, served = rig.market.bars(.btc)
        #expect(stored.count == served.count)
        let difference = zip(stored, served).first { $0 != $1 }
        #expect(difference == nil, "first difference: \(String(describing: difference))")
        let pages = rig.server.requests.filter { $0.path.hasPrefix("/products/") }
        #expect(pages.count == 3)
        #expect(pages.first?.query["end"]?.hasPrefix(rig.today.iso) == true)
    }

    @Test("backoff honours Retry-After, then doubles with jitter, without sleeping")
    func backoffTiming() throws {
        let rig = try FetchRig()
        rig.market.script(.yahooRUT, .tooManyRequests(retryAfter: "30"), .serverError(503), .serverError(502))
        let summary = try rig.fetcher(.rut, [rig.yahoo], rounds: 4).run()
        #expect(summary.source == "yahoo")
        // 429 with Retry-After 30 → 30 s; then 2·2 = 4 s jittered to 3 s; then 8 s jittered to 6 s.
        #expect(rig.clock.sleeps == [30, 3, 6])
        #expect(try rig.stored(.rut).count == 300)
    }

    @Test("the backoff is capped, and a Retry-After beyond the cap is cut to it")
    func backoffCap() {
        let policy = BackoffPolicy(base: 2, cap: 60)
        #expect(policy.delay(failures: 1, jitter: 0) == 1)
        #expect(policy.delay(failures: 1, jitter: 0.999_999) < 2)
        #expect(policy.delay(failures: 20, jitter: 1) == 60)
        #expect(policy.delay(failures: 1, jitter: 0, retryAfter: 3600) == 60)
        #expect(policy.delay(failures: 1, jitter: 0, retryAfter: nil) == 1)
    }

    @Test("a provider in backoff is skipped until its time comes")
    func skipsProviderInBackoff() throws {
        let rig = try FetchRig()
        rig.market.script(.yahooBTC, .serverError(500))
        #expect(try rig.fetcher(.btc).run(since: rig.today.adding(days: -10)).source == "coinbase")
        let yahooCalls = rig.server.requests.filter { $0.path.contains("chart") }.count
        #expect(try rig.fetcher(.btc).run(since: rig.today.adding(days: -10)).source == "coinbase")
        #expect(rig.server.requests.filter { $0.path.contains("chart") }.count == yahooCalls)
        rig.clock.advance(120)
        #expect(try rig.fetcher(.btc).run(since: rig.today.adding(days: -10)).source == "yahoo")
    }

    /// Every fault, the words the user reads, and the store left exactly as it was.
    static let faults: [(FixtureMarket.Fault, String)] = [
        (.timeout(3), "no answer before the timeout"),
        (.hangUp, "network error"),
        (.tooManyRequests(retryAfter: "12"), "HTTP 429 too many requests (retry after 12 s)"),
        (.tooManyRequests(retryAfter: nil), "HTTP 429 too many requests"),
        (.serverError(503), "HTTP 503 server error"),
        (.html, "answered an HTML page instead of data"),
        (.truncatedJSON, "invalid or truncated JSON"),
        (.invalidJSON, "invalid or truncated JSON"),
        (.wrongSymbol("^GSPC"), "answer is for ^GSPC, not ^RUT"),
        (.mismatchedArrays, "arrays of different lengths: timestamp has 300 entries, close has 299"),
        (.outOfOrder, "timestamps out of order"),
        (.futureTimestamp, "timestamp in the future"),
        (.badPrice(-4), "bad price"),
        (.badPrice(0), "bad price"),
        (.providerError, "HTTP 400: Bad Request: Data doesn't exist for startDate"),
    ]

    @Test("each fault gives its one-line reason and writes nothing", arguments: 0..<faults.count)
    func fault(_ index: Int) throws {
        let (fault, reason) = Self.faults[index]
        let rig = try FetchRig()
        try rig.store.upsert(Array(rig.market.bars(.rut).prefix(100)), into: .rut, source: "seed")
        let before = try rig.stored(.rut)
        rig.market.script(.yahooRUT, fault)
        let error = #expect(throws: ChainFailure.self) { try rig.fetcher(.rut, [rig.yahoo]).run(since: rig.today.adding(days: -1000)) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("yahoo: ") == true)
        #expect(error?.description.contains("\n") == false)
        #expect(try rig.stored(.rut) == before)
    }

    @Test("a null close skips that bar and keeps the rest")
    func nullBarIsSkipped() throws {
        let rig = try FetchRig()
        let hole = rig.market.bars(.rut)[150].day
        rig.market.script(.yahooRUT, .nullBar(hole))
        try rig.fetcher(.rut).run()
        let stored = try rig.stored(.rut)
        #expect(stored.count == 299)
        #expect(stored.index(of: hole) == nil)
    }

    @Test("connection refused is reported as such and falls over")
    func connectionRefused() throws {
        let rig = try FetchRig()
        let dead = YahooChartProvider(baseURL: try FixtureServer.refusingURL(), transport: rig.transport)
        let error = #expect(throws: ChainFailure.self) { try rig.fetcher(.rut, [dead]).run() }
        #expect(error?.description == "yahoo: connection refused")
        let summary = try rig.fetcher(.btc, [dead, rig.coinbase]).run(since: rig.today.adding(days: -20))
        #expect(summary.source == "coinbase")
        #expect(try rig.stored(.rut).isEmpty)
    }

    @Test("Coinbase faults: error object, candles oldest first, short candles")
    func coinbaseFaults() throws {
        for (fault, reason) in [(FixtureMarket.Fault.providerError, "HTTP 400: granularity too small"),
                                (.outOfOrder, "timestamps out of order"), (.mismatchedArrays, "has 4 values, not 6"),
                                (.truncatedJSON, "invalid or truncated JSON")] {
            let rig = try FetchRig()
            rig.market.script(.coinbase, fault)
            let error = #expect(throws: ChainFailure.self) { try rig.fetcher(.btc, [rig.coinbase]).run(since: rig.today.adding(days: -30)) }
            #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
            #expect(try rig.stored(.btc).isEmpty)
        }
    }

    @Test("Stooq without a key is not tried, and its HTML page with status 200 is a fault")
    func stooq() throws {
        let noKey = StooqDailyProvider(apiKey: nil)
        #expect(throws: FetchFault.notConfigured("stooq needs a key (stooq.key in config.toml)")) {
            try noKey.dailyBars(.rut, from: Day(rawValue: 0), through: Day(rawValue: 10), now: Date())
        }
        let server = try FixtureServer { _ in .answer(status: 200, headers: [:], body: "<html><body>Get your apikey</body></html>") }
        let keyed = StooqDailyProvider(baseURL: server.baseURL, apiKey: "k", transport: HTTPHelperTransport(requestTimeout: 1, resourceTimeout: 2))
        #expect(throws: FetchFault.html) { try keyed.dailyBars(.rut, from: Day(rawValue: 0), through: Day(rawValue: 10), now: Date()) }
        let bars = try StooqDailyProvider.parse("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1.5,2,1,1.8,12\n", now: Date())
        #expect(bars.map(\.close) == [1.5, 1.8])
    }

    @Test("Retry-After as an HTTP date, and DNS failure wording")
    func retryAfterDate() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let later = "Tue, 14 Nov 2023 22:14:20 GMT" // 1_700_000_060
        #expect(AnswerCheck.retryAfter(later, now: now) == 60)
        #expect(AnswerCheck.retryAfter("7", now: now) == 7)
        #expect(AnswerCheck.retryAfter("soon", now: now) == nil)
        #expect(FetchFault.hostNotFound("query1.finance.yahoo.com").description == "host query1.finance.yahoo.com not found (DNS)")
    }
}
