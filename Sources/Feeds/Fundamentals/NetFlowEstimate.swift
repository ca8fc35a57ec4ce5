import Foundation
import Markets

/// Daily net flows of a fund estimated from its snapshots: Δ shares outstanding × NAV.
///
/// Shares are created and redeemed at NAV, so the change in shares outstanding since the previous
/// snapshot, priced at today's NAV, is the money that came in (or went out); market moves change the
/// NAV, not the share count, and so are left out. Two cases need care:
///
/// - **A day with no NAV** gives no flow, and is not used as the base of the next one: the next day with
///   a NAV is compared with the last day that had one, so the shares created in between are counted
///   once, at the first NAV known after them. Pricing them at zero or at a guessed NAV would invent a
///   number; dropping them would lose real money that moved.
/// - **A share split** multiplies the shares outstanding by k and divides the NAV by k without any money
///   moving. Taken naively it is a flow of (k − 1) × the fund's assets. A step where the NAV changes by a
///   factor within 3 % of a whole number k ≥ 2 (or of 1/k) is read as a k-for-1 (or 1-for-k) split: the
///   previous share count is restated as k × (or ÷ k) before the difference is taken. No index fund's
///   NAV moves by half in a day, so the test does not mistake a market move for a split.
public enum NetFlowEstimate {
    /// How close, relatively, the NAV ratio must be to a whole number to be read as a split.
    public static let splitTolerance = 0.03

    /// The split factor of a step from one NAV to the next: k for a k-for-1 split, 1/k for a reverse
    /// split, 1 when there is none.
    public static func splitFactor(previousNAV: Double, nav: Double) -> Double {
        guard previousNAV > 0, nav > 0 else { return 1 }
        for (ratio, inverse) in [(previousNAV / nav, false), (nav / previousNAV, true)] where ratio >= 1.5 {
            let whole = ratio.rounded()
            if whole >= 2, abs(ratio - whole) / whole <= splitTolerance { return inverse ? 1 / whole : whole }
        }
        return 1
    }

    /// The daily net flows, in US dollars, dated on the later day of each step; needs two snapshots with a NAV.
    ///
    /// Snapshots may come in any order; one per day (the last wins).
    public static func dailyFlows(_ snapshots: [FundSnapshot], id: SeriesID) -> ValueSeries {
        let byDay = Dictionary(snapshots.map { ($0.day, $0) }, uniquingKeysWith: { $1 })
        var points: [(day: Day, value: Double)] = []
        var base: FundSnapshot?
        for snapshot in byDay.values.sorted(by: { $0.day < $1.day }) {
            guard let nav = snapshot.nav, nav > 0, snapshot.sharesOutstanding > 0 else { continue }
            if let previous = base, let previousNAV = previous.nav {
                let factor = splitFactor(previousNAV: previousNAV, nav: nav)
                let flow = (snapshot.sharesOutstanding - previous.sharesOutstanding * factor) * nav
                points.append((snapshot.day, flow))
            }
            base = snapshot
        }
        return ValueSeries(id: id, points: points)
    }
}
