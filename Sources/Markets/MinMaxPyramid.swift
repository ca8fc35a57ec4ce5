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
    /// Per level, the minimum of each node (+infinity where a node covers no finite value).
    private var mins: [[Double]]
    /// Per level, the maximum of each node (-infinity where a node covers no finite value).
    private var maxs: [[Double]]
    /// The values as given.
    public let values: [Double]
    /// For each position, the first position at or after it with a finite value (`count` when none).
    private var nextFinite: [Int]
    /// For each position, the last position at or before it with a finite value (-1 when none).
    private var previousFinite: [Int]

    /// Builds the pyramid in O(n) time and about 4n extra doubles of memory.
    public init(_ values: [Double]) {
        self.values = values
        let n = values.count
        var levelMins = values.map { $0.isFinite ? $0 : .infinity }
        var levelMaxs = values.map { $0.isFinite ? $0 : -.infinity }
        mins = [levelMins]
        maxs = [levelMaxs]
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
        var next = [Int](repeating: n, count: n)
        var upcoming = n
        for i in stride(from: n - 1, through: 0, by: -1) {
            if values[i].isFinite { upcoming = i }
            next[i] = upcoming
        }
        var previous = [Int](repeating: -1, count: n)
        var seen = -1
        for i in 0..<n {
            if values[i].isFinite { seen = i }
            previous[i] = seen
        }
        nextFinite = next
        previousFinite = previous
    }

    /// Number of points.
    public var count: Int { values.count }

    /// Number of levels, 1 for a single point (0 for none).
    public var levelCount: Int { values.isEmpty ? 0 : mins.count }

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
                low = Swift.min(low, mins[level][lo])
                high = Swift.max(high, maxs[level][lo])
                lo += 1
            }
            if hi & 1 == 1 {
                hi -= 1
                low = Swift.min(low, mins[level][hi])
                high = Swift.max(high, maxs[level][hi])
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
        let firstIndex = nextFinite[start]
        guard firstIndex < end, let (low, high) = minMax(in: start..<end) else { return nil }
        let lastIndex = previousFinite[end - 1]
        return ColumnExtent(indices: start..<end, min: low, max: high, first: values[firstIndex],
                            last: values[lastIndex], firstIndex: firstIndex, lastIndex: lastIndex)
    }
}
