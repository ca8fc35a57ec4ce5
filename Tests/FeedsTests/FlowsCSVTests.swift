import Feeds
import Foundation
import Markets
import Testing

@Suite("Flows CSV")
struct FlowsCSVTests {
    @Test func dailyAndMonthlyRowsSplitByFund() throws {
        let parsed = try parseFlows("""
            date,fund,net_flow_usd
            2025-01,IWM,-1250000000
            2025-02-03,ijr,0
            2025-02,iwm,"3,700,000,000"
            2025-01-15,IJR,12.5
            """)
        #expect(parsed.map(\.series.id) == ["flows.ijr", "flows.iwm"])
        let ijr = parsed[0], iwm = parsed[1]
        #expect(ijr.series.days == [day("2025-01-15"), day("2025-02-03")])
        #expect(ijr.series.values == [12.5, 0])
        #expect(ijr.wasReordered && ijr.rowsRead == 2)
        #expect(iwm.series.days == [day("2025-01-01"), day("2025-02-01")])
        #expect(iwm.series.values == [-1_250_000_000, 3_700_000_000])
        #expect(!iwm.wasReordered)
    }

    @Test func headerIsCaseInsensitiveInAnyOrderWithFileQuirks() throws {
        let text = "\u{FEFF}Net_Flow_USD , FUND,Date\r\n\r\n  -5 ,\"IWM\", 2025-03-01 \r\n+7e2,my_fund-2,2025-03-02\r\n"
        let parsed = try parseFlows(text)
        #expect(parsed.map(\.series.id) == ["flows.iwm", "flows.my_fund-2"])
        #expect(parsed[0].series.values == [-5])
        #expect(parsed[1].series.values == [700])
    }

    @Test func seriesIDLowercasesTheFund() {
        #expect(FlowsCSVParser.seriesID(fund: "IWM") == "flows.iwm")
    }

    static let header = "date,fund,net_flow_usd\n"

    /// Each bad file, and the exact error it must give.
    static let badFiles: [(String, String)] = [
        ("", "bad.csv:1: empty file; expected the header date,fund,net_flow_usd"),
        ("date,fund,net_flow_usd\n", "bad.csv:1: no data rows after the header"),
        ("2025-01-01,IWM,5\n", "bad.csv:1: missing header; the file must begin with date,fund,net_flow_usd"),
        ("date,ticker,net_flow_usd\n2025-01-01,IWM,5\n",
         "bad.csv:1: unknown column 'ticker'; expected the header date,fund,net_flow_usd"),
        ("date,net_flow_usd\n2025-01-01,5\n", "bad.csv:1: missing column 'fund'; expected the header date,fund,net_flow_usd"),
        ("date,fund,DATE,net_flow_usd\n", "bad.csv:1: column 'date' appears twice in the header"),
        (header + "2025-01-01,IWM,5\n2025-01-02,IWM\n", "bad.csv:3: row has 2 fields, expected 3 (truncated line?)"),
        (header + "2025-01-01,IWM,5,6\n", "bad.csv:2: row has 4 fields, expected 3"),
        (header + "2025-01-01,IWM,\n", "bad.csv:2: net_flow_usd is empty"),
        (header + "2025-01-01,IWM,null\n", "bad.csv:2: net_flow_usd is 'null', not a number"),
        (header + "2025-01-01,IWM,abc\n", "bad.csv:2: net_flow_usd 'abc' is not a number"),
        (header + "2025-01-01,IWM,NaN\n", "bad.csv:2: net_flow_usd 'NaN' is not finite"),
        (header + "2025-01-01,IWM,-inf\n", "bad.csv:2: net_flow_usd '-inf' is not finite"),
        (header + "2025-01-01,IWM,\"1,23\"\n", "bad.csv:2: net_flow_usd '1,23' is not a number"),
        (header + "2025-01-01,,5\n", "bad.csv:2: fund is empty"),
        (header + "2025-01-01,IW M,5\n", "bad.csv:2: fund 'IW M' may hold only letters, digits, '_' and '-'"),
        (header + "2025-01-01,flows.iwm,5\n", "bad.csv:2: fund 'flows.iwm' may hold only letters, digits, '_' and '-'"),
        (header + ",IWM,5\n", "bad.csv:2: date is empty"),
        (header + "2025/01/01,IWM,5\n", "bad.csv:2: unparseable date '2025/01/01' (expected YYYY-MM-DD or YYYY-MM)"),
        (header + "2025-02-30,IWM,5\n", "bad.csv:2: unparseable date '2025-02-30' (expected YYYY-MM-DD or YYYY-MM)"),
        (header + "2025-13,IWM,5\n", "bad.csv:2: unparseable date '2025-13' (expected YYYY-MM-DD or YYYY-MM)"),
        (header + "2025Q3,IWM,5\n", "bad.csv:2: unparseable date '2025Q3' (expected YYYY-MM-DD or YYYY-MM)"),
        (header + "2026-11-26,IWM,5\n", "bad.csv:2: date 2026-11-26 is in the future (today is 2026-11-25)"),
        (header + "2026-12,IWM,5\n", "bad.csv:2: date '2026-12' (2026-12-01) is in the future (today is 2026-11-25)"),
        (header + "2025-01-01,IWM,5\n2025-01-01,IJR,5\n2025-01-01,iwm,6\n",
         "bad.csv:4: duplicate date 2025-01-01 for fund IWM (also on line 2)"),
        (header + "2025-01,IWM,5\n\n2025-01-01,IWM,6\n", "bad.csv:4: duplicate date 2025-01-01 for fund IWM (also on line 2)"),
        (header + "2025-01-01,IWM,\"5\n", "bad.csv:2: quoted field has no closing quote"),
    ]

    @Test(arguments: badFiles)
    func badFileIsRejectedAtItsLine(text: String, expected: String) {
        #expect(flowsError(text)?.description == expected)
    }
}
