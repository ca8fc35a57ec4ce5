import Foundation
import Markets

/// SEC answers for the parser tests (see `SECDocuments` for the layouts).
public enum FundamentalsFixtures {
    /// The SEC's company_tickers.json for (ticker, cik) pairs, titled `<TICKER> Corp`.
    public static func companyTickers(_ pairs: [(String, Int)]) -> String {
        SECDocuments.companyTickers(pairs.map { (ticker: $0.0, cik: $0.1, title: "\($0.0) Corp") })
    }

    /// An XBRL frames answer for NetIncomeLoss with one entry per (cik, value); `pts` as given or the count.
    public static func frame(period: String, facts: [(cik: Int, value: Double)], pts: Int? = nil,
                             start: String = "2025-07-01", end: String = "2025-09-30") -> String {
        SECDocuments.frame(period: period, facts: facts, pts: pts, start: start, end: end)
    }

    /// A frame of realistic size: `count` filers with CIKs from 1000, every third one loss-making.
    public static func largeFrame(period: String, count: Int) -> String {
        frame(period: period, facts: (0..<count).map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -1_500_000 : 2_500_000) })
    }
}
