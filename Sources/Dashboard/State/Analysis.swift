import Markets

/// The numbers behind the analysis panels, computed once per data change in O(n).
public struct Analysis: Sendable {
    /// The trailing windows the correlation panel offers, in aligned days.
    public static let correlationWindows = RollingCorrelation.standardWindows
    /// The stored id of the loss-making share.
    public static let lossShareID: SeriesID = "loss_share.r2k"

    /// Rolling correlation of daily log returns per window, with a pyramid over its values for drawing.
    ///
    /// Holds the windows asked for at init and those added by `addCorrelation(window:)` since: the
    /// dashboard computes only the one on screen, which at a million days saves two windows' work at start.
    public private(set) var correlations: [Int: (correlation: RollingCorrelation, pyramid: MinMaxPyramid)]
    /// The two price series the windows are computed from (shared with `MarketData`, not copied).
    private let index: Series, bitcoin: Series
    /// Bitcoin's halving cycles, each as multiples of its close on the halving day.
    public let cycles: HalvingCycles
    /// A pyramid over each cycle's multiples, in the order of `cycles.cycles`.
    let cyclePyramids: [MinMaxPyramid]
    /// What Bitcoin and the index did after each breakout, per basis.
    public let aftermath: [BreakoutBasis: BreakoutAftermath]
    /// Net flows per fund as stored (daily or monthly).
    public let flows: [ValueSeries]
    /// Net flows of all funds summed by calendar month.
    public let monthlyFlows: ValueSeries
    /// The loss-making share by quarter.
    public let lossShare: ValueSeries
    /// A pyramid over the loss-making share, for drawing.
    let lossSharePyramid: MinMaxPyramid

    /// The panels' numbers, with no correlation window yet (see `addCorrelation(window:)` and `insert(_:)`).
    ///
    /// `cycles` and `aftermath` come from `Analysis.cycles(bitcoin:)` and `Analysis.aftermath(...)`, which
    /// `MarketData` runs on separate threads.
    init(index: Series, bitcoin: Series, cycles: (cycles: HalvingCycles, pyramids: [MinMaxPyramid]),
         aftermath: [BreakoutBasis: BreakoutAftermath], flows: [ValueSeries], lossShare: ValueSeries) {
        self.index = index
        self.bitcoin = bitcoin
        correlations = [:]
        self.cycles = cycles.cycles
        cyclePyramids = cycles.pyramids
        self.aftermath = aftermath
        self.flows = flows
        var summed: [Day: Double] = [:]
        for fund in flows {
            let monthly = monthlySums(fund)
            for (day, value) in zip(monthly.days, monthly.values) { summed[day, default: 0] += value }
        }
        monthlyFlows = ValueSeries(id: "flows.all", points: summed.map { ($0.key, $0.value) })
        self.lossShare = lossShare
        lossSharePyramid = MinMaxPyramid(lossShare.values)
    }

    /// Computes a correlation window if it is not there yet (O(n) once, then nothing).
    ///
    /// Each window aligns the series and takes the returns again rather than keeping them: at a million days
    /// that is about 15 ms per new window, against 20 MB held for the whole session.
    public mutating func addCorrelation(window: Int) {
        guard correlations[window] == nil, window >= 2 else { return }
        correlations[window] = Self.correlation(window: window, index: index, bitcoin: bitcoin)
    }

    /// Adds correlation windows computed elsewhere with `correlation(window:index:bitcoin:)` from the same series.
    mutating func insert(_ computed: [Int: (correlation: RollingCorrelation, pyramid: MinMaxPyramid)]) {
        correlations.merge(computed) { kept, _ in kept }
    }

    /// One correlation window and the pyramid for drawing it, O(n).
    static func correlation(window: Int, index: Series, bitcoin: Series)
        -> (correlation: RollingCorrelation, pyramid: MinMaxPyramid) {
        drawable(RollingCorrelation(index, bitcoin, window: window))
    }

    /// A correlation with the pyramid for drawing it.
    static func drawable(_ correlation: RollingCorrelation) -> (correlation: RollingCorrelation, pyramid: MinMaxPyramid) {
        (correlation, MinMaxPyramid(correlation.values))
    }

    /// What Bitcoin and the index did after each breakout, per basis.
    static func aftermath(breakouts: [BreakoutBasis: [Breakout]], index: Series, bitcoin: Series)
        -> [BreakoutBasis: BreakoutAftermath] {
        let asOf = [index.dayRange?.upperBound, bitcoin.dayRange?.upperBound].compactMap { $0 }.max()
            ?? Day(rawValue: 0)
        var aftermath: [BreakoutBasis: BreakoutAftermath] = [:]
        for (basis, list) in breakouts {
            aftermath[basis] = BreakoutAftermath(breakouts: list, index: index, bitcoin: bitcoin, asOf: asOf)
        }
        return aftermath
    }

    /// Bitcoin's halving cycles with a pyramid over each one's multiples.
    static func cycles(bitcoin: Series) -> (cycles: HalvingCycles, pyramids: [MinMaxPyramid]) {
        let cycles = HalvingCycles(bitcoin: bitcoin)
        return (cycles, cycles.cycles.map { MinMaxPyramid($0.multiples) })
    }
}
