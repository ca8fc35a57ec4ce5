import Foundation

extension FixtureServer {
    /// One loopback server for every outside service: chart and candle paths go to the market, the rest to
    /// the SEC.
    public static func providers(market: FixtureMarket, sec: FixtureSEC) throws -> FixtureServer {
        try FixtureServer { request in
            request.path.hasPrefix("/v8/") || request.path.hasPrefix("/products/") ? market.reply(to: request) : sec.reply(to: request)
        }
    }

    /// The environment that points every provider at this server, with a home folder and a UTF-8 locale.
    public func providerEnvironment(home: URL) -> [String: String] {
        ["RESONANCE_YAHOO_URL": baseURL.absoluteString, "RESONANCE_COINBASE_URL": baseURL.absoluteString,
         "RESONANCE_SEC_URL": baseURL.absoluteString,
         "RESONANCE_HOME": home.path, "LANG": "C.UTF-8"]
    }
}

