import Foundation
import Markets
import TestSupport
import Testing

/// `resonance fetch --fundamentals` against a loopback iShares, SEC and price provider, then `render`.
@Suite("resonance fetch --fundamentals", .serialized)
struct FetchFundamentalsCommandTests {
    let market = FixtureMarket()
    let publishers = FixturePublishers()
    let server: FixtureServer
    let home: URL
    let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))

    init() throws {
        market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: 600, last: today.adding(days: -1), start: 2000))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: 800, last: today, start: 60_000))
        let holdings = FundamentalsFixtures.holdings(asOf: "Jan 5, 2026", rows: FundamentalsFixtures.syntheticRows(count: 1960))
        publishers.setHoldings("IWM", holdings)
        publishers.setHoldings("IJR", FundamentalsFixtures.holdings(fund: "iShares Core S&P Small-Cap ETF", asOf: "Jan 5, 2026",
                                                                    rows: FundamentalsFixtures.syntheticRows(count: 600)))
        // 1,872 of the 1,960 constituents have a CIK; in every quarter the first 1,700 of them report, every third at a loss.
        publishers.setCompanyTickers(FundamentalsFixtures.companyTickers((0..<1872).map { ("T\($0)", 1000 + $0) }))
        for period in FundamentalsFixtures.quarterPeriods(from: today.year - 2, through: today.year) {
            publishers.setFrame(period, FundamentalsFixtures.frame(period: period, facts: (0..<4200).filter { $0 < 1700 || $0 >= 1872 }
                .map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -2.0e6 : 3.0e6) }))
        }
        server = try FixtureServer.providers(market: market, publishers: publishers)
        home = try Processes.temporaryFolder()
    }

    var environment: [String: String] {
        server.providerEnvironment(home: home)
    }

    @Test func refusesWithoutAContactThenFetchesAndTheDashboardShowsTheMethod() throws {
        do { try scenario() } catch { Issue.record("thrown: \(error)") }
    }

    func scenario() throws {
        let refused = try Processes.resonance(["fetch", "--fundamentals"], environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("sec_contact = \"Jane Doe jane@example.com\""), "\(refused.stderr)")
        #expect(refused.stderr.contains(home.appendingPathComponent("config.toml").path), "\(refused.stderr)")
        #expect(server.requests.isEmpty)

        try Data("sec_contact = \"Test Runner test@example.com\"\n".utf8).write(to: home.appendingPathComponent("config.toml"))
        let since = "\(today.year - 2)-01-01"
        let fetched = try Processes.resonance(["fetch", "--fundamentals", "--since", since], environment: environment)
        #expect(fetched.status == 0, "\(fetched.stdout)\(fetched.stderr)")
        #expect(fetched.stdout.contains("IWM: 2026-01-05, 1962 holdings"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("1700 of 1960 reported"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("1872 of 1960 constituents matched to SEC filers"), "\(fetched.stdout)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("cache/sec/frames/NetIncomeLoss-USD-CY\(today.year - 2)Q1.json").path))

        _ = try Processes.resonance(["fetch", "--series", "rut,btc"], environment: environment)
        let render = try Processes.resonance(["render", "--size", "240x50", "--color", "never"], environment: environment)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("1872 of 1960 companies matched, 1700 reported"), "\(render.stdout)")
        // 1,700 report; every third of them (567) at a loss.
        let share = ValueFormat.fixed(Double((0..<1700).filter { $0 % 3 == 0 }.count) / 1700 * 100, decimals: 1)
        #expect(render.stdout.contains(": \(share)%"), "expected \(share)% in:\n\(render.stdout)")
    }
}

/// `resonance fetch --fundamentals --backfill-months N` against a loopback iShares that honours `asOfDate`.
@Suite("resonance fetch --fundamentals --backfill-months", .serialized)
struct FetchBackfillCommandTests {
    @Test func fillsInMonthEndsOnceAndTheFlowsReachBack() throws {
        let world = try FundamentalsWorld(contact: "Test Runner test@example.com")
        let (first, second) = (world.monthEnds[0], world.monthEnds[1])
        let fetched = try Processes.resonance(["fetch", "--fundamentals", "--backfill-months", "2", "--since", "\(world.today.year)-01-01"],
                                              environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stdout)\(fetched.stderr)")
        #expect(fetched.stdout.contains("IWM \(first.iso) (1/2): 300 holdings, 300,000,000 shares outstanding"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("IJR: 2 month-end snapshots stored (\(first.iso) → \(second.iso)), 1 flow in the store"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("past files: 4 fetched, 0 from"), "\(fetched.stdout)")
        #expect(world.holdingsRequests(past: true).compactMap { $0.query["asOfDate"] }
                == [first, second, first, second].map(FundamentalsFixtures.asOfDate))
        #expect(FileManager.default.fileExists(atPath: world.home.appendingPathComponent("cache/ishares/IWM-\(second.iso).csv").path))

        // Flows per month: ten million shares at the second month end's NAV, then fifteen million at today's.
        let export = try Processes.resonance(["export", "flows", "--format", "csv"], environment: world.environment)
        let iwm = export.stdout.split(separator: "\n").filter { $0.contains(",iwm,") }.map { $0.split(separator: ",") }
        #expect(iwm.map { String($0[0]) } == [String(second.iso.prefix(7)), String(world.today.iso.prefix(7))], "\(export.stdout)")
        #expect(abs((Double(iwm.first?[2] ?? "") ?? 0) - 10e6 * 9e9 / 310e6) < 1, "\(export.stdout)")
        #expect(abs((Double(iwm.last?[2] ?? "") ?? 0) - 15e6 * 9e9 / 325e6) < 1, "\(export.stdout)")

        // Again: every past file from the cache, none asked.
        let again = try Processes.resonance(["fetch", "--fundamentals", "--backfill-months", "2", "--since", "\(world.today.year)-01-01"],
                                            environment: world.environment)
        #expect(again.stdout.contains("past files: 0 fetched, 4 from"), "\(again.stdout)")
        #expect(world.holdingsRequests(past: true).count == 4)

        let misplaced = try Processes.resonance(["fetch", "--backfill-months", "2"], environment: world.environment)
        #expect(misplaced.status != 0 && misplaced.stderr.contains("--backfill-months goes with --fundamentals"), "\(misplaced.stderr)")
    }
}
