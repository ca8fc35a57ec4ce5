import Markets

/// What stands behind each quarter of the loss-making share computed from SEC filings: the constituents,
/// those matched to SEC filers, those with four quarters of net income, the loss-making ones, the
/// single-quarter share, and the date of the holdings used. Empty for an imported share.
public struct LossShareCoverage: Sendable {
    /// The stored names, beside `loss_share.r2k` (defined in `SeriesID`).
    public static let constituentsID: SeriesID = .lossShareConstituents
    public static let matchedID: SeriesID = .lossShareMatched
    public static let reportedID: SeriesID = .lossShareReported
    public static let lossMakingID: SeriesID = .lossShareLossMaking
    public static let quarterShareID: SeriesID = .lossShareQuarter
    /// The report date of the holdings used, as days since 1970-01-01.
    public static let constituentsAsOfID: SeriesID = .lossShareConstituentsAsOf

    public var constituents: ValueSeries
    public var matched: ValueSeries
    public var reported: ValueSeries
    public var lossMaking: ValueSeries
    public var quarterShare: ValueSeries
    public var constituentsAsOf: ValueSeries

    public init(constituents: ValueSeries = ValueSeries(id: constituentsID), matched: ValueSeries = ValueSeries(id: matchedID),
                reported: ValueSeries = ValueSeries(id: reportedID), lossMaking: ValueSeries = ValueSeries(id: lossMakingID),
                quarterShare: ValueSeries = ValueSeries(id: quarterShareID),
                constituentsAsOf: ValueSeries = ValueSeries(id: constituentsAsOfID)) {
        self.constituents = constituents
        self.matched = matched
        self.reported = reported
        self.lossMaking = lossMaking
        self.quarterShare = quarterShare
        self.constituentsAsOf = constituentsAsOf
    }

    /// Whether the share was computed from filings (counts are stored), rather than imported.
    public var isComputed: Bool { !constituents.isEmpty }

    /// One quarter's counts.
    public struct Counts: Equatable, Sendable {
        public var quarterEnd: Day
        public var constituents: Int, matched: Int, reported: Int
        public var lossMaking: Int?
        public var quarterSharePercent: Double?
        /// The holdings' date when they come from a later filing applied backwards.
        public var appliedBackwardsFrom: Day?
    }

    /// The counts of the last quarter on or before a day, when the three main counts are known.
    public func counts(onOrBefore day: Day) -> Counts? {
        guard let i = constituents.days.lastIndex(where: { $0 <= day }) else { return nil }
        let quarterEnd = constituents.days[i]
        func value(_ series: ValueSeries) -> Double? {
            guard let j = series.days.lastIndex(where: { $0 <= day }), series.days[j] == quarterEnd else { return nil }
            return series.values[j]
        }
        guard let matched = value(matched), let reported = value(reported) else { return nil }
        let asOf = value(constituentsAsOf).map { Day(rawValue: Int32($0)) }
        return Counts(quarterEnd: quarterEnd, constituents: Int(constituents.values[i]), matched: Int(matched), reported: Int(reported),
                      lossMaking: value(lossMaking).map { Int($0) }, quarterSharePercent: value(quarterShare),
                      appliedBackwardsFrom: asOf.flatMap { $0 > quarterEnd ? $0 : nil })
    }
}
