import Foundation
import Markets

/// One row of an iShares holdings file: a security the fund holds on the file's day.
public struct FundHolding: Hashable, Sendable {
    public var ticker: String
    public var name: String
    public var sector: String
    public var assetClass: String
    /// Market value in US dollars; nil where the file prints `-`.
    public var marketValue: Double?

    /// Whether the row is a company's stock (not cash, futures or a money-market fund).
    public var isEquity: Bool { assetClass.caseInsensitiveCompare("Equity") == .orderedSame }
}

/// An iShares fund's holdings file as published, with the facts of its preamble.
///
/// The layout, as public parsers and their fixtures of the real file show it:
/// ```
/// iShares Russell 2000 ETF
/// Fund Holdings as of,"Jun 28, 2019"
/// Inception Date,"May 22, 2000"
/// Shares Outstanding,"271,350,000.00"
/// Stock,"-"
/// …
/// (blank line)
/// Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,Price,Location,…
/// "ABC","ALPHA BETA CORP","Industrials","Equity","1,000.00",…
/// (blank line)
/// "The content contained herein is owned or licensed by BlackRock…"
/// ```
/// A file for a day without data says `Fund Holdings as of,"-"`.
public struct FundHoldingsFile: Hashable, Sendable {
    /// The fund's title on the first line.
    public var fundName: String
    /// The day the holdings are for.
    public var asOf: Day
    /// Shares of the fund outstanding on that day, when the preamble gives them.
    public var sharesOutstanding: Double?
    /// Every row of the table, in file order.
    public var holdings: [FundHolding]

    /// The sum of the market values of every row: the fund's net assets as the file shows them.
    public var netAssets: Double { holdings.reduce(0) { $0 + ($1.marketValue ?? 0) } }

    /// Net assets per share: the NAV estimated from the file, or nil without shares outstanding.
    public var navPerShare: Double? {
        guard let shares = sharesOutstanding, shares > 0 else { return nil }
        let assets = netAssets
        return assets > 0 ? assets / shares : nil
    }

    /// The tickers of the equity rows, normalised (see `TickerSymbol.normalised`), without repeats.
    public var equityTickers: [String] {
        var seen = Set<String>()
        return holdings.filter(\.isEquity).map { TickerSymbol.normalised($0.ticker) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The problem a file with `Fund Holdings as of,"-"` is rejected with: the publisher has no holdings
    /// for the day asked (a holiday, a day before the fund existed, a gap in its history).
    public static let noHoldingsProblem = "the publisher has no holdings for this day (as of '-')"

    /// The columns a holdings file must have.
    static let requiredColumns = ["Ticker", "Name", "Sector", "Asset Class", "Market Value"]

    /// Reads a holdings file; `label` names it in errors (such as `IWM holdings`).
    ///
    /// - Throws: `FundamentalsParseError` as `LABEL line N: what`; a file with no day, no header,
    ///   a missing column, a row of the wrong width or a bad number is rejected whole.
    public static func parse(_ text: String, label: String) throws -> FundHoldingsFile {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func fail(_ line: Int?, _ problem: String) -> FundamentalsParseError {
            FundamentalsParseError(line.map { "\(label) line \($0 + 1)" } ?? label, problem)
        }
        let head = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if head.hasPrefix("<") { throw fail(0, "an HTML page, not a holdings file") }

        var fundName = ""
        var asOf: Day?
        var sharesOutstanding: Double?
        var headerIndex: Int?
        for (index, line) in lines.enumerated() {
            guard let cells = QuotedCSVLine.cells(line) else { throw fail(index, "a quote is not closed") }
            let key = cells[0]
            if key == "Ticker" { headerIndex = index; break }
            if index == 0, cells.count == 1 || cells.dropFirst().allSatisfy(\.isEmpty) { fundName = key }
            if key == "Fund Holdings as of" {
                let value = cells.count > 1 ? cells[1] : ""
                if value == "-" { throw fail(index, noHoldingsProblem) }
                guard let day = PublisherNumber.day(value) else {
                    throw fail(index, "Fund Holdings as of '\(MessageExcerpt.of(value, limit: 40))' is not a date like \"Jun 28, 2019\"")
                }
                asOf = day
            }
            if key == "Shares Outstanding" {
                let value = cells.count > 1 ? cells[1] : ""
                guard case .some(.some(let shares)) = PublisherNumber.value(value), shares > 0 else {
                    throw fail(index, "Shares Outstanding '\(MessageExcerpt.of(value, limit: 40))' is not a positive number")
                }
                sharesOutstanding = shares
            }
        }
        guard let headerIndex else { throw fail(nil, "no header row starting with Ticker (not a holdings file, or cut short)") }
        guard let asOf else { throw fail(nil, "no 'Fund Holdings as of' line before the header") }
        let header = QuotedCSVLine.cells(lines[headerIndex]) ?? []
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() where column[name] == nil { column[name] = i }
        for name in requiredColumns where column[name] == nil {
            throw fail(headerIndex, "no '\(name)' column (columns: \(MessageExcerpt.of(header.joined(separator: ","), limit: 120)))")
        }

        var holdings: [FundHolding] = []
        var endedCleanly = false
        for index in (headerIndex + 1)..<lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{A0}"]))
            if trimmed.isEmpty { endedCleanly = true; break }
            guard let cells = QuotedCSVLine.cells(line) else { throw fail(index, "a quote is not closed") }
            if cells.count == 1 { endedCleanly = true; break }   // the footer's disclaimer
            guard cells.count == header.count else {
                throw fail(index, "\(cells.count) cells where the header has \(header.count)")
            }
            let valueText = cells[column["Market Value"]!]
            guard case .some(let marketValue) = PublisherNumber.value(valueText) else {
                throw fail(index, "Market Value '\(MessageExcerpt.of(valueText, limit: 40))' is not a number")
            }
            holdings.append(FundHolding(ticker: cells[column["Ticker"]!], name: cells[column["Name"]!],
                                        sector: cells[column["Sector"]!], assetClass: cells[column["Asset Class"]!],
                                        marketValue: marketValue))
        }
        guard endedCleanly else { throw fail(lines.count - 1, "the file ends inside the table, without its footer (cut short?)") }
        guard !holdings.isEmpty else { throw fail(headerIndex, "the table has no rows") }
        return FundHoldingsFile(fundName: fundName, asOf: asOf, sharesOutstanding: sharesOutstanding, holdings: holdings)
    }
}
