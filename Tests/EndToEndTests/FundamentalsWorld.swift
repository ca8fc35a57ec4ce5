import Foundation
import Feeds
import Markets
import TestSupport

/// A loopback world for the fundamentals commands: prices (Yahoo, Coinbase), iShares with today's files and
/// past month-end files of IWM and IJR, and the SEC's ticker map and frames; one server, one home folder.
///
/// 300 constituents T0…T299 (CIK 1000+i); every quarter of the last three years 240 of them report, every
/// third at a loss. Each company is worth $30M; a fund's shares grow by ten million a month (about $300M
/// of inflows), and today's file has 25 million more than the first month end's.
struct FundamentalsWorld {
    let market = FixtureMarket()
    let publishers = FixturePublishers()
    let server: FixtureServer
    let home: URL
    let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))
    /// The month ends `--backfill-months 2` asks for.
    let monthEnds: [Day]

    static let constituents = 300, reporting = 240

    init(contact: String? = nil) throws {
        market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: 400, last: today.adding(days: -1), start: 2000))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: 500, last: today, start: 60_000))
        monthEnds = FundHistoryBackfill.monthEnds(months: 2, today: today)
        for (fund, name, base) in [("IWM", "iShares Russell 2000 ETF", 300), ("IJR", "iShares Core S&P Small-Cap ETF", 700)] {
            for (index, day) in monthEnds.enumerated() {
                publishers.setPastHoldings(fund, day: FundamentalsFixtures.asOfDate(day),
                                           Self.holdings(fund: name, day: day, millions: base + 10 * index))
            }
            publishers.setHoldings(fund, Self.holdings(fund: name, day: today, millions: base + 25))
        }
        publishers.setCompanyTickers(FundamentalsFixtures.companyTickers((0..<Self.constituents).map { ("T\($0)", 1000 + $0) }))
        for period in FundamentalsFixtures.quarterPeriods(from: today.year - 3, through: today.year) {
            publishers.setFrame(period, FundamentalsFixtures.frame(period: period, facts: (0..<Self.reporting)
                .map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -2.0e6 : 3.0e6) }))
        }
        server = try FixtureServer.providers(market: market, publishers: publishers)
        home = try Processes.temporaryFolder()
        if let contact { try Data("sec_contact = \"\(contact)\"\n".utf8).write(to: home.appendingPathComponent("config.toml")) }
    }

    /// A holdings file of the 300 companies, worth $30M each, with `millions` million shares.
    static func holdings(fund: String, day: Day, millions: Int) -> String {
        FundamentalsFixtures.holdings(fund: fund, asOf: FundamentalsFixtures.publisherDate(day), sharesOutstanding: "\(millions),000,000.00",
                                      rows: (0..<constituents).map { FundamentalsFixtures.Row("T\($0)", "COMPANY \($0) INC", marketValue: "30,000,000.00") })
    }

    var environment: [String: String] {
        server.providerEnvironment(home: home)
    }

    /// Requests for holdings files: today's (`past: false`) or past ones.
    func holdingsRequests(past: Bool = false) -> [FixtureRequest] {
        server.requests.filter { $0.path.hasSuffix(".ajax") && ($0.query["asOfDate"] != nil) == past }
    }

    /// Requests to the SEC's routes.
    var secRequests: [FixtureRequest] { server.requests.filter { $0.path.hasPrefix("/files/") || $0.path.hasPrefix("/api/") } }

    /// The store in the home folder.
    func store() throws -> Store { try Store(path: home.appendingPathComponent(StoreLocation.databaseFileName).path) }
}
