/// Where each breakout falls in the halving cycle, and what Bitcoin did from the same point of the other cycles.
///
/// Every index breakout so far came a few months after a halving, so "Bitcoin rose after the breakout" may only
/// say "Bitcoin rose at this point of the cycle". For a breakout `d` days after the latest halving before it, each
/// other mined halving `H` gives a start day `H + d`, and Bitcoin's return from there over each horizon is measured
/// the way `BreakoutAftermath` measures it (close on or before `H + d + h` over close on or before `H + d`). A
/// return is nil where the start is before Bitcoin's data or the end after it (or after `asOf`).
public struct HalvingConfound: Hashable, Sendable {
    /// Bitcoin from the same day since another halving.
    public struct Comparison: Hashable, Sendable {
        /// The other cycle's halving.
        public var halving: Halving
        /// The halving's day plus the breakout's days since its own halving.
        public var start: Day
        /// Bitcoin's return from `start` at each horizon, nil where the data does not reach.
        public var returns: [Double?]
    }

    /// One breakout's place in its cycle.
    public struct Row: Hashable, Sendable {
        /// The breakout.
        public var breakout: Breakout
        /// The latest mined halving on or before the breakout, nil before the first.
        public var halving: Halving?
        /// Calendar days from that halving to the breakout.
        public var daysSinceHalving: Int?
        /// The other mined halvings, in order, nothing when `halving` is nil.
        public var comparisons: [Comparison]
    }

    /// The horizons in calendar days.
    public var horizons: [Int]
    /// One row per breakout, in the order given.
    public var rows: [Row]

    /// Places each breakout in its halving cycle and measures Bitcoin from the same day of the other cycles.
    ///
    /// - Parameters:
    ///   - breakouts: the index's breakouts.
    ///   - bitcoin: Bitcoin's closes.
    ///   - asOf: the last day of data taken into account.
    ///   - horizons: calendar days after each start.
    ///   - halvings: the schedule; estimates are left out.
    public init(breakouts: [Breakout], bitcoin: Series, asOf: Day,
                horizons: [Int] = BreakoutAftermath.defaultHorizons, halvings: [Halving] = HalvingSchedule.known) {
        self.horizons = horizons
        let mined = halvings.filter { !$0.isEstimate }.sorted { $0.day < $1.day }
        rows = breakouts.map { breakout in
            guard let own = mined.last(where: { $0.day <= breakout.day }) else {
                return Row(breakout: breakout, halving: nil, daysSinceHalving: nil, comparisons: [])
            }
            let days = own.day.distance(to: breakout.day)
            let comparisons = mined.filter { $0 != own }.map { other in
                let start = other.day.adding(days: days)
                return Comparison(halving: other, start: start,
                                  returns: BreakoutAftermath.returns(of: bitcoin, after: start, horizons, asOf: asOf))
            }
            return Row(breakout: breakout, halving: own, daysSinceHalving: days, comparisons: comparisons)
        }
    }
}
