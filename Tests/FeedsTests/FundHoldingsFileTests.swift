import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// The iShares holdings file: preamble facts, the table, the footer, and the answers that must be refused.
struct FundHoldingsFileTests {
    typealias Row = FundamentalsFixtures.Row

    @Test func readsThePreambleTheTableAndStopsAtTheFooter() throws {
        let text = FundamentalsFixtures.holdings(rows: [
            Row("AAON", "AAON, INC.", marketValue: "1,234,567.89"),
            Row("MOG.A", "MOOG INC CLASS A", marketValue: "987,654.32"),
            Row("XTSLA", "BLK CSH FND TREASURY SL AGENCY", sector: "Cash and/or Derivatives", assetClass: "Money Market",
                marketValue: "12,345.00"),
        ])
        let file = try FundHoldingsFile.parse(text, label: "IWM holdings")
        #expect(file.fundName == "iShares Russell 2000 ETF")
        #expect(file.asOf == Day(iso: "2026-11-20"))
        #expect(file.sharesOutstanding == 300_000_000)
        #expect(file.holdings.count == 3)
        #expect(file.holdings[0].name == "AAON, INC.")
        #expect(file.equityTickers == ["AAON", "MOG-A"])
        #expect(abs(file.netAssets - 2_234_567.21) < 1e-6)
        #expect(abs(file.navPerShare! - 2_234_567.21 / 300_000_000) < 1e-12)
    }

    @Test func thousandsOfRowsParse() throws {
        let file = try FundHoldingsFile.parse(FundamentalsFixtures.holdings(rows: FundamentalsFixtures.syntheticRows(count: 2000)),
                                              label: "IWM holdings")
        #expect(file.equityTickers.count == 2000)
        #expect(file.netAssets == 2_005_000)
    }

    @Test(arguments: [
        ("Fund Holdings as of,\"-\"", "IWM holdings line 2: the publisher has no holdings for this day (as of '-')"),
        ("Fund Holdings as of,\"20/11/2026\"", "IWM holdings line 2: Fund Holdings as of '20/11/2026' is not a date like \"Jun 28, 2019\""),
        ("Shares Outstanding,\"-\"", "IWM holdings line 4: Shares Outstanding '-' is not a positive number"),
        // A year of more than four digits trapped in Day(year:month:day:); one of two became the year 19.
        ("Fund Holdings as of,\"Jun 28, 99999999999\"",
         "IWM holdings line 2: Fund Holdings as of 'Jun 28, 99999999999' is not a date like \"Jun 28, 2019\""),
        ("Fund Holdings as of,\"Jun 28, 19\"", "IWM holdings line 2: Fund Holdings as of 'Jun 28, 19' is not a date like \"Jun 28, 2019\""),
        ("Fund Holdings as of,\"Ju 28, 2019\"", "IWM holdings line 2: Fund Holdings as of 'Ju 28, 2019' is not a date like \"Jun 28, 2019\""),
    ])
    func badPreambleLinesAreNamed(replacement: String, message: String) throws {
        var lines = FundamentalsFixtures.holdings(rows: FundamentalsFixtures.syntheticRows(count: 3)).components(separatedBy: "\r\n")
        let key = replacement.components(separatedBy: ",")[0]
        lines[lines.firstIndex { $0.hasPrefix(key) }!] = replacement
        #expect(throws: FundamentalsParseError.self) { try FundHoldingsFile.parse(lines.joined(separator: "\r\n"), label: "IWM holdings") }
        do { _ = try FundHoldingsFile.parse(lines.joined(separator: "\r\n"), label: "IWM holdings") } catch {
            #expect("\(error)" == message)
        }
    }

    @Test(arguments: [("June 28, 2019", "2019-06-28"), ("Sep 8, 2019", "2019-09-08"), ("SEPT 30, 2024", "2024-09-30"),
                      ("may 1, 2020", "2020-05-01")])
    func asOfDatesAsPublishersWriteThem(text: String, iso: String) throws {
        let file = try FundHoldingsFile.parse(FundamentalsFixtures.holdings(asOf: text, rows: FundamentalsFixtures.syntheticRows(count: 2)),
                                              label: "IWM holdings")
        #expect(file.asOf == Day(iso: iso))
    }

    @Test func malformedAndPartialFilesAreRefusedWithWhereAndWhat() {
        let good = FundamentalsFixtures.holdings(rows: FundamentalsFixtures.syntheticRows(count: 5), footer: false)
        let cases: [(String, String)] = [
            ("<!DOCTYPE html><html>blocked</html>", "IWM holdings line 1: an HTML page, not a holdings file"),
            ("iShares Russell 2000 ETF\nFund Holdings as of,\"Nov 20, 2026\"\n", "IWM holdings: no header row starting with Ticker (not a holdings file, or cut short)"),
            (good.replacingOccurrences(of: "\"T3\",\"COMPANY 3 INC\",", with: "\"T3\","), "IWM holdings line 14: 14 cells where the header has 15"),
            (good.replacingOccurrences(of: "\"T1\",\"COMPANY 1 INC\",\"Industrials\",\"Equity\",\"1,000.00\"",
                                       with: "\"T1\",\"COMPANY 1 INC\",\"Industrials\",\"Equity\",\"n/a\""),
             "IWM holdings line 12: Market Value 'n/a' is not a number"),
            (String(good.dropLast(60)), "IWM holdings line 17: a quote is not closed"),
        ]
        for (text, message) in cases {
            do {
                _ = try FundHoldingsFile.parse(text, label: "IWM holdings")
                Issue.record("accepted: \(message)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test("cells are quoted cut short (a 5,000-digit market value or header made a message as long)")
    func longCellsAreExcerpted() {
        let long = String(repeating: "9", count: 5_000)
        let good = FundamentalsFixtures.holdings(rows: FundamentalsFixtures.syntheticRows(count: 2))
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "\"T1\",\"COMPANY 1 INC\",\"Industrials\",\"Equity\",\"1,000.00\"",
                                       with: "\"T1\",\"COMPANY 1 INC\",\"Industrials\",\"Equity\",\"1,\(long)x\""),
             "IWM holdings line 12: Market Value '1,\(String(repeating: "9", count: 38))…' is not a number"),
            (good.replacingOccurrences(of: "Ticker,Name,", with: "Ticker,\(long),"),
             "IWM holdings line 10: no 'Name' column (columns: Ticker,\(String(repeating: "9", count: 113))…)"),
        ]
        for (text, message) in cases {
            #expect(throws: FundamentalsParseError.self) { try FundHoldingsFile.parse(text, label: "IWM holdings") }
            do { _ = try FundHoldingsFile.parse(text, label: "IWM holdings") } catch { #expect("\(error)" == message) }
        }
    }

    @Test func tickersAreComparedAsTheSECWritesThem() {
        #expect(TickerSymbol.normalised("mog.a") == "MOG-A")
        #expect(TickerSymbol.normalised("BF/B") == "BF-B")
        #expect(TickerSymbol.normalised(" AAPL ") == "AAPL")
    }
}
