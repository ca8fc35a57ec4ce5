import Foundation

/// Matches N-PORT holdings (issuer name, CUSIP, sometimes a ticker; no CIK) to SEC filers.
///
/// In order: a match kept in the store for the holding's key (its CUSIP, else its normalised name); the
/// holding's ticker in the SEC's company tickers; its normalised issuer name equal to exactly one company's
/// normalised SEC title. Names are compared in upper case without punctuation, without the state tags the SEC
/// appends to some titles (`/DE/`), and without legal suffixes (Inc, Corp, Co, Ltd, plc, Holdings, …). A name
/// shared by two companies is left unmatched rather than guessed.
public struct IssuerMatcher: Sendable {
    /// Words dropped from the end of names (repeatedly: "HOLDINGS INC" loses both).
    static let suffixes: Set<String> = ["INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "LTD", "LIMITED",
                                        "PLC", "HOLDINGS", "HOLDING", "LLC", "LP", "NV", "SA", "AG", "THE", "CL", "CLASS", "A", "B"]

    private var kept: [String: IssuerMatch]
    private let tickers: CompanyTickers
    private let cikByName: [String: Int]
    /// Matches made by this matcher, to keep in the store.
    public private(set) var newMatches: [IssuerMatch] = []

    /// A matcher over the kept matches and the SEC's company tickers.
    public init(kept: [String: IssuerMatch], tickers: CompanyTickers) {
        self.kept = kept
        self.tickers = tickers
        var byName: [String: Int] = [:]
        var ambiguous = Set<String>()
        for (cik, title) in tickers.titleByCIK {
            let name = Self.normalised(title)
            guard !name.isEmpty else { continue }
            if let other = byName[name], other != cik { ambiguous.insert(name) } else { byName[name] = cik }
        }
        for name in ambiguous { byName[name] = nil }
        cikByName = byName
    }

    /// The key a holding is kept under: its CUSIP, else its normalised name.
    public static func key(for holding: NPortHolding) -> String {
        holding.cusip.map { "cusip:" + $0 } ?? "name:" + normalised(holding.name)
    }

    /// The CIK of a holding's issuer, or nil when none can be told.
    public mutating func cik(for holding: NPortHolding) -> Int? {
        let key = Self.key(for: holding)
        if let match = kept[key] { return match.cik }
        var found: (Int, String)?
        if let ticker = holding.ticker, let cik = tickers.cik(for: ticker) {
            found = (cik, "ticker")
        } else if let cik = cikByName[Self.normalised(holding.name)] {
            found = (cik, "name")
        }
        guard let (cik, method) = found else { return nil }
        let match = IssuerMatch(key: key, cik: cik, method: method, name: holding.name)
        kept[key] = match
        newMatches.append(match)
        return cik
    }

    /// A name without the SEC's state tags such as "/DE/" or "/NEW/": a slash, one to five letters, a slash.
    static func withoutStateTags(_ text: String) -> String {
        var characters = Array(text)
        var i = 0
        while i < characters.count {
            if characters[i] == "/", let close = characters[(i + 1)...].prefix(6).firstIndex(of: "/"), close - i >= 2,
               characters[(i + 1)..<close].allSatisfy({ $0.isLetter }) {
                characters.replaceSubrange(i...close, with: [" "])
            }
            i += 1
        }
        return String(characters)
    }

    /// A name made comparable: upper case, letters and digits, no state tag, no legal suffix.
    public static func normalised(_ name: String) -> String {
        var text = withoutStateTags(name.uppercased())
        text = text.replacingOccurrences(of: "&", with: " AND ")
        let cleaned = String(text.map { $0.isLetter || $0.isNumber ? $0 : " " })
        var words = cleaned.split(separator: " ").map(String.init)
        if words.first == "THE" { words.removeFirst() }
        while words.count > 1, let last = words.last, suffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }
}
