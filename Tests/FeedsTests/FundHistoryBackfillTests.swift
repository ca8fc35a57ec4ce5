import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// `fetch --fundamentals --backfill-months N` against a loopback iShares that honours `asOfDate`.
@Suite(.serialized)
struct FundHistoryBackfillTests {
    typealias Fixtures = FundamentalsFixtures
    /// 2026-11-25 12:00 UTC; the three month ends before it are Aug 31, Sep 30 and Oct 30 (Oct 31 is a Saturday).
    let now = Date(timeIntervalSince1970: Double(Day(iso: "2026-11-25")!.unixSeconds) + 43_200)
    let monthEnds = ["2026-08-31", "2026-09-30", "2026-10-30"].map { Day(iso: $0)! }

    /// A past IWM file: `shares` million shares, 100 companies worth 1,000.00 each.
    func file(_ day: Day, shares: Int) -> String {
        Fixtures.holdings(asOf: Fixtures.publisherDate(day), sharesOutstanding: "\(shares),000,000.00",
                          rows: (0..<100).map { Fixtures.Row("T\($0)", "COMPANY \($0)", marketValue: "1,000.00") })
    }

    func world(funds: [String] = ["IWM"]) -> FixturePublishers {
        let publishers = FixturePublishers()
        for fund in funds {
            for (index, day) in monthEnds.enumerated() { publishers.setPastHoldings(fund, day: Fixtures.asOfDate(day), file(day, shares: 300 + index)) }
        }
        return publishers
    }

    func backfill(_ store: Store, server: FixtureServer, cache: URL, funds: [String] = ["IWM"],
                  lines: Lines = Lines()) -> FundHistoryBackfill {
        var config = FundamentalsConfig()
        config.isharesURL = server.baseURL
        config.funds = funds
        let client = ISharesClient(config: config, userAgent: "resonance", transport: HTTPHelperTransport(requestTimeout: 5, resourceTimeout: 10),
                                   cache: RawAnswerCache(folder: cache), pastFilePacer: RequestPacer(perSecond: 1000))
        return FundHistoryBackfill(store: store, config: config, ishares: client) { lines.append($0) }
    }

