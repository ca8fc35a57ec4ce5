import Markets

/// How many companies stand behind each quarter of the loss-making share: constituents asked about,
/// matched to SEC filers, and reporting net income that quarter. Empty for an imported share.
public struct LossShareCoverage: Sendable {
    /// The stored names of the counts, beside `loss_share.r2k`.
    public static let constituentsID: SeriesID = .lossShareConstituents
    public static let matchedID: SeriesID = .lossShareMatched
    public static let reportedID: SeriesID = .lossShareReported

    public var constituents: ValueSeries
    public var matched: ValueSeries
    public var reported: ValueSeries

    public init(constituents: ValueSeries = ValueSeries(id: constituentsID), matched: ValueSeries = ValueSeries(id: matchedID),
                reported: ValueSeries = ValueSeries(id: reportedID)) {
        self.constituents = constituents
        self.matched = matched
        self.reported = reported
    }

    /// The counts of the last quarter on or before a day, when all three are known.
    public func counts(onOrBefore day: Day) -> (constituents: Int, matched: Int, reported: Int)? {
        func value(_ series: ValueSeries) -> Int? {
            guard let i = series.days.lastIndex(where: { $0 <= day }) else { return nil }
            return Int(series.values[i])
        }
        guard let total = value(constituents), let matched = value(matched), let reported = value(reported) else { return nil }
        return (total, matched, reported)
    }
}
