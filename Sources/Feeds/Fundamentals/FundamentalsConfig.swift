import Foundation

/// Settings for `fetch --fundamentals` and the live daily run: the SEC contact, the funds, the SEC's URL.
///
/// ```toml
/// sec_contact = "Jane Doe jane@example.com"   # required by the SEC; "" means asked and declined
///
/// [sec]
/// url = "https://www.sec.gov"                 # one base for every SEC path (mirrors, tests)
///
/// [flows]
/// funds = ["IWM", "IJR", "VB", "VTWO", "SCHA", "SPSM"]
/// ```
/// `RESONANCE_SEC_URL` overrides the URL. An old `[ishares]` section is refused with a line saying what
/// replaced it: iShares' holdings route stopped answering automated clients in 2026.
public struct FundamentalsConfig: Hashable, Sendable {
    /// The main US small-cap ETFs: the two Russell 2000 trackers with the most assets (IWM, VTWO), the two
    /// S&P SmallCap 600 trackers (IJR, SPSM), and the two broad CRSP / Dow Jones small-cap funds (VB, SCHA).
    public static let defaultFunds = ["IWM", "IJR", "VB", "VTWO", "SCHA", "SPSM"]
    /// The fund whose holdings are the Russell 2000's constituents.
    public static let constituentsFund = "IWM"

    /// Who to name in the User-Agent sent to the SEC; nil until configured, "" when the user declined.
    public var secContact: String?
    /// One base URL for every SEC path, when configured; else the SEC's own two hosts.
    public var secURL: URL?
    /// The funds whose N-PORT flows are fetched, upper case.
    public var funds = Self.defaultFunds

    public init() {}

    /// Whether the user was asked for a contact already (a contact or an empty one, declined, is set).
    public var secContactAsked: Bool { secContact != nil }

    /// The User-Agent the SEC asks for: the application and a contact; nil without a contact.
    public var secUserAgent: String? {
        guard let secContact, !secContact.isEmpty else { return nil }
        return "Resonance/1.0 (\(secContact))"
    }

    /// Why a contact is unusable, or nil when it is fine (an e-mail address, one line, no quotes).
    public static func contactProblem(_ text: String) -> String? {
        if !text.contains("@") { return "name an e-mail address, such as \"Jane Doe jane@example.com\"" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\"" || $0 == "\\" || $0.value == 0x7F }) {
            return "no quotes, backslashes or control characters"
        }
        if text.count > 200 { return "at most 200 characters" }
        return nil
    }

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
            if !text.isEmpty, let problem = Self.contactProblem(text) { throw fail("sec_contact: \(problem)") }
            secContact = text
        case ("sec", "url"):
            guard let url = FundamentalsConfig.httpURL(try string()) else { throw fail("url: not an http(s) URL") }
            secURL = url
        case ("flows", "funds"):
            guard case .strings(let names) = entry.value, !names.isEmpty else {
                throw fail("funds must be a list such as [\"IWM\", \"IJR\"]")
            }
            for name in names where name.isEmpty || name.count > 10 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                throw fail("funds: '\(MessageExcerpt.of(name, limit: 20))' is not a fund ticker")
            }
            var seen = Set<String>()
            funds = names.map { $0.uppercased() }.filter { seen.insert($0).inserted }
        case ("ishares", _):
            throw fail("[ishares] is no longer read: iShares' holdings route stopped answering in 2026, and flows now come from the SEC's N-PORT filings; list funds as [flows] funds = [\"IWM\", …]")
        default:
            return false
        }
        return true
    }

    /// Applies `RESONANCE_SEC_URL`.
    mutating func applyEnvironment(_ environment: [String: String]) throws {
        if let value = environment["RESONANCE_SEC_URL"], !value.isEmpty {
            guard let url = Self.httpURL(value) else { throw ConfigError(path: "RESONANCE_SEC_URL", line: nil, message: "'\(MessageExcerpt.of(value))' is not an http(s) URL") }
            secURL = url
        }
    }

    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { return nil }
        return url
    }
}
