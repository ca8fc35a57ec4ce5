import Foundation

/// Settings for `fetch --fundamentals`: the SEC contact, the funds and the publishers' URLs.
///
/// ```toml
/// sec_contact = "Jane Doe jane@example.com"   # required by the SEC before any request
///
/// [sec]
/// url = "https://data.sec.gov"                # frames; company tickers come from https://www.sec.gov
///
/// [ishares]
/// url = "https://www.ishares.com"
/// funds = ["IWM", "IJR"]                      # the first fund's holdings are the index constituents
/// iwm = "/us/products/239710/ishares-russell-2000-etf"   # a fund's product page path, for added funds
/// ```
/// `RESONANCE_SEC_URL` (both SEC files from one base) and `RESONANCE_ISHARES_URL` override the URLs.
public struct FundamentalsConfig: Hashable, Sendable {
    /// Who to name in the User-Agent sent to the SEC; nil until configured.
    public var secContact: String?
    /// One base URL for both SEC files, when configured; else the SEC's own two hosts.
    public var secURL: URL?
    public var isharesURL = URL(string: "https://www.ishares.com")!
    /// The funds whose flows are estimated, upper case; the first is the constituents' source.
    public var funds = ["IWM", "IJR"]
    /// Product page paths by fund.
    public var productPaths: [String: String] = [
        "IWM": "/us/products/239710/ishares-russell-2000-etf",
        "IJR": "/us/products/239774/ishares-core-sp-small-cap-etf",
    ]

    public init() {}

    /// The User-Agent the SEC asks for: the application and a contact.
    public var secUserAgent: String? { secContact.map { "Resonance/1.0 (\($0))" } }

    /// Applies one config line of the sections this type owns; false when the line is not one of them.
    mutating func apply(_ entry: ConfigFile.Entry, path: String) throws -> Bool {
        func fail(_ message: String) -> ConfigError { ConfigError(path: path, line: entry.line, message: message) }
        let key = MessageExcerpt.of(entry.key, limit: 40)
        func string() throws -> String {
            guard case .string(let text) = entry.value else { throw fail("\(key) must be a quoted string") }
            return text
        }
        switch (entry.section, entry.key) {
        case ("", "sec_contact"):
            let text = try string().trimmingCharacters(in: .whitespaces)
            guard text.contains("@") else { throw fail("sec_contact must name you and an email address, such as \"Jane Doe jane@example.com\"") }
            secContact = text
        case ("sec", "url"):
            guard let url = FundamentalsConfig.httpURL(try string()) else { throw fail("url: not an http(s) URL") }
            secURL = url
        case ("ishares", "url"):
            guard let url = FundamentalsConfig.httpURL(try string()) else { throw fail("url: not an http(s) URL") }
            isharesURL = url
        case ("ishares", "funds"):
            guard case .strings(let names) = entry.value, !names.isEmpty else { throw fail("funds must be a list such as [\"IWM\", \"IJR\"]") }
            funds = names.map { $0.uppercased() }
        case ("ishares", let fund):
            let text = try string()
            guard text.hasPrefix("/us/products/") else { throw fail("\(key) must be a product page path such as \"/us/products/239710/ishares-russell-2000-etf\"") }
            productPaths[fund.uppercased()] = text
        default:
            return false
        }
        return true
    }

    /// Checks what only the whole file can tell: every fund needs a product path.
    func validate(path: String) throws {
        for fund in funds where productPaths[fund] == nil {
            throw ConfigError(path: path, line: nil, message: "[ishares] fund \(MessageExcerpt.of(fund, limit: 40)) needs its product page path: \(MessageExcerpt.of(fund.lowercased(), limit: 40)) = \"/us/products/…\"")
        }
    }

    /// Applies `RESONANCE_SEC_URL` and `RESONANCE_ISHARES_URL`.
    mutating func applyEnvironment(_ environment: [String: String]) throws {
        if let value = environment["RESONANCE_SEC_URL"], !value.isEmpty {
            guard let url = Self.httpURL(value) else { throw ConfigError(path: "RESONANCE_SEC_URL", line: nil, message: "'\(MessageExcerpt.of(value))' is not an http(s) URL") }
            secURL = url
        }
        if let value = environment["RESONANCE_ISHARES_URL"], !value.isEmpty {
            guard let url = Self.httpURL(value) else { throw ConfigError(path: "RESONANCE_ISHARES_URL", line: nil, message: "'\(MessageExcerpt.of(value))' is not an http(s) URL") }
            isharesURL = url
        }
    }

    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { return nil }
        return url
    }
}
