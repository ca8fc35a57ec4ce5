/// What happened after each index breakout: the returns of Bitcoin and of the index at fixed horizons.
///
/// An event study with very few events. For breakout day `t` and horizon `h` calendar days, a series' return is
/// `close(on or before t + h) / close(on or before t) - 1`, a simple return (0.5 = +50%). A horizon whose day
/// `t + h` is after the last day of that series' data, or after `asOf`, has no value yet (shown as "—"); so does
/// every horizon of a series with no close on or before `t`. Breakouts after `asOf` are left out.
///
/// Built once per data change in O(k · log n) for k breakouts; the table reads it directly.
public struct BreakoutAftermath: Sendable {
    /// The horizons the dashboard shows, in calendar days.
    public static let defaultHorizons = [30, 90, 180, 365]

    /// One breakout and the returns that followed it, one entry per horizon.
    public struct Episode: Hashable, Sendable {
        /// The breakout.
        public var breakout: Breakout
        /// The index's return at each horizon, nil where the data does not reach yet.
        public var indexReturns: [Double?]
        /// Bitcoin's return at each horizon, nil where the data does not reach yet.
        public var bitcoinReturns: [Double?]

        /// Makes an episode.
        public init(breakout: Breakout, indexReturns: [Double?], bitcoinReturns: [Double?]) {
            self.breakout = breakout
            self.indexReturns = indexReturns
            self.bitcoinReturns = bitcoinReturns
        }
    }

    /// The horizons, in calendar days after the breakout.
    public var horizons: [Int]
    /// The last day of data taken into account.
    public var asOf: Day
    /// The episodes in breakout order.
    public var episodes: [Episode]
    /// Per horizon, the count, mean and median of Bitcoin's returns over the episodes that have one.
    public var bitcoinSummary: [ReturnSummary]
    /// Per horizon, the count, mean and median of the index's returns over the episodes that have one.
    public var indexSummary: [ReturnSummary]

    /// Measures the aftermath of each breakout in both series.
    ///
    /// - Parameters:
    ///   - breakouts: index breakouts, for example from `detectBreakouts`.
    ///   - index: the index the breakouts were found in.
    ///   - bitcoin: the Bitcoin series.
    ///   - asOf: the last day of data, normally the later of the two series' last days.
    ///   - horizons: calendar days after each breakout.
    public init(breakouts: [Breakout], index: Series, bitcoin: Series, asOf: Day,
                horizons: [Int] = BreakoutAftermath.defaultHorizons) {
        self.horizons = horizons
        self.asOf = asOf
        let episodes = breakouts.filter { $0.day <= asOf }.sorted { $0.day < $1.day }.map { breakout in
            Episode(breakout: breakout,
                    indexReturns: BreakoutAftermath.returns(of: index, after: breakout.day, horizons, asOf: asOf),
                    bitcoinReturns: BreakoutAftermath.returns(of: bitcoin, after: breakout.day, horizons, asOf: asOf))
        }
        self.episodes = episodes
        bitcoinSummary = horizons.indices.map { h in
            ReturnSummary(horizon: horizons[h], returns: episodes.compactMap { $0.bitcoinReturns[h] })
        }
        indexSummary = horizons.indices.map { h in
            ReturnSummary(horizon: horizons[h], returns: episodes.compactMap { $0.indexReturns[h] })
        }
    }

    /// The number of breakouts in the table.
    public var episodeCount: Int { episodes.count }

    /// A series' return from the close on or before `day` to the close on or before `day + h`, per horizon.
    static func returns(of series: Series, after day: Day, _ horizons: [Int], asOf: Day) -> [Double?] {
        guard let last = series.days.last, let start = series.close(onOrBefore: day), start > 0, start.isFinite
        else { return horizons.map { _ in nil } }
        return horizons.map { h in
            let target = day.adding(days: h)
            guard target <= last, target <= asOf, let end = series.close(onOrBefore: target), end.isFinite
            else { return nil }
            return end / start - 1
        }
    }
}

/// The count, mean and median of the returns available at one horizon; a small sample, said plainly.
public struct ReturnSummary: Hashable, Sendable {
    /// The horizon in calendar days.
    public var horizon: Int
    /// How many episodes have a return at this horizon.
    public var count: Int
    /// The mean return, nil when no episode has one.
    public var mean: Double?
    /// The median return (the mean of the middle two for an even count), nil when no episode has one.
    public var median: Double?

    /// Summarises the available returns of one horizon.
    public init(horizon: Int, returns: [Double]) {
        self.horizon = horizon
        count = returns.count
        guard !returns.isEmpty else { return }
        mean = returns.reduce(0, +) / Double(returns.count)
        let sorted = returns.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
