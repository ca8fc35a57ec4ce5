import Feeds
import Foundation
import Markets
import Testing

@Suite("Loss-share CSV")
struct LossShareCSVTests {
    @Test(arguments: [
        ("2025-08-15", "2025-08-15"),
        ("2025-02", "2025-02-28"),
        ("2024-02", "2024-02-29"),
        ("2025Q1", "2025-03-31"),
        ("2025-Q2", "2025-06-30"),
        ("2025q3", "2025-09-30"),
        ("2024-q4", "2024-12-31"),
    ])
    func periodsStandForTheirLastDay(cell: String, expected: String) throws {
        let parsed = try parseLossShare("date,share_pct\n\(cell),43\n")
        #expect(parsed.series.id == "loss_share.r2k")
        #expect(parsed.series.days == [day(expected)])
    }

    @Test func boundsAreInclusiveAndRowsAreSorted() throws {
        let parsed = try parseLossShare("Share_Pct,DATE\n100,2025Q2\n0,2025Q1\n42.5,2024-09\n")
        #expect(parsed.series.days == [day("2024-09-30"), day("2025-03-31"), day("2025-06-30")])
        #expect(parsed.series.values == [42.5, 0, 100])
        #expect(parsed.wasReordered && parsed.rowsRead == 3)
    }

    static let header = "date,share_pct\n"

    static let badFiles: [(String, String)] = [
        ("", "bad.csv:1: empty file; expected the header date,share_pct"),
        ("2025Q1,40\n", "bad.csv:1: missing header; the file must begin with date,share_pct"),
        ("date,share\n2025Q1,40\n", "bad.csv:1: unknown column 'share'; expected the header date,share_pct"),
        (header, "bad.csv:1: no data rows after the header"),
        (header + "2025Q1,100.5\n", "bad.csv:2: share_pct 100.5 is outside 0…100"),
        (header + "2025Q1,40\n2025Q2,-0.1\n", "bad.csv:3: share_pct -0.1 is outside 0…100"),
        (header + "2025Q1,\n", "bad.csv:2: share_pct is empty"),
        (header + "2025Q1,43%\n", "bad.csv:2: share_pct '43%' is not a number"),
        (header + "2025Q1,nan\n", "bad.csv:2: share_pct 'nan' is not finite"),
        (header + "2025Q5,40\n", "bad.csv:2: unparseable date '2025Q5' (expected YYYY-MM-DD, YYYY-MM or YYYYQn)"),
        (header + "2025-Q,40\n", "bad.csv:2: unparseable date '2025-Q' (expected YYYY-MM-DD, YYYY-MM or YYYYQn)"),
        (header + "2026Q4,40\n", "bad.csv:2: date '2026Q4' (2026-12-31) is in the future (today is 2026-11-25)"),
        (header + "2026-11,40\n", "bad.csv:2: date '2026-11' (2026-11-30) is in the future (today is 2026-11-25)"),
        (header + "2025Q3,40\n2025-01-01,41\n2025-09-30,42\n", "bad.csv:4: duplicate date 2025-09-30 (also on line 2)"),
        (header + "2025-09,40\n2025-Q3,42\n", "bad.csv:3: duplicate date 2025-09-30 (also on line 2)"),
        (header + "2025Q3\n", "bad.csv:2: row has 1 fields, expected 2 (truncated line?)"),
    ]

    @Test(arguments: badFiles)
    func badFileIsRejectedAtItsLine(text: String, expected: String) {
        #expect(lossShareError(text)?.description == expected)
    }
}
