import Foundation

extension FixtureServer {
    /// One loopback server for every outside service: chart and candle paths go to the market, the rest
    /// (iShares, the SEC) to the publishers.
    public static func providers(market: FixtureMarket, publishers: FixturePublishers) throws -> FixtureServer {
        try FixtureServer { request in
            request.path.hasPrefix("/v8/") || request.path.hasPrefix("/products/") ? market.reply(to: request) : publishers.reply(to: request)
        }
    }

    /// The environment that points every provider at this server, with a home folder and a UTF-8 locale.
    public func providerEnvironment(home: URL) -> [String: String] {
        ["RESONANCE_YAHOO_URL": baseURL.absoluteString, "RESONANCE_COINBASE_URL": baseURL.absoluteString,
         "RESONANCE_SEC_URL": baseURL.absoluteString, "RESONANCE_ISHARES_URL": baseURL.absoluteString,
         "RESONANCE_HOME": home.path, "LANG": "C.UTF-8"]
    }
}

extension FundamentalsFixtures {
    /// The SEC frame periods of every calendar quarter of the years from `firstYear` through `lastYear`.
    public static func quarterPeriods(from firstYear: Int, through lastYear: Int) -> [String] {
        (firstYear...lastYear).flatMap { year in (1...4).map { "CY\(year)Q\($0)" } }
    }
}
