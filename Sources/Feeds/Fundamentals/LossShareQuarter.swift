import Markets

/// The share of loss-making companies among an index's constituents for one calendar quarter.
public struct LossShareQuarter: Hashable, Sendable {
    /// The quarter's last day (how quarters are dated in the store).
    public var quarterEnd: Day
    /// Constituents asked about (the equity tickers of the holdings file).
    public var constituents: Int
    /// Constituents whose ticker maps to a CIK.
    public var matched: Int
    /// Matched constituents with a value in the quarter's frame.
    public var reported: Int
    /// Reporting constituents with negative net income.
    public var lossMaking: Int

    /// Constituents not counted: unmatched or without a value this quarter.
    public var missing: Int { constituents - reported }

    /// The loss-making share in percent, or nil when no constituent reported.
    public var sharePercent: Double? { reported == 0 ? nil : Double(lossMaking) / Double(reported) * 100 }

    /// Counts one quarter: maps each ticker to its CIK and looks its value up in the frame.
    ///
    /// Share classes of one company (two tickers, one CIK) count as one company.
    public static func compute(quarterEnd: Day, constituents tickers: [String], tickers map: CompanyTickers,
                               frame: XBRLFrame) -> LossShareQuarter {
        let values = frame.valueByCIK
        var ciks = Set<Int>()
        var unmatched = 0
        for ticker in Set(tickers.map(TickerSymbol.normalised)) {
            if let cik = map.cik(for: ticker) { ciks.insert(cik) } else { unmatched += 1 }
        }
        var reported = 0, lossMaking = 0
        for cik in ciks {
            guard let value = values[cik] else { continue }
            reported += 1
            if value < 0 { lossMaking += 1 }
        }
        return LossShareQuarter(quarterEnd: quarterEnd, constituents: ciks.count + unmatched, matched: ciks.count,
                                reported: reported, lossMaking: lossMaking)
    }

    /// The series names the quarter is stored under: the share and its counts.
    public enum SeriesName {
        public static let share: SeriesID = .lossShare
        public static let reported: SeriesID = .lossShareReported
        public static let missing: SeriesID = .lossShareMissing
        public static let matched: SeriesID = .lossShareMatched
        public static let constituents: SeriesID = .lossShareConstituents
    }
}
