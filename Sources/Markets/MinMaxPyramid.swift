/// The extremes and end values of the points that fall in one output column of a chart.
public struct ColumnExtent: Hashable, Sendable {
    /// The positions of the points this column covers.
    public var indices: Range<Int>
    /// The smallest finite value in the column.
    public var min: Double
    /// The largest finite value in the column.
    public var max: Double
    /// The first finite value in the column, in index order.
    public var first: Double
    /// The last finite value in the column, in index order.
    public var last: Double
    /// The position of `first`.
    public var firstIndex: Int
    /// The position of `last`.
    public var lastIndex: Int

    /// Makes a column extent.
    public init(indices: Range<Int>, min: Double, max: Double, first: Double, last: Double, firstIndex: Int,
                lastIndex: Int) {
        self.indices = indices
        self.min = min
        self.max = max
        self.first = first
        self.last = last
        self.firstIndex = firstIndex
        self.lastIndex = lastIndex
    }
}

/// A min/max decimation pyramid: answers "lowest and highest value in this index range" in O(log n).
///
/// Level 0 holds the values themselves; each next level holds the min and max of pairs of the level below,
/// so it is half as long (rounded up). A range query combines at most two nodes per level. Drawing a chart
/// column by column through the pyramid costs O(columns · log n) and still shows every extreme the
/// full-resolution data has. NaN values are ignored; a range with no finite value has no extent.
public struct MinMaxPyramid: Sendable {
    /// Per level from level 1 up, the minimum of each node (+infinity where a node covers no finite value).
    /// Level 0 is `values` itself, read through `low(at:)` and `high(at:)`, so it costs no copy.
    private var mins: [[Double]]
    /// Per level from level 1 up, the maximum of each node (-infinity where a node covers no finite value).
    private var maxs: [[Double]]
    /// The values as given.
    public let values: [Double]
    /// For each position, the first position at or after it with a finite value (`count` when none);
    /// empty when every value is finite, where it would be the identity.
    private var nextFinite: [Int32]
    /// For each position, the last position at or before it with a finite value (-1 when none); empty
    /// when every value is finite.
    private var previousFinite: [Int32]

    /// Builds the pyramid in O(n) time and about 2n extra doubles of memory (plus 2n 32-bit positions
    /// when some values are missing).
    public init(_ values: [Double]) {
        precondition(values.count < Int(Int32.max), "MinMaxPyramid: too many values")
        self.values = values
        let n = values.count
        mins = []
        maxs = []
        if n > 1 {
            let half = (n + 1) / 2
            var levelMins = [Double](repeating: .infinity, count: half)
            var levelMaxs = [Double](repeating: -.infinity, count: half)
            for i in 0..<half {
                let a = 2 * i, b = Swift.min(2 * i + 1, n - 1)
                levelMins[i] = Swift.min(Self.low(values[a]), Self.low(values[b]))
                levelMaxs[i] = Swift.max(Self.high(values[a]), Self.high(values[b]))
            }
            mins.append(levelMins)
            maxs.append(levelMaxs)
            while levelMins.count > 1 {
                let half = (levelMins.count + 1) / 2
                var nextMins = [Double](repeating: .infinity, count: half)
                var nextMaxs = [Double](repeating: -.infinity, count: half)
                for i in 0..<half {
                    let a = 2 * i, b = Swift.min(2 * i + 1, levelMins.count - 1)
                    nextMins[i] = Swift.min(levelMins[a], levelMins[b])
                    nextMaxs[i] = Swift.max(levelMaxs[a], levelMaxs[b])
                }
                mins.append(nextMins)
                maxs.append(nextMaxs)
                levelMins = nextMins
                levelMaxs = nextMaxs
            }
        }
        guard values.contains(where: { !$0.isFinite }) else {
            nextFinite = []
            previousFinite = []
            return
        }
        var next = [Int32](repeating: Int32(n), count: n)
        var upcoming = Int32(n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            if values[i].isFinite { upcoming = Int32(i) }
            next[i] = upcoming
        }
        var previous = [Int32](repeating: -1, count: n)
        var seen: Int32 = -1
        for i in 0..<n {
            if values[i].isFinite { seen = Int32(i) }
            previous[i] = seen
        }
        nextFinite = next
        previousFinite = previous
    }

