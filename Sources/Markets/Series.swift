/// A daily series, sorted by day with one bar per day, stored as columns.
///
/// Columns keep a million bars compact and let charting code walk one field without touching the others.
/// Missing open, high, low and volume values are NaN in their columns and nil through `bar(at:)`.
public struct Series: Hashable, Sendable {
    public var id: SeriesID
    public private(set) var days: [Day]
    public private(set) var opens: [Double]
    public private(set) var highs: [Double]
    public private(set) var lows: [Double]
    public private(set) var closes: [Double]
    public private(set) var volumes: [Double]

    /// An empty series.
    public init(id: SeriesID) {
        self.id = id
        days = []; opens = []; highs = []; lows = []; closes = []; volumes = []
    }

    /// Makes a series from bars in any order; for a repeated day the last bar wins.
    public init(id: SeriesID, bars: [Bar]) {
        self.init(id: id)
        var sorted = bars.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
        // keep the last of each day
        var unique: [Bar] = []
        unique.reserveCapacity(sorted.count)
        for bar in sorted {
            if let last = unique.last, last.day == bar.day { unique[unique.count - 1] = bar } else { unique.append(bar) }
        }
        sorted = unique
        reserveCapacity(sorted.count)
        for bar in sorted { appendUnchecked(bar) }
    }

    /// Makes a series from its columns, which must have one entry per day and days strictly ascending.
    ///
    /// Missing open, high, low and volume values are NaN. Checks the order in one pass; much faster than
    /// appending bar by bar for a store's million rows.
    public init(id: SeriesID, days: [Day], opens: [Double], highs: [Double], lows: [Double], closes: [Double],
                volumes: [Double]) {
        let n = days.count
        precondition(opens.count == n && highs.count == n && lows.count == n && closes.count == n && volumes.count == n,
                     "Series: columns of different lengths")
        for i in days.indices.dropFirst() {
            precondition(days[i - 1] < days[i], "Series: \(days[i]) is not after \(days[i - 1])")
        }
        self.id = id
        self.days = days; self.opens = opens; self.highs = highs; self.lows = lows
        self.closes = closes; self.volumes = volumes
    }

    /// Number of bars.
    public var count: Int { days.count }
    /// Whether the series has no bars.
    public var isEmpty: Bool { days.isEmpty }
    /// The first and last day, or nil when empty.
    public var dayRange: DayRange? { days.isEmpty ? nil : days[0]...days[days.count - 1] }

    /// The bar at a position.
    public func bar(at index: Int) -> Bar {
        Bar(day: days[index], open: Series.optional(opens[index]), high: Series.optional(highs[index]),
            low: Series.optional(lows[index]), close: closes[index], volume: Series.optional(volumes[index]))
    }

    /// All bars in day order.
    public var bars: [Bar] { (0..<count).map(bar(at:)) }

    /// The high of a day, or its close when the source gave no high.
    public func highOrClose(at index: Int) -> Double { highs[index].isNaN ? closes[index] : highs[index] }

    /// Reserves room for a number of bars.
    public mutating func reserveCapacity(_ n: Int) {
        days.reserveCapacity(n); opens.reserveCapacity(n); highs.reserveCapacity(n)
        lows.reserveCapacity(n); closes.reserveCapacity(n); volumes.reserveCapacity(n)
    }

    /// Appends a bar that is later than every bar already held.
    public mutating func append(_ bar: Bar) {
        precondition(days.last.map { $0 < bar.day } ?? true, "Series.append: \(bar.day) is not after the last day")
        appendUnchecked(bar)
    }

    /// Inserts or replaces the bar for its day, keeping the order.
    public mutating func upsert(_ bar: Bar) {
        let i = firstIndex(onOrAfter: bar.day)
        if i < count, days[i] == bar.day {
            opens[i] = bar.open ?? .nan; highs[i] = bar.high ?? .nan; lows[i] = bar.low ?? .nan
            closes[i] = bar.close; volumes[i] = bar.volume ?? .nan
        } else {
            days.insert(bar.day, at: i); opens.insert(bar.open ?? .nan, at: i); highs.insert(bar.high ?? .nan, at: i)
            lows.insert(bar.low ?? .nan, at: i); closes.insert(bar.close, at: i)
            volumes.insert(bar.volume ?? .nan, at: i)
        }
    }

    private mutating func appendUnchecked(_ bar: Bar) {
        days.append(bar.day); opens.append(bar.open ?? .nan); highs.append(bar.high ?? .nan)
        lows.append(bar.low ?? .nan); closes.append(bar.close); volumes.append(bar.volume ?? .nan)
    }

    // MARK: - Searching by day

    /// Index of the first bar on or after a day (`count` when none).
    public func firstIndex(onOrAfter day: Day) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the last bar on or before a day, or nil when the series starts later.
    public func lastIndex(onOrBefore day: Day) -> Int? {
        let i = firstIndex(onOrAfter: day.adding(days: 1))
        return i == 0 ? nil : i - 1
    }

    /// Index of the bar for exactly this day.
    public func index(of day: Day) -> Int? {
        let i = firstIndex(onOrAfter: day)
        return i < count && days[i] == day ? i : nil
    }

    /// The positions of the bars that fall within a range of days.
    public func indices(in range: DayRange) -> Range<Int> {
        let lo = firstIndex(onOrAfter: range.lowerBound)
        let hi = firstIndex(onOrAfter: range.upperBound.adding(days: 1))
        return lo..<max(lo, hi)
    }

    /// The close on a day, or on the nearest earlier day that has one.
    public func close(onOrBefore day: Day) -> Double? { lastIndex(onOrBefore: day).map { closes[$0] } }

    /// The bars within a range of days as a new series.
    public func slice(_ range: DayRange) -> Series {
        let r = indices(in: range)
        var s = Series(id: id)
        s.days = Array(days[r]); s.opens = Array(opens[r]); s.highs = Array(highs[r])
        s.lows = Array(lows[r]); s.closes = Array(closes[r]); s.volumes = Array(volumes[r])
        return s
    }

    private static func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
}
