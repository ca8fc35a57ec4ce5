import Markets

/// Numbers a panel needs that are slow to compute from the data, such as another correlation window.
///
/// `update` never computes them: it asks with `Cmd.derive`, the runtime calls `compute(from:)` off the loop
/// and the answer comes back as `Msg.derived`; meanwhile the panel says it is computing. A new kind of derived
/// number is one case here, its case in `DerivedValue`, and its arm in `compute(from:)`.
public enum Derivation: Hashable, Sendable {
    /// The rolling correlation of daily log returns of the index and Bitcoin over a trailing window of aligned days.
    case correlation(window: Int)
    /// The lead–lag correlation of the index's and Bitcoin's daily log returns at lags up to
    /// `Analysis.leadLagMaxLag` each way, over returns ending in a range (nil: the whole history).
    case leadLag(range: DayRange?)
    /// The base rates the aftermath table ranks each breakout's returns among, for every breakout basis.
    case baseRates

    /// Computes the answer from the data; pure, O(n) (25 to 40 ms for a correlation window at a million days).
    public func compute(from data: MarketData) -> DerivedValue {
        switch self {
        case .correlation(let window):
            return .correlation(CorrelationWindow(RollingCorrelation(data.index, data.bitcoin, window: window)))
        case .leadLag(let range):
            // 61 passes over the returns in the range: about 0.5 ms at 3,000 days, 100 ms or more at a million.
            return .leadLag(LeadLag(data.index, data.bitcoin, maxLag: Analysis.leadLagMaxLag, range: range))
        case .baseRates:
            // Eight passes and selections over the two series: under a millisecond at 3,000 days.
            return .baseRates(AftermathEvidence.measure(data.analysis.aftermath, index: data.index,
                                                        bitcoin: data.bitcoin))
        }
    }
}

/// The answer to a `Derivation`.
public enum DerivedValue: Sendable {
    case correlation(CorrelationWindow)
    case leadLag(LeadLag)
    case baseRates([BreakoutBasis: AftermathEvidence])
}
