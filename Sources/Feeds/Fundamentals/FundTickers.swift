import Foundation

/// One fund share class in the SEC's `company_tickers_mf.json`: the trust's CIK and the fund's series.
public struct FundListing: Hashable, Sendable {
    /// The registrant (trust) that files, such as iShares Trust's 1100663.
    public var cik: Int
    /// The fund's EDGAR series ID, such as `S000004344`.
    public var seriesID: String
    public var classID: String
    public var symbol: String
}

/// The SEC's ticker → registrant and series map for funds, from `/files/company_tickers_mf.json`.
///
/// The file is `{"fields":["cik","seriesId","classId","symbol"],"data":[[1100663,"S000004344","C000012074","IWM"],…]}`;
/// the columns are found by name, so a reordered `fields` still reads.
public struct FundTickers: Hashable, Sendable {
    public var listings: [String: FundListing]

    /// The listing of a ticker, any case.
    public func listing(for ticker: String) -> FundListing? { listings[ticker.uppercased()] }

    /// Reads the file; `label` names it in errors.
    ///
    /// - Throws: `FundamentalsParseError` as `LABEL data[N]: what`.
    public static func parse(_ data: Data, label: String = "company_tickers_mf.json") throws -> FundTickers {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw FundamentalsParseError(label, "invalid or truncated JSON (\(data.count) bytes)")
        }
        guard let root = object as? [String: Any], let fields = root["fields"] as? [Any], let rows = root["data"] as? [Any] else {
            throw FundamentalsParseError(label, "expected {\"fields\":[…],\"data\":[[…],…]}")
        }
        let names = fields.map { $0 as? String ?? "" }
        guard let cikColumn = names.firstIndex(of: "cik"), let seriesColumn = names.firstIndex(of: "seriesId"),
              let classColumn = names.firstIndex(of: "classId"), let symbolColumn = names.firstIndex(of: "symbol") else {
            throw FundamentalsParseError(label, "fields must name cik, seriesId, classId and symbol")
        }
        var listings: [String: FundListing] = [:]
        for (index, item) in rows.enumerated() {
            let place = "\(label) data[\(index)]"
            guard let row = item as? [Any], row.count == names.count else {
                throw FundamentalsParseError(place, "not a row of \(names.count) values")
            }
            guard let cik = SECNumber.cik(row[cikColumn]) else {
                throw FundamentalsParseError(place, "cik is missing or not a whole number from 1 to 9999999999")
            }
            guard let series = row[seriesColumn] as? String, isEDGARID(series, prefix: "S") else {
                throw FundamentalsParseError(place, "seriesId is not an EDGAR series ID like S000004344")
            }
            // Some rows list a share class without a ticker: skipped, as they cannot be asked for.
            guard let symbol = row[symbolColumn] as? String, !symbol.isEmpty else { continue }
            let classID = row[classColumn] as? String ?? ""
            let key = symbol.uppercased()
            if listings[key] == nil { listings[key] = FundListing(cik: cik, seriesID: series, classID: classID, symbol: key) }
        }
        guard !listings.isEmpty else { throw FundamentalsParseError(label, "no funds in the file") }
        return FundTickers(listings: listings)
    }

    /// Whether text is an EDGAR series or class ID: the letter and nine digits.
    static func isEDGARID(_ text: String, prefix: Character) -> Bool {
        text.count == 10 && text.first == prefix && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