    /// Progress lines, collected.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ line: String) { lock.withLock { stored.append(line) } }
        var all: [String] { lock.withLock { stored } }
    }

    @Test func monthEndsAreTheLastTradingDayOfEachEndedMonth() {
        #expect(FundHistoryBackfill.monthEnds(months: 3, today: Day(iso: "2026-11-25")!) == monthEnds)
        // March 29, 2024 was Good Friday: the exchange's last day of that March was the 28th.
        #expect(FundHistoryBackfill.monthEnds(months: 1, today: Day(iso: "2024-04-01")!) == [Day(iso: "2024-03-28")!])
        #expect(FundHistoryBackfill.monthEnds(months: 12, today: Day(iso: "2026-01-15")!).first == Day(iso: "2025-01-31")!)
    }

    @Test func theURLAsksForTheDayAsYYYYMMDD() throws {
        let client = ISharesClient(config: FundamentalsConfig(), userAgent: "x", transport: HTTPHelperTransport.shared,
                                   cache: RawAnswerCache(folder: URL(fileURLWithPath: "/nonexistent")))
        let url = try client.holdingsURL(fund: "IWM", asOf: Day(iso: "2026-10-30")!).absoluteString
        #expect(url == "https://www.ishares.com/us/products/239710/ishares-russell-2000-etf/1467271812596.ajax"
                + "?fileType=csv&fileName=IWM_holdings&dataType=fund&asOfDate=20261030")
        // Past files are asked at most one every 1.5 s unless a test says otherwise.
        #expect(client.pastFilePacer.minimumInterval == 1.5)
    }

    @Test func storesMonthEndSnapshotsAndFlowsAndAsksEachDayOnce() throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServer(handler: world(funds: ["IWM", "IJR"]).handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let lines = Lines()
        let summary = backfill(store, server: server, cache: folder.file("cache"), funds: ["IWM", "IJR"], lines: lines)
            .run(months: 3, now: now)
        #expect(summary.faults.isEmpty)
        #expect(summary.fetched == 6 && summary.cached == 0)
        #expect(summary.funds["IWM"]?.days == monthEnds)
        #expect(try store.loadObservations("fund.iwm.shares").values == [300e6, 301e6, 302e6])
        // NAV: 100,000 of assets over the shares; each month's flow is a million new shares at the month's NAV.
        let flows = try store.loadObservations("flows.iwm")
        #expect(flows.days == Array(monthEnds.dropFirst()))
        #expect(flows.values == [1e6 * (100_000 / 301e6), 1e6 * (100_000 / 302e6)])
        #expect(try store.loadObservations("flows.ijr").count == 2)
        let asked = server.requests.compactMap { $0.query["asOfDate"] }
        #expect(asked == ["20260831", "20260930", "20261030", "20260831", "20260930", "20261030"])
        #expect(FileManager.default.fileExists(atPath: folder.file("cache/ishares/IWM-2026-10-30.csv").path))
        #expect(lines.all.contains("IWM 2026-08-31 (1/3): 100 holdings, 300,000,000 shares outstanding"), "\(lines.all)")
        #expect(lines.all.contains("IWM: 3 month-end snapshots stored (2026-08-31 → 2026-10-30), 2 flows in the store"), "\(lines.all)")

        // Again: everything from the cache, nothing asked, nothing changed.
        let again = backfill(store, server: server, cache: folder.file("cache"), funds: ["IWM", "IJR"]).run(months: 3, now: now)
        #expect(again.fetched == 0 && again.cached == 6)
        #expect(server.requests.count == 6)
        #expect(try store.loadObservations("flows.iwm").values == flows.values)
    }

    @Test func aFileOfAnEarlierDayIsStoredUnderItsOwnDay() throws {
        let folder = try TemporaryDirectory()
        let publishers = FixturePublishers()
        publishers.answersEarlierFile = true
        // No file for Sep 30: the publisher answers Sep 29's.
        let sep29 = Day(iso: "2026-09-29")!
        publishers.setPastHoldings("IWM", day: "20260831", file(monthEnds[0], shares: 300))
        publishers.setPastHoldings("IWM", day: "20260929", file(sep29, shares: 305))
        publishers.setPastHoldings("IWM", day: "20261030", file(monthEnds[2], shares: 310))
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let lines = Lines()
        let summary = backfill(store, server: server, cache: folder.file("cache"), lines: lines).run(months: 3, now: now)
        #expect(summary.faults.isEmpty && summary.missing.isEmpty)
        #expect(summary.funds["IWM"]?.days == [monthEnds[0], sep29, monthEnds[2]])
        #expect(try store.loadObservations("fund.iwm.shares").days == [monthEnds[0], sep29, monthEnds[2]])
        #expect(lines.all.contains { $0.hasPrefix("IWM 2026-09-30 (2/3):") && $0.hasSuffix("(the file of 2026-09-29)") }, "\(lines.all)")
        // The day asked remembers which file answered it, so the next run asks nothing.
        #expect(try String(contentsOf: folder.file("cache/ishares/asked/IWM-2026-09-30.txt"), encoding: .utf8) == "2026-09-29")
        _ = backfill(store, server: server, cache: folder.file("cache")).run(months: 3, now: now)
        #expect(server.requests.count == 3)
    }

    @Test func aMonthEndWithoutHoldingsWalksBackATradingDay() throws {
        let folder = try TemporaryDirectory()
        let publishers = FixturePublishers()
        // Oct 30 answers the empty file; Oct 29 has holdings.
        let oct29 = Day(iso: "2026-10-29")!
        publishers.setPastHoldings("IWM", day: "20260831", file(monthEnds[0], shares: 300))
        publishers.setPastHoldings("IWM", day: "20260930", file(monthEnds[1], shares: 301))
        publishers.setPastHoldings("IWM", day: "20261029", file(oct29, shares: 302))
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let lines = Lines()
        let summary = backfill(store, server: server, cache: folder.file("cache"), lines: lines).run(months: 3, now: now)
        #expect(summary.funds["IWM"]?.days == [monthEnds[0], monthEnds[1], oct29])
        #expect(lines.all.contains("IWM 2026-10-30 (3/3): no holdings published; trying 2026-10-29"), "\(lines.all)")
        #expect(server.requests.compactMap { $0.query["asOfDate"] }.suffix(2) == ["20261030", "20261029"])
        // Oct 30 is settled (26 days old): its empty answer is remembered.
        #expect(try String(contentsOf: folder.file("cache/ishares/asked/IWM-2026-10-30.txt"), encoding: .utf8) == "none")
        _ = backfill(store, server: server, cache: folder.file("cache")).run(months: 3, now: now)
        #expect(server.requests.count == 4)
    }

    @Test func noHoldingsForDaysRunningIsReportedAndTheRestStored() throws {
        let folder = try TemporaryDirectory()
        let publishers = FixturePublishers()
        publishers.setPastHoldings("IWM", day: "20261030", file(monthEnds[2], shares: 300))
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let summary = backfill(store, server: server, cache: folder.file("cache")).run(months: 3, now: now)
        #expect(summary.missing == ["IWM 2026-08-31", "IWM 2026-09-30"])
        #expect(summary.faults.isEmpty)
        #expect(summary.fetched == 9)   // two month ends and three earlier days each, then Oct 30
        #expect(try store.loadObservations("fund.iwm.shares").days == [monthEnds[2]])
    }

    @Test func aRefusalStopsTheBackfillAndTheNextRunGoesOn() throws {
        let folder = try TemporaryDirectory()
        let publishers = world(funds: ["IWM", "IJR"])
        publishers.script("IWM@20260930", .tooManyRequests(retryAfter: "60"))
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let lines = Lines()
        let summary = backfill(store, server: server, cache: folder.file("cache"), funds: ["IWM", "IJR"], lines: lines)
            .run(months: 3, now: now)
        #expect(summary.faults == ["IWM 2026-09-30: HTTP 429 too many requests (retry after 60 s)"])
        #expect(server.requests.count == 2, "nothing more is asked after a refusal")
        #expect(lines.all.contains { $0.contains("stopping; run again later") }, "\(lines.all)")
        #expect(try store.loadObservations("fund.iwm.shares").days == [monthEnds[0]])

        let again = backfill(store, server: server, cache: folder.file("cache"), funds: ["IWM", "IJR"]).run(months: 3, now: now)
        #expect(again.faults.isEmpty)
        #expect(again.cached == 1 && again.fetched == 5)
        #expect(try store.loadObservations("flows.iwm").count == 2)
    }

    @Test func anHTMLPageIsAFaultAndNotCached() throws {
        let folder = try TemporaryDirectory()
        let publishers = world()
        publishers.script("IWM@20260831", .html)
        let server = try FixtureServer(handler: publishers.handler)
        let store = try Store(path: folder.file("s.sqlite").path)
        let summary = backfill(store, server: server, cache: folder.file("cache")).run(months: 3, now: now)
        #expect(summary.faults == ["IWM 2026-08-31: answered an HTML page instead of data"])
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache/ishares/asked/IWM-2026-08-31.txt").path))
        #expect(backfill(store, server: server, cache: folder.file("cache")).run(months: 3, now: now).faults.isEmpty)
    }
}
