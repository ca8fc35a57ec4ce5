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
    ///   - precomputed: correlations of these two series computed earlier (the store keeps the standard
    ///     windows); a window found here is used instead of computed. The caller vouches that they were
    ///     computed from exactly these series.
    ///
    /// The work is split over two threads: at a million days each side takes 10 to 40 ms, and a small
    /// machine has two cores. One computes the correlation windows not given, Bitcoin's pyramid and the
    /// halving cycles; the other the index's pyramid, the breakouts and the rest of the analysis.
    public init(index: Series, bitcoin: Series, isDemo: Bool = false, quietDays: Int = 250,
                flows: [ValueSeries] = [], lossShare: ValueSeries = ValueSeries(id: Analysis.lossShareID),
                correlationWindows: [Int] = Analysis.correlationWindows, precomputed: [RollingCorrelation] = []) {
        self.index = index
        self.bitcoin = bitcoin
        self.isDemo = isDemo
        self.quietDays = quietDays
        let given = Dictionary(precomputed.map { ($0.window, $0) }, uniquingKeysWith: { first, _ in first })
        let ((correlations, bitcoinPyramid, cycles), (indexPyramid, found, aftermath)) = concurrently {
            var correlations: [Int: (correlation: RollingCorrelation, pyramid: MinMaxPyramid)] = [:]
            for window in Set(correlationWindows) where window >= 2 {
                correlations[window] = given[window].map(Analysis.drawable)
                    ?? Analysis.correlation(window: window, index: index, bitcoin: bitcoin)
            }
            return (correlations, MinMaxPyramid(bitcoin.closes), Analysis.cycles(bitcoin: bitcoin))
        } and: {
            var found: [BreakoutBasis: [Breakout]] = [:]
            for basis in BreakoutBasis.allCases {
                found[basis] = detectBreakouts(in: index, basis: basis, quietDays: quietDays)
            }
            return (MinMaxPyramid(index.closes), found, Analysis.aftermath(breakouts: found, index: index, bitcoin: bitcoin))
        }
        self.indexPyramid = indexPyramid
        self.bitcoinPyramid = bitcoinPyramid
        breakoutsByBasis = found
        analysis = Analysis(index: index, bitcoin: bitcoin, cycles: cycles, aftermath: aftermath, flows: flows,
                            lossShare: lossShare)
        self.analysis.insert(correlations)
    }

    /// Makes sure a correlation window is computed.
    public mutating func addCorrelation(window: Int) { analysis.addCorrelation(window: window) }

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
