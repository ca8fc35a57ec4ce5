import Foundation
import Markets

/// Publisher answers in their real layouts, for parser and fetch tests.
///
/// The iShares holdings file follows public fixtures of the real file (preamble, header, quoted rows,
/// blank line, disclaimer); company tickers and XBRL frames follow the SEC's documented JSON.
public enum FundamentalsFixtures {
    /// One holding row to print.
    public struct Row: Sendable {
        public var ticker: String, name: String, sector: String, assetClass: String, marketValue: String
        public init(_ ticker: String, _ name: String, sector: String = "Industrials", assetClass: String = "Equity",
                    marketValue: String) {
            self.ticker = ticker; self.name = name; self.sector = sector; self.assetClass = assetClass
            self.marketValue = marketValue
        }
    }

    public static let holdingsHeader = "Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,"
        + "Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date"

    /// An iShares holdings CSV with its preamble rows and footer.
    public static func holdings(fund: String = "iShares Russell 2000 ETF", asOf: String = "Nov 20, 2026",
                                sharesOutstanding: String? = "300,000,000.00", rows: [Row], footer: Bool = true) -> String {
        var lines = ["\u{FEFF}\(fund)", "Fund Holdings as of,\"\(asOf)\"", "Inception Date,\"May 22, 2000\""]
        if let sharesOutstanding { lines.append("Shares Outstanding,\"\(sharesOutstanding)\"") }
        lines += ["Stock,\"-\"", "Bond,\"-\"", "Cash,\"-\"", "Other,\"-\"", " ", holdingsHeader]
        for row in rows {
            lines.append("\"\(row.ticker)\",\"\(row.name)\",\"\(row.sector)\",\"\(row.assetClass)\",\"\(row.marketValue)\",\"0.10\","
                         + "\"\(row.marketValue)\",\"10.00\",\"100.00\",\"United States\",\"NASDAQ\",\"USD\",\"1.00\",\"USD\",\"-\"")
        }
        if footer {
            lines += [" ", "\"The content contained herein is owned or licensed by BlackRock and/or its third-party information providers.\""]
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A day as the holdings file's preamble prints it, such as `Aug 31, 2026`.
    public static func publisherDate(_ day: Day) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let (year, month, dayOfMonth) = day.components
        return "\(months[month - 1]) \(dayOfMonth < 10 ? "0" : "")\(dayOfMonth), \(year)"
    }

    /// The query value of `asOfDate` for a day: `YYYYMMDD`.
    public static func asOfDate(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// The file iShares answers for a day without holdings: the preamble with `-` for the day and the
    /// figures, the header, and no rows.
    public static func emptyHoldings(fund: String = "iShares Russell 2000 ETF") -> String {
        ["\u{FEFF}\(fund)", "Fund Holdings as of,\"-\"", "Inception Date,\"May 22, 2000\"", "Shares Outstanding,\"-\"",
         "Stock,\"-\"", "Bond,\"-\"", "Cash,\"-\"", "Other,\"-\"", " ", holdingsHeader, " ",
         "\"The content contained herein is owned or licensed by BlackRock and/or its third-party information providers.\""]
            .joined(separator: "\r\n") + "\r\n"
    }

    /// Rows for `count` companies `T0`, `T1`, … worth 1,000.00 each, plus a cash row and a futures row.
    public static func syntheticRows(count: Int, extraCash: String = "5,000.00") -> [Row] {
        (0..<count).map { Row("T\($0)", "COMPANY \($0) INC", marketValue: "1,000.00") }
            + [Row("XTSLA", "BLK CSH FND TREASURY SL AGENCY", sector: "Cash and/or Derivatives", assetClass: "Money Market",
                   marketValue: extraCash),
               Row("RTYZ6", "RUSSELL 2000 EMINI DEC 26", sector: "Cash and/or Derivatives", assetClass: "Futures", marketValue: "0.00")]
    }

    /// The SEC's company_tickers.json for (ticker, cik) pairs.
    public static func companyTickers(_ pairs: [(String, Int)]) -> String {
        let rows = pairs.enumerated().map { index, pair in
            "\"\(index)\":{\"cik_str\":\(pair.1),\"ticker\":\"\(pair.0)\",\"title\":\"\(pair.0) Corp\"}"
        }
        return "{" + rows.joined(separator: ",") + "}"
    }

    /// An XBRL frames answer for NetIncomeLoss with one entry per (cik, value); `pts` as given or the count.
    public static func frame(period: String, facts: [(cik: Int, value: Double)], pts: Int? = nil,
                             start: String = "2025-07-01", end: String = "2025-09-30") -> String {
        let data = facts.map { fact in
            "{\"accn\":\"0000\(fact.cik)-25-000001\",\"cik\":\(fact.cik),\"entityName\":\"FILER \(fact.cik) INC\","
                + "\"loc\":\"US-DE\",\"start\":\"\(start)\",\"end\":\"\(end)\",\"val\":\(Int64(fact.value))}"
        }
        return """
            {"taxonomy":"us-gaap","tag":"NetIncomeLoss","ccp":"\(period)","uom":"USD","label":"Net Income (Loss) Attributable to Parent",\
            "description":"The portion of profit or loss for the period, net of income taxes, which is attributable to the parent.",\
            "pts":\(pts ?? facts.count),"data":[\(data.joined(separator: ","))]}
            """
    }

    /// A frame of realistic size: `count` filers with CIKs from 1000, every third one loss-making.
    public static func largeFrame(period: String, count: Int) -> String {
        frame(period: period, facts: (0..<count).map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -1_500_000 : 2_500_000) })
    }
}
