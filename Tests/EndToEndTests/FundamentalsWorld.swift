import Foundation
import Feeds
import Markets
import TestSupport

/// A loopback world for the fundamentals commands: prices (Yahoo, Coinbase) and a scripted SEC with the six
/// small-cap ETFs filing quarterly since last year, IWM holding 30 companies, and frames from three years back.
struct FundamentalsWorld {
    let market = FixtureMarket()
    let sec: FixtureSEC
    let server: FixtureServer
    let home: URL
    let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))

    init(contact: String? = nil) throws {
        market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: 900, last: today.adding(days: -1), start: 2000))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: 1200, last: today, start: 60_000))
        sec = FixtureSEC(today: today, companies: 30, firstFilingYear: today.year - 1, firstFrameYear: today.year - 3)
        server = try FixtureServer.providers(market: market, sec: sec)
        home = try Processes.temporaryFolder()
        if let contact { try Data("sec_contact = \"\(contact)\"\n".utf8).write(to: home.appendingPathComponent("config.toml")) }
    }

    /// `--since` for the fundamentals: the world's first year of frames.
    var since: String { "\(today.year - 3)-01-01" }

    var environment: [String: String] { server.providerEnvironment(home: home) }

    /// Requests to the SEC's routes.
    var secRequests: [FixtureRequest] { server.requests.filter(FixtureSEC.isSECRequest) }

    /// The store in the home folder.
    func store() throws -> Store { try Store(path: home.appendingPathComponent(StoreLocation.databaseFileName).path) }

    /// Each fund's months as the fixture's filings report them (mon1 the report month).
    func expectedMonths(_ fund: String) -> [Day: Double] {
        var months: [Day: Double] = [:]
        for filing in sec.filings(fund) {
            let (year, month, _) = filing.reportDate.components
            for (index, net) in filing.netFlows.enumerated() { months[Day(year: year, month: month, day: 1)!.adding(months: -index)] = net }
        }
        return months
    }
}
