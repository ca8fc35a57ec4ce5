import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// Live mode's daily fundamentals run: once per UTC day, by the lease holder, recorded in the store.
@Suite(.serialized)
struct FundamentalsRefreshTests {
    /// 2026-11-25 00:05 UTC.
    let start = Date(timeIntervalSince1970: Double(Day(iso: "2026-11-25")!.unixSeconds) + 300)

    /// Holdings files for both funds, the ticker map and one frame.
    func world() -> FixturePublishers {
        let publishers = FixturePublishers()
        let rows = FundamentalsFixtures.syntheticRows(count: 30)
        publishers.setHoldings("IWM", FundamentalsFixtures.holdings(asOf: "Nov 24, 2026", rows: rows))
        publishers.setHoldings("IJR", FundamentalsFixtures.holdings(fund: "iShares Core S&P Small-Cap ETF", asOf: "Nov 24, 2026", rows: rows))
        publishers.setCompanyTickers(FundamentalsFixtures.companyTickers((0..<30).map { ("T\($0)", 1000 + $0) }))
        publishers.setFrame("CY2026Q3", FundamentalsFixtures.frame(period: "CY2026Q3", facts: (0..<30).map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -1.0e6 : 2.0e6) }))
        return publishers
    }

    struct Rig {
        let publishers: FixturePublishers
        let server: FixtureServer
        let folder: TemporaryDirectory
        let store: Store
        let clock: ManualClock

        init(publishers: FixturePublishers, start: Date) throws {
            self.publishers = publishers
            server = try FixtureServer(handler: publishers.handler)
            folder = try TemporaryDirectory()
            store = try Store(path: folder.file("s.sqlite").path)
            clock = ManualClock(start)
        }

        func refresh(holder: String = "a", contact: String? = nil) -> FundamentalsRefresh {
            var config = FeedsConfig()
            config.fundamentals.secContact = contact
            config.fundamentals.secURL = server.baseURL
            config.fundamentals.isharesURL = server.baseURL
            return FundamentalsRefresh(store: store, config: config, holder: holder, cache: RawAnswerCache(folder: folder.file("cache")),
                                       configFile: "config.toml", clock: clock,
                                       transport: HTTPHelperTransport(requestTimeout: 5, resourceTimeout: 10))
        }

        /// Requests for today's holdings files.
        var holdingsRequests: Int { server.requests.filter { $0.path.hasSuffix(".ajax") }.count }
    }

    func status(succeeded: String?, attempted: String, fault: String? = nil) -> FetchStatus {
        func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
        return FetchStatus(series: .fundamentals, source: "ishares", fault: fault, attemptedAt: date(attempted),
                           succeededAt: succeeded.map(date))
    }

    @Test func dueByTheRecordedStatusAndTheUTCDay() {
        let now = ISO8601DateFormatter().date(from: "2026-11-25T10:30:00Z")!
        #expect(FundamentalsRefresh.isDue(nil, now: now))
        #expect(FundamentalsRefresh.isDue(status(succeeded: "2026-11-24T23:59:00Z", attempted: "2026-11-24T23:59:00Z"), now: now))
        #expect(!FundamentalsRefresh.isDue(status(succeeded: "2026-11-25T00:00:00Z", attempted: "2026-11-25T00:00:00Z"), now: now))
        // A failure an hour old is tried again; a newer one is not.
        #expect(!FundamentalsRefresh.isDue(status(succeeded: "2026-11-24T09:00:00Z", attempted: "2026-11-25T10:00:00Z", fault: "x"), now: now))
        #expect(FundamentalsRefresh.isDue(status(succeeded: "2026-11-24T09:00:00Z", attempted: "2026-11-25T09:30:00Z", fault: "x"), now: now))
        // A failure after today's success does not make it due again.
        #expect(!FundamentalsRefresh.isDue(status(succeeded: "2026-11-25T01:00:00Z", attempted: "2026-11-25T02:00:00Z", fault: "x"), now: now))
    }

    @Test func everyTenMinutesForTwoDaysRunsExactlyOncePerUTCDay() throws {
        let rig = try Rig(publishers: world(), start: start)
        let refresh = rig.refresh()
        var runs: [Date] = []
        for _ in 0..<(2 * 24 * 6) {
            if refresh.shouldRun() {
                runs.append(rig.clock.now())
                let outcome = refresh.run()
                #expect(outcome.status?.fault == nil)
                #expect(outcome.note == FundamentalsRefresh.noContactNote)
            }
            rig.clock.advance(600)
        }
        let days = runs.map { Day.utcToday(now: $0).iso }
        #expect(days == ["2026-11-25", "2026-11-26"])
        #expect(runs.last!.timeIntervalSince(runs.first!) == 86_400, "the first check after midnight starts the next run")
        #expect(rig.holdingsRequests == 4)   // IWM and IJR, once a day
        // Without a contact the SEC is never asked.
        #expect(!rig.server.requests.contains { !$0.path.hasSuffix(".ajax") })
        #expect(try rig.store.loadObservations("fund.iwm.shares").count == 1)
        #expect(try rig.store.fetchStatuses()[.fundamentals]?.source == "ishares")
    }

    @Test func aRestartOnTheSameDayDoesNotFetchAgainAndOnlyTheLeaseHolderRuns() throws {
        let rig = try Rig(publishers: world(), start: start)
        let first = rig.refresh(holder: "a")
        #expect(first.shouldRun())
        _ = first.run()
        rig.clock.advance(3 * 3600)
        // A new process, after the first gave the lease up: the store says today is done.
        try rig.store.releaseLease(LiveRefresh.leaseName, holder: "a")
        #expect(!rig.refresh(holder: "b").shouldRun())
        #expect(rig.holdingsRequests == 2)

        // The next day, a viewer that does not hold the lease leaves the run to the holder.
        rig.clock.advance(24 * 3600)
        _ = try rig.store.acquireLease(LiveRefresh.leaseName, holder: "a", now: rig.clock.now(), duration: 70)
        #expect(!rig.refresh(holder: "b").shouldRun())
        #expect(rig.refresh(holder: "a").shouldRun())
    }

    @Test func aFailureIsRecordedShownAndRetriedAnHourLaterNotSooner() throws {
        let publishers = world()
        publishers.script("IWM", .html)
        let rig = try Rig(publishers: publishers, start: start)
        let refresh = rig.refresh()
        #expect(refresh.shouldRun())
        let outcome = refresh.run()
        #expect(outcome.status?.fault == "IWM: answered an HTML page instead of data")
        // IJR's snapshot is stored all the same.
        #expect(try rig.store.loadObservations("fund.ijr.shares").count == 1)
        var checks = 0
        while !refresh.shouldRun() {
            checks += 1
            rig.clock.advance(60)
        }
        #expect(checks == 60)
        #expect(rig.holdingsRequests == 2)
        let retried = refresh.run()
        #expect(retried.status?.fault == nil)
        #expect(!refresh.shouldRun())
    }

    @Test func withAContactTheLossShareIsFetchedToo() throws {
        let rig = try Rig(publishers: world(), start: start)
        let refresh = rig.refresh(contact: "Test Runner test@example.com")
        #expect(refresh.shouldRun())
        let outcome = refresh.run()
        #expect(outcome.note == nil)
        #expect(outcome.status?.source == "ishares+sec")
        // Quarters without a frame count as not yet reported; CY2026Q3 has one.
        #expect(try rig.store.loadObservations("loss_share.r2k").days.contains(Day(iso: "2026-09-30")!))
        #expect(rig.server.requests.contains { $0.path == "/files/company_tickers.json" })
    }
}
