import Markets

/// The share of loss-making companies among the Russell 2000's constituents at one quarter's end.
public struct LossShareQuarter: Hashable, Sendable {
    public var quarter: CalendarQuarter
    /// The report date of the IWM filing whose holdings were the constituents (after the quarter when an
    /// earlier one did not exist and the earliest was applied backwards).
    public var constituentsAsOf: Day
    /// Distinct constituents (US equity holdings).
    public var constituents: Int
    /// Constituents matched to an SEC filer (companies: two share classes of one filer count once).
    public var matched: Int
    /// Matched companies with all four quarters of net income ending here.
    public var reported: Int
    /// Reported companies whose trailing-twelve-month net income is below zero.
    public var lossMaking: Int
    /// Matched companies with this quarter's net income, and those of them below zero.
    public var quarterReported: Int
    public var quarterLossMaking: Int

    /// The quarter's last day, how quarters are dated in the store.
    public var quarterEnd: Day { quarter.lastDay }
    /// The trailing-twelve-month share in percent, or nil when no company reported.
    public var sharePercent: Double? { reported == 0 ? nil : Double(lossMaking) / Double(reported) * 100 }
    /// The single-quarter share in percent, or nil when no company reported the quarter.
    public var quarterSharePercent: Double? { quarterReported == 0 ? nil : Double(quarterLossMaking) / Double(quarterReported) * 100 }
    /// Whether the constituents come from a later filing applied backwards.
    public var appliedBackwards: Bool { constituentsAsOf > quarterEnd }

    /// Counts one quarter from its constituents (holding keys, with their CIK where matched) and net income.
    public static func compute(quarter: CalendarQuarter, constituentsAsOf: Day, constituents: [String: Int?],
                               income: NetIncomeHistory) -> LossShareQuarter {
        let ciks = Set(constituents.values.compactMap { $0 })
        var result = LossShareQuarter(quarter: quarter, constituentsAsOf: constituentsAsOf, constituents: constituents.count,
                                      matched: ciks.count, reported: 0, lossMaking: 0, quarterReported: 0, quarterLossMaking: 0)
        for cik in ciks {
            if let ttm = income.trailingTwelveMonths(cik: cik, endingWith: quarter) {
                result.reported += 1
                if ttm < 0 { result.lossMaking += 1 }
            }
            if let single = income.value(cik: cik, in: quarter) {
                result.quarterReported += 1
                if single < 0 { result.quarterLossMaking += 1 }
            }
        }
        return result
    }

    /// The series names the quarter is stored under: the TTM share, the single-quarter share and the counts.
    public enum SeriesName {
        public static let share: SeriesID = .lossShare
        public static let quarterShare: SeriesID = .lossShareQuarter
        public static let constituents: SeriesID = .lossShareConstituents
        public static let matched: SeriesID = .lossShareMatched
        public static let reported: SeriesID = .lossShareReported
        public static let lossMaking: SeriesID = .lossShareLossMaking
        /// The constituents' filing date, as days since 1970-01-01.
        public static let constituentsAsOf: SeriesID = .lossShareConstituentsAsOf
    }
}
