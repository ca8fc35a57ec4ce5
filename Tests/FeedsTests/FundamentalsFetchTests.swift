import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// `fetch --fundamentals` against a loopback iShares and SEC: storage, caching, pacing and refusals.
@Suite(.serialized)
struct FundamentalsFetchTests {
    typealias Row = FundamentalsFixtures.Row
    /// 2026-11-25 12:00 UTC.
    let now = Date(timeIntervalSince1970: Double(Day(iso: "2026-11-25")!.unixSeconds) + 43_200)

    /// A world of 2,000 constituents T0…T1999 (CIK 1000+i); each quarter's frame holds 4,500 filers,
    /// every third loss-making; T1500… are not in the frames (they report nothing).
    func world() -> FixturePublishers {
        let publishers = FixturePublishers()
        publishers.setHoldings("IWM", FundamentalsFixtures.holdings(asOf: "Nov 24, 2026", sharesOutstanding: "300,000,000.00",
                                                                    rows: FundamentalsFixtures.syntheticRows(count: 2000)))
        publishers.setHoldings("IJR", FundamentalsFixtures.holdings(fund: "iShares Core S&P Small-Cap ETF", asOf: "Nov 24, 2026",
                                                                    sharesOutstanding: "700,000,000.00",
                                                                    rows: FundamentalsFixtures.syntheticRows(count: 600)))
        publishers.setCompanyTickers(FundamentalsFixtures.companyTickers((0..<2000).map { ("T\($0)", 1000 + $0) } + [("OTHER", 9)]))
        for period in ["CY2026Q1", "CY2026Q2", "CY2026Q3"] {
            let facts = (0..<4500).filter { !(1500..<2000).contains($0) }.map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -1.0e6 : 2.0e6) }
            publishers.setFrame(period, FundamentalsFixtures.frame(period: period, facts: facts))
        }
        return publishers
    }

    func config(server: FixtureServer, contact: String? = "Test Runner test@example.com") -> FundamentalsConfig {
        var config = FundamentalsConfig()
        config.secContact = contact
        config.secURL = server.baseURL
        config.isharesURL = server.baseURL
        return config
    }

    func fetcher(_ store: Store, _ config: FundamentalsConfig, cache: URL) throws -> FundamentalsFetcher {
        let transport = HTTPHelperTransport(requestTimeout: 5, resourceTimeout: 10)
        let raw = RawAnswerCache(folder: cache)
        return FundamentalsFetcher(store: store, config: config,
                                   ishares: ISharesClient(config: config, userAgent: "resonance", transport: transport, cache: raw),
                                   sec: try SECClient(config: config, configFile: "config.toml", transport: transport, cache: raw))
    }

    @Test func storesSnapshotsFlowsAndTheShareWithItsCounts() throws {
        let folder = try TemporaryDirectory()
        let publishers = world()
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let summary = try fetcher(store, config(server: server), cache: folder.file("cache")).run(since: Day(iso: "2026-01-01")!, now: now)

        #expect(summary.faults.isEmpty)
        #expect(summary.quarters.map(\.quarterEnd.iso) == ["2026-03-31", "2026-06-30", "2026-09-30"])
        let q = summary.quarters[0]
        let counts: [Int] = [q.constituents, q.matched, q.reported, q.lossMaking]
        #expect(counts == [2000, 2000, 1500, 500])
        let share = try store.loadObservations("loss_share.r2k")
        let third: Double = 500.0 / 1500.0 * 100
        #expect(share.values == [third, third, third])
        let missing: [Double] = try store.loadObservations("loss_share.r2k.missing").values
        #expect(missing == [500, 500, 500])
        let reported: [Double] = try store.loadObservations("loss_share.r2k.reported").values
        #expect(reported == [1500, 1500, 1500])
        #expect(try store.loadObservations("fund.iwm.shares").values == [300_000_000])
        let firstNAV: Double = 2_005_000.0 / 300_000_000
        #expect(try store.loadObservations("fund.iwm.nav").values == [firstNAV])
        #expect(try store.loadObservations("flows.iwm").isEmpty)   // one snapshot: no flow yet

        // The raw answers are on disk, and a second run asks the SEC only for the ticker map's week-old check: nothing.
        #expect(FileManager.default.fileExists(atPath: folder.file("cache/sec/frames/NetIncomeLoss-USD-CY2026Q1.json").path))
        #expect(FileManager.default.fileExists(atPath: folder.file("cache/ishares/IWM-2026-11-24.csv").path))
        let framesBefore = server.requests.filter { $0.path.hasPrefix("/api/xbrl/frames/") }.count
        #expect(framesBefore == 3)

        // A day later: more shares; the settled quarters come from the cache, the recent one is asked again.
        let dayOld = now.addingTimeInterval(-2 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: dayOld],
                                              ofItemAtPath: folder.file("cache/sec/frames/NetIncomeLoss-USD-CY2026Q3.json").path)
        publishers.setHoldings("IWM", FundamentalsFixtures.holdings(asOf: "Nov 25, 2026", sharesOutstanding: "301,000,000.00",
                                                                    rows: FundamentalsFixtures.syntheticRows(count: 2000, extraCash: "15,030.00")))
        let second = try fetcher(store, config(server: server), cache: folder.file("cache")).run(since: Day(iso: "2026-01-01")!, now: now)
        #expect(second.framesFetched == 1)   // CY2026Q3 ended 56 days ago: not settled, so asked again once its copy is a day old
        let nav: Double = 2_015_030.0 / 301_000_000
        let flow: Double = 1_000_000 * nav
        #expect(try store.loadObservations("flows.iwm").values == [flow])
        #expect(server.requests.filter { $0.path == "/files/company_tickers.json" }.count == 1)
    }

    @Test func everySECRequestNamesResonanceAndTheContact() throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServer(handler: world().handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        _ = try fetcher(store, config(server: server), cache: folder.file("cache")).run(since: Day(iso: "2026-04-01")!, now: now)
        let sec = server.requests.filter { !$0.path.hasSuffix(".ajax") }
        #expect(!sec.isEmpty)
        for request in sec { #expect(request.headers["user-agent"] == "Resonance/1.0 (Test Runner test@example.com)") }
    }

    @Test func withoutAContactTheSECIsNotCalled() throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServer(handler: world().handler)
        do {
            _ = try SECClient(config: config(server: server, contact: nil), configFile: "/home/x/.config/resonance/config.toml",
                              transport: HTTPHelperTransport.shared, cache: RawAnswerCache(folder: folder.url))
            Issue.record("a client without a contact was made")
        } catch {
            #expect("\(error)" == "the SEC requires a contact in the User-Agent; add a line like sec_contact = \"Jane Doe jane@example.com\" to /home/x/.config/resonance/config.toml")
        }
        #expect(server.requests.isEmpty)
    }

    @Test func theSECAnswers403WithoutAUserAgent() throws {
        let server = try FixtureServer(handler: world().handler)
        let answer = try HTTPHelperTransport.shared.get(server.baseURL.appendingPathComponent("files/company_tickers.json"), headers: [:])
        #expect(answer.status == 403)
        let folder = try TemporaryDirectory()
        var config = config(server: server)
        config.secContact = "no contact"   // reaches the server, which refuses it
        let client = try SECClient(config: config, configFile: "config.toml", transport: HTTPHelperTransport.shared,
                                   cache: RawAnswerCache(folder: folder.url))
        #expect(throws: FetchFault.self) { try client.companyTickers(now: now) }
        do { _ = try client.companyTickers(now: now) } catch { #expect("\(error)".hasPrefix("HTTP 403: the SEC refused the request")) }
    }

    @Test func a429OrAMalformedFrameLosesOnlyItsQuarterAndIsNotCached() throws {
        let folder = try TemporaryDirectory()
        let publishers = world()
        publishers.script("CY2026Q1", .tooManyRequests(retryAfter: "2"))
        publishers.script("CY2026Q2", .truncated)
        publishers.script("CY2026Q3", .body(FundamentalsFixtures.frame(period: "CY2026Q3", facts: [(1000, 5)], pts: 4000)))
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let summary = try fetcher(store, config(server: server), cache: folder.file("cache")).run(since: Day(iso: "2026-01-01")!, now: now)
        #expect(summary.faults.count == 3)
        #expect(summary.faults[0] == "CY2026Q1: HTTP 429 too many requests (retry after 2 s)")
        #expect(summary.faults[1].hasPrefix("CY2026Q2: frame CY2026Q2: invalid or truncated JSON"))
        #expect(summary.faults[2] == "CY2026Q3: frame CY2026Q3: pts says 4000 filers but data holds 1 (partial answer)")
        #expect(try store.loadObservations("loss_share.r2k").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache/sec/frames/NetIncomeLoss-USD-CY2026Q1.json").path))

        // The next run gets them.
        let again = try fetcher(store, config(server: server), cache: folder.file("cache")).run(since: Day(iso: "2026-01-01")!, now: now)
        #expect(again.faults.isEmpty)
        #expect(try store.loadObservations("loss_share.r2k").count == 3)
    }

    @Test func aBrokenHoldingsFileLosesThatFundOnly() throws {
        let folder = try TemporaryDirectory()
        let publishers = world()
        publishers.script("IJR", .html)
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let summary = try fetcher(store, config(server: server), cache: folder.file("cache")).run(since: Day(iso: "2026-07-01")!, now: now)
        #expect(summary.faults == ["IJR: answered an HTML page instead of data"])
        #expect(summary.quarters.count == 1)
    }

    @Test func requestsArePacedToTenASecond() {
        let pacer = RequestPacer(perSecond: 10)
        let start = Date()
        for _ in 0..<6 { pacer.waitTurn() }
        #expect(Date().timeIntervalSince(start) >= 0.5)
    }

    @Test func configReadsTheContactAndTheURLs() throws {
        let text = """
            sec_contact = "Jane Doe jane@example.com"
            [ishares]
            funds = ["IWM", "IJR", "IWN"]
            iwn = "/us/products/239712/ishares-russell-2000-value-etf"
            """
        let config = try FeedsConfig.load(text: text, path: "config.toml",
                                          environment: ["RESONANCE_SEC_URL": "http://127.0.0.1:9/", "RESONANCE_ISHARES_URL": "http://127.0.0.1:8"])
        #expect(config.fundamentals.secUserAgent == "Resonance/1.0 (Jane Doe jane@example.com)")
        #expect(config.fundamentals.funds == ["IWM", "IJR", "IWN"])
        #expect(config.fundamentals.secURL?.absoluteString == "http://127.0.0.1:9/")
        #expect(config.fundamentals.isharesURL.absoluteString == "http://127.0.0.1:8")
        #expect(throws: ConfigError.self) { try FeedsConfig.load(text: "[ishares]\nfunds = [\"XYZ\"]", path: "c", environment: [:]) }
        do { _ = try FeedsConfig.load(text: "sec_contact = \"nobody\"", path: "c.toml", environment: [:]) } catch {
            #expect("\(error)" == "c.toml:1: sec_contact must name you and an email address, such as \"Jane Doe jane@example.com\"")
        }
    }
}
