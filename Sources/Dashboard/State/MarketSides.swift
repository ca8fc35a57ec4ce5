import Markets

/// The index with what is derived from it alone: its pyramid and its breakouts on both bases.
///
/// One of the two halves `MarketData` is made of. Each half needs only its own series, so a loader can read
/// and derive the two at the same time on two threads.
public struct IndexSide: Sendable {
    /// The Russell 2000 index.
    public let series: Series
    /// A pyramid over the closes, for drawing and for axis extents.
    let pyramid: MinMaxPyramid
    /// The quiet period the breakouts were found with.
    let quietDays: Int
    /// The breakouts to new highs, per basis.
    let breakouts: [BreakoutBasis: [Breakout]]

    /// Derives the pyramid and the breakouts, O(n).
    public init(_ series: Series, quietDays: Int = 250) {
        self.series = series
        self.quietDays = quietDays
        pyramid = MinMaxPyramid(series.closes)
        var found: [BreakoutBasis: [Breakout]] = [:]
        for basis in BreakoutBasis.allCases {
            found[basis] = detectBreakouts(in: series, basis: basis, quietDays: quietDays)
        }
        breakouts = found
    }
}

/// Bitcoin with what is derived from it alone: its pyramid and its halving cycles.
public struct BitcoinSide: Sendable {
    /// Bitcoin in US dollars.
    public let series: Series
    /// A pyramid over the closes, for drawing and for axis extents.
    let pyramid: MinMaxPyramid
    /// The halving cycles, each as multiples of its close on the halving day.
    let cycles: HalvingCycles
    /// A pyramid over each cycle's multiples, in the order of `cycles.cycles`.
    let cyclePyramids: [MinMaxPyramid]

    /// Derives the pyramid and the cycles, O(n).
    public init(_ series: Series) {
        self.series = series
        pyramid = MinMaxPyramid(series.closes)
        cycles = HalvingCycles(bitcoin: series)
        cyclePyramids = cycles.cycles.map { MinMaxPyramid($0.multiples) }
    }
}

/// One rolling-correlation window with the pyramid for drawing it.
public struct CorrelationWindow: Sendable {
    public let correlation: RollingCorrelation
    let pyramid: MinMaxPyramid

    /// Builds the pyramid over the correlation's values, O(n).
    public init(_ correlation: RollingCorrelation) {
        self.correlation = correlation
        pyramid = MinMaxPyramid(correlation.values)
    }
}