    /// A value as a node minimum: itself, or +infinity when it is not finite.
    private static func low(_ value: Double) -> Double { value.isFinite ? value : .infinity }
    /// A value as a node maximum: itself, or -infinity when it is not finite.
    private static func high(_ value: Double) -> Double { value.isFinite ? value : -.infinity }

    /// The node minimum at a level and position.
    private func nodeMin(_ level: Int, _ i: Int) -> Double { level == 0 ? Self.low(values[i]) : mins[level - 1][i] }
    /// The node maximum at a level and position.
    private func nodeMax(_ level: Int, _ i: Int) -> Double { level == 0 ? Self.high(values[i]) : maxs[level - 1][i] }

    /// Number of points.
    public var count: Int { values.count }

    /// Number of levels, 1 for a single point (0 for none).
    public var levelCount: Int { values.isEmpty ? 0 : mins.count + 1 }

    /// The smallest and largest finite value in a range of positions, or nil when it holds none.
    ///
    /// The range is clamped to the data. O(log n).
    public func minMax(in range: Range<Int>) -> (min: Double, max: Double)? {
        var lo = Swift.max(range.lowerBound, 0)
        var hi = Swift.min(range.upperBound, values.count)
        guard lo < hi else { return nil }
        var low = Double.infinity
        var high = -Double.infinity
        var level = 0
        while lo < hi {
            if lo & 1 == 1 {
                low = Swift.min(low, nodeMin(level, lo))
                high = Swift.max(high, nodeMax(level, lo))
                lo += 1
            }
            if hi & 1 == 1 {
                hi -= 1
                low = Swift.min(low, nodeMin(level, hi))
                high = Swift.max(high, nodeMax(level, hi))
            }
            lo >>= 1
            hi >>= 1
            level += 1
        }
        return low <= high ? (low, high) : nil
    }

    /// Splits a range of positions evenly into `count` columns and gives each column's extent.
    ///
    /// Column `c` covers positions `lower + c·n/count ..< lower + (c+1)·n/count` (integer division, n the
    /// range length), so every position falls in exactly one column and widths differ by at most one. When
    /// there are more columns than points, some columns cover nothing. The result always has `count`
    /// entries, nil for a column with no finite value. Costs O(count · log n).
    public func columns(of range: Range<Int>, into count: Int) -> [ColumnExtent?] {
        guard count > 0 else { return [] }
        let lower = Swift.max(range.lowerBound, 0)
        let upper = Swift.min(range.upperBound, values.count)
        let length = Swift.max(upper - lower, 0)
        var result: [ColumnExtent?] = []
        result.reserveCapacity(count)
        for c in 0..<count {
            let start = lower + c * length / count
            let end = lower + (c + 1) * length / count
            result.append(extent(of: start..<end))
        }
        return result
    }

    /// The extent of one range of positions, or nil when it holds no finite value. O(log n).
    public func extent(of range: Range<Int>) -> ColumnExtent? {
        let start = Swift.max(range.lowerBound, 0)
        let end = Swift.min(range.upperBound, values.count)
        guard start < end else { return nil }
        let firstIndex = nextFinite.isEmpty ? start : Int(nextFinite[start])
        guard firstIndex < end, let (low, high) = minMax(in: start..<end) else { return nil }
        let lastIndex = previousFinite.isEmpty ? end - 1 : Int(previousFinite[end - 1])
        return ColumnExtent(indices: start..<end, min: low, max: high, first: values[firstIndex],
                            last: values[lastIndex], firstIndex: firstIndex, lastIndex: lastIndex)
    }
}
