import Foundation

/// The SEC's ticker → CIK map, from `https://www.sec.gov/files/company_tickers.json`.
///
/// The file is one object keyed by row number: `{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},…}`,
/// with `cik_str` a JSON number despite its name. One company can appear under several tickers.
public struct CompanyTickers: Hashable, Sendable {
    /// CIK by normalised ticker.
    public var cikByTicker: [String: Int]
    /// Each company's title as the SEC spells it (`Apple Inc.`, `ACME CORP /DE/`), by CIK.
    public var titleByCIK: [Int: String]

    public init(cikByTicker: [String: Int], titleByCIK: [Int: String] = [:]) {
        self.cikByTicker = cikByTicker
        self.titleByCIK = titleByCIK
    }

    /// The CIK of a ticker as any publisher spells it, or nil.
    public func cik(for ticker: String) -> Int? { cikByTicker[TickerSymbol.normalised(ticker)] }

    /// Reads the file; `label` names it in errors.
    ///
    /// A CIK is a whole number from 1 to 9,999,999,999 (ten digits), given as a number or as digits. Where
    /// two rows give one ticker (as publishers spell it), the row with the lower number wins, so the map
    /// does not depend on the order the JSON object is read in.
    /// - Throws: `FundamentalsParseError` as `LABEL entry "12": what`.
    public static func parse(_ data: Data, label: String = "company_tickers.json") throws -> CompanyTickers {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw FundamentalsParseError(label, "invalid or truncated JSON (\(data.count) bytes)")
        }
        guard let rows = object as? [String: Any] else {
            throw FundamentalsParseError(label, "expected an object of numbered rows, like {\"0\":{\"cik_str\":…}}")
        }
        guard !rows.isEmpty else { throw FundamentalsParseError(label, "no companies in the file") }
        var map: [String: Int] = [:]
        var titles: [Int: String] = [:]
        for key in rows.keys.sorted(by: rowOrder) {
            let place = "\(label) entry \"\(MessageExcerpt.of(key, limit: 20))\""
            guard let row = rows[key] as? [String: Any] else { throw FundamentalsParseError(place, "not an object") }
            guard let cik = SECNumber.cik(row["cik_str"]) else {
                throw FundamentalsParseError(place, "cik_str is missing or not a whole number from 1 to 9999999999")
            }
            guard let ticker = row["ticker"] as? String, !TickerSymbol.normalised(ticker).isEmpty else {
                throw FundamentalsParseError(place, "ticker is missing")
            }
            if map[TickerSymbol.normalised(ticker)] == nil { map[TickerSymbol.normalised(ticker)] = cik }
            if titles[cik] == nil, let title = row["title"] as? String { titles[cik] = title }
        }
        return CompanyTickers(cikByTicker: map, titleByCIK: titles)
    }

    /// Row keys in file order: numbers by value, then any other key by its text.
    private static func rowOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a < b
        }
    }
}
