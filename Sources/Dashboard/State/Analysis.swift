import Markets

/// The numbers behind the analysis panels that come with each data change, computed in O(n).
public struct Analysis: Sendable {
    /// The trailing windows the correlation panel offers, in aligned days.
    public static let correlationWindows = RollingCorrelation.standardWindows
    /// The stored id of the loss-making share.
    public static let lossShareID: SeriesID = .lossShare

    /// Bitcoin's halving cycles, each as multiples of its close on the halving day.
    public let cycles: HalvingCycles
    /// A pyramid over each cycle's multiples, in the order of `cycles.cycles`.
    let cyclePyramids: [MinMaxPyramid]
    /// What Bitcoin and the index did after each breakout, per basis.
    public let aftermath: [BreakoutBasis: BreakoutAftermath]
    /// Per basis, each breakout's day since the halving before it and Bitcoin from that day of the other cycles.
    public let confound: [BreakoutBasis: HalvingConfound]
    /// The lags the lead–lag view covers, each way, in aligned days (see `Derivation.leadLag`).
    public static let leadLagMaxLag = 30
    /// Net flows per fund as stored (daily or monthly).
    public let flows: [ValueSeries]
    /// Net flows of all funds summed by calendar month.
    public let monthlyFlows: ValueSeries
    /// The loss-making share by quarter.
    public let lossShare: ValueSeries
    /// A pyramid over the loss-making share, for drawing.
    let lossSharePyramid: MinMaxPyramid

    /// The panels' numbers that come with the data (correlation windows are derived on demand, see `Derivation`).
    ///
    /// `cycles` come with Bitcoin's side, `aftermath` from `Analysis.aftermath(...)` and `confound` from
    /// `Analysis.confound(...)`.
    init(cycles: (cycles: HalvingCycles, pyramids: [MinMaxPyramid]),
         aftermath: [BreakoutBasis: BreakoutAftermath], confound: [BreakoutBasis: HalvingConfound],
         flows: [ValueSeries], lossShare: ValueSeries) {
        self.cycles = cycles.cycles
        cyclePyramids = cycles.pyramids
        self.aftermath = aftermath
        self.confound = confound
        self.flows = flows
        var summed: [Day: Double] = [:]
        for fund in flows {
            let monthly = monthlySums(fund)
            for (day, value) in zip(monthly.days, monthly.values) { summed[day, default: 0] += value }
        }
        monthlyFlows = ValueSeries(id: .allFlows, points: summed.map { ($0.key, $0.value) })
        self.lossShare = lossShare
        lossSharePyramid = MinMaxPyramid(lossShare.values)
    }

    /// Where each basis's breakouts fall in their halving cycles: O(k log n) for k breakouts.
    static func confound(_ aftermath: [BreakoutBasis: BreakoutAftermath], bitcoin: Series)
        -> [BreakoutBasis: HalvingConfound] {
        aftermath.mapValues { table in
            HalvingConfound(breakouts: table.episodes.map(\.breakout), bitcoin: bitcoin, asOf: table.asOf,
                            horizons: table.horizons)
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
