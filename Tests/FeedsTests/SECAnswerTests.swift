import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// The SEC's company tickers and XBRL frames: real layouts, realistic sizes, and refused answers.
struct SECAnswerTests {
    @Test func companyTickersMapTickersToCIKs() throws {
        let json = FundamentalsFixtures.companyTickers([("AAPL", 320193), ("MOG-A", 67887), ("BRK-B", 1067983)])
        let map = try CompanyTickers.parse(Data(json.utf8))
        #expect(map.cik(for: "AAPL") == 320193)
        #expect(map.cik(for: "MOG.A") == 67887)
        #expect(map.cik(for: "brk.b") == 1067983)
        #expect(map.cik(for: "NONE") == nil)
    }

    @Test func brokenCompanyTickersAreNamed() {
        let cases: [(String, String)] = [
            (#"{"0":{"cik_str":320193,"ticker":"AAPL""#, "company_tickers.json: invalid or truncated JSON (38 bytes)"),
            (#"[]"#, #"company_tickers.json: expected an object of numbered rows, like {"0":{"cik_str":…}}"#),
            (#"{"0":{"ticker":"AAPL","title":"Apple Inc."}}"#, "company_tickers.json entry \"0\": cik_str is missing or not a whole number from 1 to 9999999999"),
            (#"{"7":{"cik_str":5,"title":"X"}}"#, "company_tickers.json entry \"7\": ticker is missing"),
        ]
        for (json, message) in cases {
            do { _ = try CompanyTickers.parse(Data(json.utf8)); Issue.record("accepted \(json)") } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test func aFrameOfThousandsOfFilersParses() throws {
        let json = FundamentalsFixtures.largeFrame(period: "CY2025Q3", count: 4500)
        let frame = try XBRLFrame.parse(Data(json.utf8), label: "frame CY2025Q3", expectedPeriod: "CY2025Q3")
        #expect(frame.facts.count == 4500)
        #expect(frame.tag == "NetIncomeLoss")
        #expect(frame.unit == "USD")
        #expect(frame.facts[0] == XBRLFrameFact(cik: 1000, entityName: "FILER 1000 INC", start: Day(iso: "2025-07-01"),
                                               end: Day(iso: "2025-09-30")!, value: -1_500_000))
        #expect(frame.valueByCIK.count == 4500)
    }

    @Test func partialAndMalformedFramesAreRefused() {
        let full = FundamentalsFixtures.frame(period: "CY2025Q3", facts: [(1, 5), (2, -5)])
        let cases: [(String, String?, String)] = [
            (FundamentalsFixtures.frame(period: "CY2025Q3", facts: [(1, 5)], pts: 3200), nil,
             "frame CY2025Q3: pts says 3200 filers but data holds 1 (partial answer)"),
            (String(full.prefix(full.count / 2)), nil, "frame CY2025Q3: invalid or truncated JSON (\(full.count / 2) bytes)"),
            (full, "CY2025Q2", "frame CY2025Q3: frame is for CY2025Q3, not CY2025Q2"),
            (full.replacingOccurrences(of: "\"val\":-5", with: "\"val\":\"-5\""), nil, "frame CY2025Q3 data[1]: val is missing or not a number"),
            (full.replacingOccurrences(of: "\"cik\":2,", with: ""), nil, "frame CY2025Q3 data[1]: cik is missing or not a whole number from 1 to 9999999999"),
            (#"{"message":"Not found"}"#, nil, "frame CY2025Q3: no ccp (calendar period)"),
        ]
        for (json, expected, message) in cases {
            do {
                _ = try XBRLFrame.parse(Data(json.utf8), label: "frame CY2025Q3", expectedPeriod: expected)
                Issue.record("accepted: \(message)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test("a CIK is a whole number of up to ten digits (a huge one wrapped to a random company's, 0 and -5 were kept)",
          arguments: ["12345678901234567890123", "1e15", "1.5", "0", "-5", "true", "\"12a\"", "\"\"", "null", "[1]"])
    func implausibleCIKs(_ cik: String) {
        let tickers = #"{"0":{"cik_str":\#(cik),"ticker":"AAPL"}}"#
        #expect(throws: FundamentalsParseError("company_tickers.json entry \"0\"", "cik_str is missing or not a whole number from 1 to 9999999999")) {
            try CompanyTickers.parse(Data(tickers.utf8))
        }
        let frame = #"{"ccp":"CY2025Q3","data":[{"cik":\#(cik),"end":"2025-09-30","val":5}]}"#
        #expect(throws: FundamentalsParseError("frame CY2025Q3 data[0]", "cik is missing or not a whole number from 1 to 9999999999")) {
            try XBRLFrame.parse(Data(frame.utf8), label: "frame CY2025Q3")
        }
    }

    @Test func cikAsDigitsAndTheLargestCIKAreRead() throws {
        let map = try CompanyTickers.parse(Data(#"{"0":{"cik_str":"0000320193","ticker":"AAPL"},"1":{"cik_str":9999999999,"ticker":"Z"}}"#.utf8))
        #expect(map.cik(for: "AAPL") == 320193)
        #expect(map.cik(for: "Z") == 9_999_999_999)
    }

    @Test("a value of true is not a number (it counted as a profit of 1)")
    func booleanValue() {
        let frame = #"{"ccp":"CY2025Q3","data":[{"cik":5,"end":"2025-09-30","val":true}]}"#
        #expect(throws: FundamentalsParseError("frame CY2025Q3 data[0]", "val is missing or not a number")) {
            try XBRLFrame.parse(Data(frame.utf8), label: "frame CY2025Q3")
        }
    }

    @Test("a ticker of spaces is missing (it mapped the empty ticker)")
    func blankTicker() {
        #expect(throws: FundamentalsParseError("company_tickers.json entry \"3\"", "ticker is missing")) {
            try CompanyTickers.parse(Data(#"{"3":{"cik_str":5,"ticker":"  "}}"#.utf8))
        }
    }

    @Test("one ticker in two rows maps to the lower row's CIK, whatever order the object is read in (it was either)")
    func repeatedTickerTakesTheFirstRow() throws {
        // Twenty tickers, each written two ways in rows 2i and 2i+1: each must map to row 2i's CIK.
        let pairs = (0..<20).flatMap { [("MOG.A\($0)", 100 + $0), ("MOG-A\($0)", 900 + $0)] }
        let map = try CompanyTickers.parse(Data(FundamentalsFixtures.companyTickers(pairs).utf8))
        #expect((0..<20).map { map.cik(for: "MOG-A\($0)") } == (0..<20).map { 100 + $0 })
    }

    @Test("a row key is quoted cut short (a 3,000-character key made a 3,000-character message)")
    func longRowKeyIsExcerpted() {
        let key = String(repeating: "k", count: 3_000)
        do {
            _ = try CompanyTickers.parse(Data(#"{"\#(key)":5}"#.utf8))
            Issue.record("accepted a row that is not an object")
        } catch {
            #expect("\(error)" == "company_tickers.json entry \"\(String(repeating: "k", count: 20))…\": not an object")
        }
    }

    @Test("a period that ends before it starts, or a start that is no date, is refused (it was kept, or dropped silently)",
          arguments: [#""start":"2025-10-01","#, #""start":"2025-13-01","#, #""start":5,"#])
    func startAfterEnd(_ start: String) {
        let frame = #"{"ccp":"CY2025Q3","data":[{"cik":5,\#(start)"end":"2025-09-30","val":7}]}"#
        #expect(throws: FundamentalsParseError("frame CY2025Q3 data[0]", "start is not a date on or before end")) {
            try XBRLFrame.parse(Data(frame.utf8), label: "frame CY2025Q3")
        }
    }

    @Test func instantFactsHaveNoStart() throws {
        for start in ["", #""start":null,"#] {
            let frame = try XBRLFrame.parse(Data(#"{"ccp":"CY2025Q3","data":[{"cik":5,\#(start)"end":"2025-09-30","val":7}]}"#.utf8), label: "f")
            #expect(frame.facts.map(\.start) == [nil])
        }
    }

    @Test("the period of another frame is quoted cut short (a 3,000-character ccp went whole into the message)")
    func longPeriodIsExcerpted() {
        let frame = #"{"ccp":"\#(String(repeating: "x", count: 3_000))","data":[]}"#
        #expect(throws: FundamentalsParseError("frame CY2025Q3", "frame is for \(String(repeating: "x", count: 20))…, not CY2025Q3")) {
            try XBRLFrame.parse(Data(frame.utf8), label: "frame CY2025Q3", expectedPeriod: "CY2025Q3")
        }
    }
}
