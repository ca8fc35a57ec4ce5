import Foundation

/// The lead–lag correlation of two series' daily log returns: r(k) for each lag k in aligned days.
///
/// The returns are those of `RollingCorrelation`: an inner join on calendar day, returns between consecutive
/// shared days (a Monday return of Bitcoin spans the weekend), return `t` ending on shared day `t + 1`. For a lag
/// `k`, r(k) is the Pearson correlation of the first series' return `t` with the second's return `t + k`, over
/// every `t` where both returns exist and are finite; k > 0 means the first series (the index) leads. Over a range
/// of days, only returns that end inside the range take part, on either side of a pair.
///
/// With n pairs, a correlation inside ±1.96/√n is what uncorrelated returns give 95% of the time. O(lags · n).
public struct LeadLag: Hashable, Sendable {
    /// The correlation at one lag.
    public struct Point: Hashable, Sendable {
        /// The lag in aligned days; positive when the first series leads.
        public var lag: Int
        /// Pearson's r, or NaN when fewer than two pairs exist or either side is constant.
        public var correlation: Double
        /// The pairs of returns behind it.
        public var pairs: Int

        /// Makes a point.
        public init(lag: Int, correlation: Double, pairs: Int) {
            self.lag = lag
            self.correlation = correlation
            self.pairs = pairs
        }

        /// Half the width of the 95% band around zero, 1.96/√pairs; NaN without pairs.
        public var band: Double { pairs > 0 ? 1.96 / Double(pairs).squareRoot() : .nan }
    }

    /// The id of the first series (the one that leads at positive lags).
    public var aID: SeriesID
    /// The id of the second series.
    public var bID: SeriesID
    /// One point per lag, from `-maxLag` to `maxLag`.
    public var points: [Point]
    /// The first and last day a return taking part ends on, nil when none does.
    public var days: DayRange?
    /// The number of returns in the range (the pairs at lag 0 when all are finite).
    public var returnCount: Int

    /// Correlates two price series' returns at each lag from `-maxLag` to `maxLag`, over returns ending in `range`.
    ///
    /// Only the days of the range, and the last shared day before it, are aligned: O(lags · days in range).
    public init(_ first: Series, _ second: Series, maxLag: Int = 30, range: DayRange? = nil) {
        guard let range else {
            self.init(AlignedPair(first, second), maxLag: maxLag)
            return
        }
        let from = LeadLag.lastSharedDay(before: range.lowerBound, first, second) ?? range.lowerBound
        let span = from...Swift.max(from, range.upperBound)
        self.init(AlignedPair(first.slice(span), second.slice(span)), maxLag: maxLag, range: range)
    }

    /// The last day before `day` that both series have, nil when they share none before it.
    static func lastSharedDay(before day: Day, _ first: Series, _ second: Series) -> Day? {
        var i = first.firstIndex(onOrAfter: day) - 1, j = second.firstIndex(onOrAfter: day) - 1
        while i >= 0, j >= 0 {
            let a = first.days[i], b = second.days[j]
            if a == b { return a }
            if a > b { i -= 1 } else { j -= 1 }
        }
        return nil
    }

    /// Correlates an aligned pair's returns at each lag from `-maxLag` to `maxLag`, over returns ending in `range`.
    public init(_ pair: AlignedPair, maxLag: Int = 30, range: DayRange? = nil) {
        precondition(maxLag >= 0, "LeadLag: the largest lag cannot be negative")
        aID = pair.aID
        bID = pair.bID
        let x = logReturns(pair.a), y = logReturns(pair.b)
        let ends = Array(pair.days.dropFirst())
        var lo = 0, hi = x.count
        if let range {
            lo = ends.partitioningIndex { $0 >= range.lowerBound }
            hi = max(lo, ends.partitioningIndex { $0 > range.upperBound })
        }
        returnCount = hi - lo
        days = hi > lo ? ends[lo]...ends[hi - 1] : nil
        points = (-maxLag...maxLag).map { k in
            let (r, n) = LeadLag.pearson(x, y, lag: k, in: lo..<hi)
            return Point(lag: k, correlation: r, pairs: n)
        }
    }

    /// The point with the largest |r|; ties go to the lag nearest zero, then to the negative one. Nil when no
    /// lag has a correlation.
    public var strongest: Point? {
        points.filter { !$0.correlation.isNaN }.min { a, b in
            let (ra, rb) = (abs(a.correlation), abs(b.correlation))
            if ra != rb { return ra > rb }
            if abs(a.lag) != abs(b.lag) { return abs(a.lag) < abs(b.lag) }
            return a.lag < b.lag
        }
    }

    /// The point at a lag, nil outside `-maxLag...maxLag`.
    public func point(lag: Int) -> Point? { points.first { $0.lag == lag } }

    /// The largest lag computed.
    public var maxLag: Int { points.last?.lag ?? 0 }

    /// Pearson's r of `x[t]` and `y[t + lag]` over `t` with both indices in `window` and both values finite.
    ///
    /// Deviations are taken from the window's own means (computed first), so the sums do not cancel
    /// catastrophically; a constant side is found exactly (its smallest and largest value agree) and gives NaN.
    static func pearson(_ x: [Double], _ y: [Double], lag: Int, in window: Range<Int>) -> (Double, Int) {
        let start = max(window.lowerBound, window.lowerBound - lag)
        let stop = min(window.upperBound, window.upperBound - lag)
        guard stop > start else { return (.nan, 0) }
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                var n = 0, sumX = 0.0, sumY = 0.0
                var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
                for t in start..<stop {
                    let a = x[t], b = y[t + lag]
                    guard a.isFinite, b.isFinite else { continue }
                    n += 1; sumX += a; sumY += b
                    minX = Swift.min(minX, a); maxX = Swift.max(maxX, a)
                    minY = Swift.min(minY, b); maxY = Swift.max(maxY, b)
                }
                guard n >= 2, minX < maxX, minY < maxY else { return (.nan, n) }
                let meanX = sumX / Double(n), meanY = sumY / Double(n)
                var sxx = 0.0, syy = 0.0, sxy = 0.0
                for t in start..<stop {
                    let a = x[t], b = y[t + lag]
                    guard a.isFinite, b.isFinite else { continue }
                    let dx = a - meanX, dy = b - meanY
                    sxx += dx * dx; syy += dy * dy; sxy += dx * dy
                }
                let r = sxy / (sxx * syy).squareRoot()
                return (Swift.min(1, Swift.max(-1, r)), n)
            }
        }
    }
}
