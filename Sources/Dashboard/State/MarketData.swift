import Markets

/// The two series on the chart with everything derived from them once per data change.
///
/// Deriving here (breakouts on both bases, min/max pyramids) keeps a frame's cost about the screen width:
/// `view` only looks things up.
public struct MarketData: Sendable {
    /// The Russell 2000 index.
    public let index: Series
    /// Bitcoin in US dollars.
    public let bitcoin: Series
    /// Whether this is the synthetic demo set, never real prices.
    public let isDemo: Bool
    /// Pyramids over the closes, for drawing and for axis extents.
    public let indexPyramid: MinMaxPyramid
    public let bitcoinPyramid: MinMaxPyramid
    /// The quiet period the breakouts below were found with.
    public let quietDays: Int
    private let breakoutsByBasis: [BreakoutBasis: [Breakout]]
    /// The analysis panels' numbers that come with the data.
    public let analysis: Analysis
    /// The slow numbers computed from this data so far (see `Derivation`); `update` asks for the rest.
    public var derived = DerivedValues()
    /// The companies behind each quarter of the loss-making share, when it was computed from SEC filings.
    public var lossShareCoverage = LossShareCoverage()

    /// Derives what the dashboard needs from the series, in turn on the calling thread.
    ///
    /// - Parameters:
    ///   - flows: net flows per fund (`flows.<fund>`), daily or monthly, in US dollars.
    ///   - lossShare: the share of loss-making Russell 2000 companies by quarter, in percent.
    ///   - correlationWindows: the correlation windows to compute now; the dashboard asks for any other
    ///     with `Cmd.derive` when it is chosen.
    ///
    /// A loader of large data derives the two sides on two threads instead and puts them together with
    /// `init(index:bitcoin:...)` below.
    public init(index: Series, bitcoin: Series, isDemo: Bool = false, quietDays: Int = 250,
                flows: [ValueSeries] = [], lossShare: ValueSeries = ValueSeries(id: Analysis.lossShareID),
                correlationWindows: [Int] = Analysis.correlationWindows) {
        self.init(index: IndexSide(index, quietDays: quietDays), bitcoin: BitcoinSide(bitcoin), isDemo: isDemo,
                  flows: flows, lossShare: lossShare)
        derived = DerivedValues(computing: correlationWindows.filter { $0 >= 2 }.map { .correlation(window: $0) },
                                from: self)
    }

    /// Puts together two sides derived separately; what needs both sides, the breakouts' aftermath, is derived here.
    public init(index: IndexSide, bitcoin: BitcoinSide, isDemo: Bool = false, flows: [ValueSeries] = [],
                lossShare: ValueSeries = ValueSeries(id: Analysis.lossShareID)) {
        self.index = index.series
        self.bitcoin = bitcoin.series
        self.isDemo = isDemo
        quietDays = index.quietDays
        indexPyramid = index.pyramid
        bitcoinPyramid = bitcoin.pyramid
        breakoutsByBasis = index.breakouts
        let aftermath = Analysis.aftermath(breakouts: index.breakouts, index: index.series, bitcoin: bitcoin.series)
        analysis = Analysis(cycles: (bitcoin.cycles, bitcoin.cyclePyramids), aftermath: aftermath,
                            confound: Analysis.confound(aftermath, bitcoin: bitcoin.series), flows: flows,
                            lossShare: lossShare)
    }

    /// No data at all.
    public static let empty = MarketData(index: Series(id: .rut), bitcoin: Series(id: .btc))

    /// Whether there is nothing to chart.
    public var isEmpty: Bool { index.isEmpty && bitcoin.isEmpty }

    /// The days covered by either series, or nil when both are empty.
    public var bounds: DayRange? {
        switch (index.dayRange, bitcoin.dayRange) {
        case let (a?, b?): return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return nil
        }
    }

    /// The index's breakouts on a basis.
    public func breakouts(basis: BreakoutBasis) -> [Breakout] { breakoutsByBasis[basis] ?? [] }

}
