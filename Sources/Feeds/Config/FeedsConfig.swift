import Foundation
import Markets

/// Where the live data comes from and how often: read from `config.toml`, then the environment.
///
/// ```toml
/// refresh_interval = 60            # seconds between refreshes in live mode, at least 15
/// user_agent = "Mozilla/5.0 …"     # replaces the browser User-Agent sent to Yahoo
///
/// [providers]                      # the order providers are tried in, per series
/// rut = ["yahoo", "stooq"]
/// btc = ["yahoo", "coinbase"]
///
/// [yahoo]
/// url = "https://query1.finance.yahoo.com"
/// [coinbase]
/// url = "https://api.exchange.coinbase.com"
/// [stooq]
/// url = "https://stooq.com"
/// key = "…"                        # Stooq is used only with a key
/// ```
/// `RESONANCE_YAHOO_URL`, `RESONANCE_COINBASE_URL` and `RESONANCE_STOOQ_URL` override the URLs.
public struct FeedsConfig: Hashable, Sendable {
    public static let minimumInterval: TimeInterval = 15
    public static let providerNames = ["yahoo", "coinbase", "stooq"]

    public var refreshInterval: TimeInterval = 60
    public var userAgent: String?
    public var providerOrder: [SeriesID: [String]] = [
        .rut: ["yahoo", "stooq"], .btc: ["yahoo", "coinbase", "stooq"], .iwm: ["yahoo", "stooq"],
    ]
    public var yahooURL = YahooChartProvider.defaultBaseURL
    public var coinbaseURL = CoinbaseCandlesProvider.defaultBaseURL
    public var stooqURL = StooqDailyProvider.defaultBaseURL
    public var stooqKey: String?
    /// The settings of `fetch --fundamentals` (see `FundamentalsConfig`).
    public var fundamentals = FundamentalsConfig()

    public init() {}

    /// The configuration from a file's text (nil: no file) and the environment.
    ///
    /// - Throws: `ConfigError` as `FILE:LINE: what is wrong`; nothing is half-applied.
    public static func load(text: String?, path: String, environment: [String: String]) throws -> FeedsConfig {
        var config = FeedsConfig()
        if let text {
            let file = try ConfigFile(parsing: text, path: path)
            for entry in file.entries where try !config.fundamentals.apply(entry, path: path) { try config.apply(entry, path: path) }
        }
        try config.fundamentals.applyEnvironment(environment)
        for (name, keyPath) in [("RESONANCE_YAHOO_URL", \FeedsConfig.yahooURL), ("RESONANCE_COINBASE_URL", \.coinbaseURL),
                                ("RESONANCE_STOOQ_URL", \.stooqURL)] {
            guard let value = environment[name], !value.isEmpty else { continue }
            guard let url = httpURL(value) else {
                throw ConfigError(path: name, line: nil, message: "'\(MessageExcerpt.of(value))' is not an http(s) URL")
            }
            config[keyPath: keyPath] = url
        }
        return config
    }

    /// Reads `config.toml` in a folder (missing file: the defaults) and the environment.
    public static func load(folder: URL?, environment: [String: String]) throws -> FeedsConfig {
        guard let file = folder?.appendingPathComponent("config.toml") else {
            return try load(text: nil, path: "config.toml", environment: environment)
        }
        guard FileManager.default.fileExists(atPath: file.path) else { return try load(text: nil, path: file.path, environment: environment) }
        // A symlink is followed (config files are often kept elsewhere), but no more than 1 MB is read:
        // one pointed at /dev/zero or a large file stops here instead of filling memory.
        let data: Data
        do {
            guard let read = try PrivateFiles.read(file, limit: 1 << 20, followingSymlink: true) else {
                throw ConfigError(path: file.path, line: nil, message: "cannot read the file")
            }
            data = read
        } catch let failure as PrivateFiles.Failure {
            throw ConfigError(path: file.path, line: nil, message: "cannot read the file: it \(failure.reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: file.path, line: firstLineNotUTF8(data), message: "not UTF-8 text (save the file as UTF-8)")
        }
        return try load(text: text, path: file.path, environment: environment)
    }

    private mutating func apply(_ entry: ConfigFile.Entry, path: String) throws {
        func fail(_ message: String) -> ConfigError { ConfigError(path: path, line: entry.line, message: message) }
        let key = MessageExcerpt.of(entry.keyPath, limit: 60)
        func string() throws -> String {
            guard case .string(let s) = entry.value else { throw fail("\(key) must be a quoted string, not \(entry.value.kindName)") }
            return s
        }
        func url() throws -> URL {
            let text = try string()
            guard let url = Self.httpURL(text) else { throw fail("\(key): '\(MessageExcerpt.of(text))' is not an http(s) URL") }
            return url
        }
        switch (entry.section, entry.key) {
        case ("", "refresh_interval"):
            guard case .integer(let seconds) = entry.value else {
                throw fail("refresh_interval must be a whole number of seconds, not \(entry.value.kindName)")
            }
            guard Double(seconds) >= Self.minimumInterval else {
                throw fail("refresh_interval is \(seconds) s; the minimum is \(Int(Self.minimumInterval)) s")
            }
            refreshInterval = TimeInterval(seconds)
        case ("", "user_agent"):
            let text = try string()
            guard !text.isEmpty else { throw fail("user_agent is empty") }
            userAgent = text
        case ("providers", let series):
            guard SeriesID.priceSeries.contains(SeriesID(series)) else {
                throw fail("unknown series '\(key)' (expected providers.rut, providers.btc or providers.iwm)")
            }
            guard case .strings(let names) = entry.value, !names.isEmpty else {
                throw fail("\(key) must be a list of providers, such as [\"yahoo\", \"coinbase\"]")
            }
            for name in names where !Self.providerNames.contains(name) {
                throw fail("unknown provider '\(MessageExcerpt.of(name, limit: 40))' (expected \(Self.providerNames.joined(separator: ", ")))")
            }
            if series != "btc", names.contains("coinbase") { throw fail("coinbase serves only btc") }
            providerOrder[SeriesID(series)] = names
        case ("yahoo", "url"): yahooURL = try url()
        case ("coinbase", "url"): coinbaseURL = try url()
        case ("stooq", "url"): stooqURL = try url()
        case ("stooq", "key"): stooqKey = try string()
        default:
            throw fail("unknown setting '\(key)'")
        }
    }

    /// The first line (from 1) of some bytes that is not valid UTF-8, or nil when every line is.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return lines.firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
    }

    private static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { return nil }
        return url
    }

    /// The providers of a series in the configured order; Stooq only with a key.
    public func providers(for series: SeriesID, transport: any HTTPTransport = HTTPHelperTransport.shared) -> [any PriceProvider] {
        (providerOrder[series] ?? []).compactMap { name -> (any PriceProvider)? in
            switch name {
            case "yahoo":
                return YahooChartProvider(baseURL: yahooURL, userAgent: userAgent ?? YahooChartProvider.browserUserAgent, transport: transport)
            case "coinbase":
                return CoinbaseCandlesProvider(baseURL: coinbaseURL, userAgent: userAgent ?? "resonance", transport: transport)
            case "stooq":
                guard let stooqKey, !stooqKey.isEmpty else { return nil }
                return StooqDailyProvider(baseURL: stooqURL, apiKey: stooqKey, userAgent: userAgent ?? "resonance", transport: transport)
            default:
                return nil
            }
        }.filter { $0.serves(series) }
    }
}
