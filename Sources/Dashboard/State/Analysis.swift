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
    public private(set) var correlations: [Int: CorrelationWindow]
    /// The two price series the windows are computed from (shared with `MarketData`, not copied).
    private let index: Series, bitcoin: Series
    /// Bitcoin's halving cycles, each as multiples of its close on the halving day.
    public let cycles: HalvingCycles
    /// A pyramid over each cycle's multiples, in the order of `cycles.cycles`.
    let cyclePyramids: [MinMaxPyramid]
    /// What Bitcoin and the index did after each breakout, per basis.
    public let aftermath: [BreakoutBasis: BreakoutAftermath]
    /// What each basis's aftermath is compared with: base rates, percentiles and the halving confound.
    public let evidence: [BreakoutBasis: AftermathEvidence]
    /// The lead–lag correlation over the whole history, once `addLeadLag()` has computed it.
    public private(set) var leadLag: LeadLag?
    /// The lags the lead–lag view covers, each way, in aligned days.
    public static let leadLagMaxLag = 30
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
    /// `cycles` come with Bitcoin's side and `aftermath` from `Analysis.aftermath(...)`.
    init(index: Series, bitcoin: Series, cycles: (cycles: HalvingCycles, pyramids: [MinMaxPyramid]),
         aftermath: [BreakoutBasis: BreakoutAftermath], flows: [ValueSeries], lossShare: ValueSeries) {
        self.index = index
        self.bitcoin = bitcoin
        correlations = [:]
        self.cycles = cycles.cycles
        cyclePyramids = cycles.pyramids
        self.aftermath = aftermath
        evidence = AftermathEvidence.measure(aftermath, index: index, bitcoin: bitcoin)
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
    /// that is 25 to 40 ms per new window, against 20 MB held for the whole session.
    public mutating func addCorrelation(window: Int) {
        guard correlations[window] == nil, window >= 2 else { return }
        correlations[window] = CorrelationWindow(RollingCorrelation(index, bitcoin, window: window))
    }

    /// Computes the whole history's lead–lag correlation if it is not there yet: O(61 · n) once, then nothing.
    ///
    /// Only the lead–lag view needs it, so a start does not pay for it.
    public mutating func addLeadLag() {
        guard leadLag == nil else { return }
        leadLag = LeadLag(index, bitcoin, maxLag: Analysis.leadLagMaxLag)
    }

    /// The lead–lag correlation over returns ending in a range; the whole history's when the range covers it.
    public func leadLag(in range: DayRange) -> LeadLag {
        if let leadLag, let days = leadLag.days, range.contains(days.lowerBound), range.contains(days.upperBound) {
            return leadLag
        }
        return LeadLag(index, bitcoin, maxLag: Analysis.leadLagMaxLag, range: range)
    }

    /// Aligned days of the index inside a range: at least the returns a lead–lag over the range would take.
    public func indexDayCount(in range: DayRange) -> Int { index.indices(in: range).count }

    /// Adds correlation windows computed elsewhere from the same series (a window already here stays).
    mutating func insert(_ computed: [CorrelationWindow]) {
        for window in computed where correlations[window.correlation.window] == nil {
            correlations[window.correlation.window] = window
        }
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
}
