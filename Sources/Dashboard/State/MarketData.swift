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
    /// The analysis panels' numbers, derived once here (correlation windows also on demand).
    public private(set) var analysis: Analysis
    /// The companies behind each quarter of the loss-making share, when it was computed from SEC filings.
    public var lossShareCoverage = LossShareCoverage()

    /// Derives what the dashboard needs from the series.
    ///
    /// - Parameters:
    ///   - flows: net flows per fund (`flows.<fund>`), daily or monthly, in US dollars.
    ///   - lossShare: the share of loss-making Russell 2000 companies by quarter, in percent.
    ///   - correlationWindows: the correlation windows to have now (the one going on screen); `AppState`
    ///     adds any other when it is chosen.
    ///
    /// The two sides are derived on two threads when the data is large (at a million days each takes 5 to
    /// 40 ms, and a small machine has two cores), the correlation windows with Bitcoin's side.
    public init(index: Series, bitcoin: Series, isDemo: Bool = false, quietDays: Int = 250,
                flows: [ValueSeries] = [], lossShare: ValueSeries = ValueSeries(id: Analysis.lossShareID),
                correlationWindows: [Int] = Analysis.correlationWindows) {
        let windows = Set(correlationWindows).filter { $0 >= 2 }.sorted()
        let split = isWorthTwoThreads(points: index.count + bitcoin.count)
        let ((bitcoinSide, correlations), indexSide) = concurrently(if: split) {
            (BitcoinSide(bitcoin), RollingCorrelation.windows(windows, of: index, bitcoin).map(CorrelationWindow.init))
        } and: {
            IndexSide(index, quietDays: quietDays)
        }
        self.init(index: indexSide, bitcoin: bitcoinSide, isDemo: isDemo, flows: flows, lossShare: lossShare,
                  correlations: correlations)
    }

    /// Puts together two sides derived separately, with the correlation windows to have now.
    ///
    /// The caller vouches that `correlations` were computed from exactly these two series (the store keeps the
    /// standard windows computed). What needs both sides, the breakouts' aftermath, is derived here.
    public init(index: IndexSide, bitcoin: BitcoinSide, isDemo: Bool = false, flows: [ValueSeries] = [],
                lossShare: ValueSeries = ValueSeries(id: Analysis.lossShareID), correlations: [CorrelationWindow]) {
        self.index = index.series
        self.bitcoin = bitcoin.series
        self.isDemo = isDemo
        quietDays = index.quietDays
        indexPyramid = index.pyramid
        bitcoinPyramid = bitcoin.pyramid
        breakoutsByBasis = index.breakouts
        let aftermath = Analysis.aftermath(breakouts: index.breakouts, index: index.series, bitcoin: bitcoin.series)
        analysis = Analysis(index: index.series, bitcoin: bitcoin.series,
                            cycles: (bitcoin.cycles, bitcoin.cyclePyramids), aftermath: aftermath, flows: flows,
                            lossShare: lossShare)
        analysis.insert(correlations)
    }

    /// Makes sure a correlation window is computed.
    public mutating func addCorrelation(window: Int) { analysis.addCorrelation(window: window) }

    /// Makes sure the whole history's lead–lag correlation is computed.
    public mutating func addLeadLag() { analysis.addLeadLag() }

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
