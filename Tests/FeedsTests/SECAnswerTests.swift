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
            (#"{"0":{"ticker":"AAPL","title":"Apple Inc."}}"#, "company_tickers.json entry \"0\": cik_str is missing or not a positive number"),
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
            (full.replacingOccurrences(of: "\"cik\":2,", with: ""), nil, "frame CY2025Q3 data[1]: cik is missing or not a number"),
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
}
