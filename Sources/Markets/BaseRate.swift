/// A series' h-day return from every start day of its history: the base rate a breakout's return is compared with.
///
/// The return is the one `BreakoutAftermath` uses: the close on or before `start + h` over the close on the start
/// day, minus one. Every day with a finite, positive close is a start day when `start + h` is on or before both the
/// series' last day and `asOf`. Windows from consecutive start days overlap (a 365-day return shares 364 days with
/// the next one), so the start days are far more than the independent observations behind the numbers.
///
/// The returns are not kept: a million start days would hold 8 MB per horizon and series. Values to rank are given
/// at init, and their percentiles come back in `percentiles`. O(n log k) per horizon for k values to rank (one
/// walk that also places each return among the values, one selection for the median).
public struct BaseRate: Hashable, Sendable {
    /// The horizon in calendar days.
    public var horizon: Int
    /// How many start days have a return.
    public var startCount: Int
    /// The first and last start day with a return, nil when there is none.
    public var starts: DayRange?
    /// The median return (the mean of the middle two for an even count), nil without start days.
    public var median: Double?
    /// The share of start days with a gain (return above zero), in 0...1; nil without start days.
    public var shareUp: Double?
    /// The mid-rank percentile of each value given at init, in 0...100; nil for a nil value or without start days.
    public var percentiles: [Double?]

    /// Measures the h-day returns of a series from every start day, and ranks values among them.
    ///
    /// - Parameters:
    ///   - series: daily closes.
    ///   - horizon: calendar days from start to end, at least 1.
    ///   - asOf: the last day of data taken into account (an end day after it does not count).
    ///   - values: returns to rank, for example each breakout's; nil stays nil.
    ///
    /// The percentile of a value `r` is 100 × (start days with a return below `r` + ½ × those equal to it) ÷ start
    /// days, so a value equal to every return ranks 50 and one above all ranks 100.
    public init(_ series: Series, horizon: Int, asOf: Day, ranking values: [Double?] = []) {
        precondition(horizon >= 1, "BaseRate: a horizon needs at least one day")
        self.horizon = horizon
        var returns = BaseRate.returns(series, horizon: horizon, asOf: asOf)
        startCount = returns.values.count
        starts = returns.values.isEmpty ? nil : returns.firstStart...returns.lastStart
        guard startCount > 0 else {
            median = nil; shareUp = nil; percentiles = values.map { _ in nil }
            return
        }
        // Each return is placed among the distinct values to rank by a binary search: O(n log k) for k values,
        // where comparing every return with every value cost O(n k) (a million days hold hundreds of breakouts).
        let ranked = Array(Set(values.compactMap { $0 })).sorted()
        var passed = [Int](repeating: 0, count: ranked.count + 1), equal = [Int](repeating: 0, count: ranked.count)
        var gains = 0
        ranked.withUnsafeBufferPointer { ranked in
            for r in returns.values {
                if r > 0 { gains += 1 }
                // The first ranked value above r: r is below it and every later one.
                let above = BaseRate.firstIndex(above: r, in: ranked)
                passed[above] += 1
                if above > 0, ranked[above - 1] == r { equal[above - 1] += 1 }
            }
        }
        shareUp = Double(gains) / Double(startCount)
        // below[j]: returns under ranked[j], those whose first value above is at j or before.
        var below = [Int](repeating: 0, count: ranked.count), running = 0
        for j in ranked.indices { running += passed[j]; below[j] = running }
        let n = Double(startCount)
        percentiles = values.map { value in
            guard let value, let j = ranked.firstIndex(of: value) else { return nil }
            return 100 * (Double(below[j]) + 0.5 * Double(equal[j])) / n
        }
        median = Selection.median(&returns.values)
    }

    /// The position of the first value above `r` in ascending values (their count when none is), without
    /// branching on the comparisons: a million returns against hundreds of breakouts mispredict no jumps.
    @inline(__always)
    static func firstIndex(above r: Double, in sorted: UnsafeBufferPointer<Double>) -> Int {
        var low = 0, length = sorted.count
        while length > 0 {
            let half = length / 2
            let goesRight = sorted[low + half] <= r
            low = goesRight ? low + half + 1 : low
            length = goesRight ? length - half - 1 : half
        }
        return low
    }

    /// The h-day returns from every start day, with the first and last start day that has one.
    static func returns(_ series: Series, horizon: Int, asOf: Day)
        -> (values: [Double], firstStart: Day, lastStart: Day) {
        var values: [Double] = []
        var first = Day(rawValue: 0), last = Day(rawValue: 0)
        guard let lastDay = series.days.last else { return (values, first, last) }
        let limit = min(lastDay, asOf)
        values.reserveCapacity(series.count)
        series.days.withUnsafeBufferPointer { days in
            series.closes.withUnsafeBufferPointer { closes in
                var end = 0
                for start in 0..<days.count {
                    let target = days[start].adding(days: horizon)
                    if target > limit { break }
                    let base = closes[start]
                    guard base > 0, base.isFinite else { continue }
                    // The end index only moves forward: the last day on or before the target.
                    if end < start { end = start }
                    while end + 1 < days.count, days[end + 1] <= target { end += 1 }
                    let close = closes[end]
                    guard close.isFinite else { continue }
                    if values.isEmpty { first = days[start] }
                    last = days[start]
                    values.append(close / base - 1)
                }
            }
        }
        return (values, first, last)
    }
}

/// Order statistics without a full sort.
enum Selection {
    /// The median of the values (the mean of the middle two for an even count), nil when empty; reorders them.
    ///
    /// Expected O(n): a selection with median-of-three pivots that falls back to sorting the part it is left
    /// with when the pivots keep choosing badly.
    static func median(_ values: inout [Double]) -> Double? {
        let n = values.count
        guard n > 0 else { return nil }
        let upper = n / 2
        select(&values, upper)
        let high = values[upper]
        guard n % 2 == 0 else { return high }
        // After selecting, everything before `upper` is at most `high`: the lower middle is their largest.
        var low = values[0]
        for i in 1..<upper where values[i] > low { low = values[i] }
        return (low + high) / 2
    }

    /// Reorders the values so that position `k` holds the value a sort would put there, with nothing larger
    /// before it and nothing smaller after it.
    static func select(_ values: inout [Double], _ k: Int) {
        var lo = 0, hi = values.count - 1
        var budget = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 8
        values.withUnsafeMutableBufferPointer { a in
            while hi > lo {
                budget -= 1
                if budget < 0 {
                    a[lo...hi].sort()
                    return
                }
                let mid = lo + (hi - lo) / 2
                // Median of three as the pivot, moved to `hi`.
                if a[mid] < a[lo] { a.swapAt(mid, lo) }
                if a[hi] < a[lo] { a.swapAt(hi, lo) }
                if a[mid] < a[hi] { a.swapAt(mid, hi) }
                let pivot = a[hi]
                // Three-way partition: [lo, lt) below, [lt, gt] equal, (gt, hi] above.
                var lt = lo, i = lo, gt = hi
                while i <= gt {
                    if a[i] < pivot { a.swapAt(lt, i); lt += 1; i += 1 }
                    else if a[i] > pivot { a.swapAt(i, gt); gt -= 1 }
                    else { i += 1 }
                }
                if k < lt { hi = lt - 1 } else if k > gt { lo = gt + 1 } else { return }
            }
        }
    }
}
