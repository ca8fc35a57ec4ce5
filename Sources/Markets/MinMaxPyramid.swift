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
/// Level `k` has one node per run of 2^k positions, holding the min and max of the finite values it covers;
/// a range query combines at most two nodes per level. Drawing a chart column by column through the pyramid
/// costs O(columns · log n) and still shows every extreme the full-resolution data has. NaN and infinite
/// values are ignored; a range with no finite value has no extent.
///
/// Only levels from `storedLevel` up are kept: the nodes below cover at most 8 positions and are read from
/// the values themselves when a query needs them. So the pyramid costs about 1 byte per point (against 16
/// when every level is kept), its build is one pass over the values, and a query reads at most about 30
/// values more.
public struct MinMaxPyramid: Sendable {
    /// The lowest level kept in `mins` and `maxs`: its nodes cover 2^storedLevel = 16 positions.
    static let storedLevel = 4
    /// Per kept level from `storedLevel` up, the minimum of each node (+infinity where a node covers no
    /// finite value).
    private var mins: [[Double]]
    /// Per kept level, the maximum of each node (-infinity where a node covers no finite value).
    private var maxs: [[Double]]
    /// The values as given.
    public let values: [Double]

    /// Builds the pyramid in O(n) time and about n/8 extra doubles of memory.
    public init(_ values: [Double]) {
        self.values = values
        mins = []
        maxs = []
        let n = values.count
        let width = 1 << Self.storedLevel
        guard n > 0 else { return }
        let nodes = (n + width - 1) / width
        var levelMins = [Double](repeating: .infinity, count: nodes)
        var levelMaxs = [Double](repeating: -.infinity, count: nodes)
        values.withUnsafeBufferPointer { source in
            levelMins.withUnsafeMutableBufferPointer { lows in
                levelMaxs.withUnsafeMutableBufferPointer { highs in
                    for node in 0..<nodes {
                        let start = node * width
                        let extent = Self.extent(of: UnsafeBufferPointer(rebasing: source[start..<Swift.min(start + width, n)]))
                        lows[node] = extent.min
                        highs[node] = extent.max
                    }
                }
            }
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

    /// The min and max of the finite values under a node (+infinity, -infinity when it has none).
    private func node(_ level: Int, _ i: Int) -> (min: Double, max: Double) {
        if level >= Self.storedLevel { return (mins[level - Self.storedLevel][i], maxs[level - Self.storedLevel][i]) }
        let start = i << level
        return values.withUnsafeBufferPointer { values in
            Self.extent(of: UnsafeBufferPointer(rebasing: values[start..<Swift.min(start + (1 << level), values.count)]))
        }
    }

    /// The smallest and largest finite value of some values (+infinity and -infinity when none is finite).
    ///
    /// Written without branches on the values, which halves the build at a million points: a non-finite
    /// value is swapped for the neutral bound, and the comparisons pick without jumping.
    @inline(__always)
    private static func extent(of values: UnsafeBufferPointer<Double>) -> (min: Double, max: Double) {
        var low = Double.infinity, high = -Double.infinity
        for value in values {
            let finite = value.isFinite
            let forLow = finite ? value : .infinity, forHigh = finite ? value : -.infinity
            low = forLow < low ? forLow : low
            high = forHigh > high ? forHigh : high
        }
        return (low, high)
    }

    /// Whether a node covers at least one finite value.
    private func hasFinite(_ level: Int, _ i: Int) -> Bool {
        let extent = node(level, i)
        return extent.min <= extent.max
    }

    /// Number of points.
    public var count: Int { values.count }

    /// Number of levels, 1 for a single point (0 for none): level `k` exists while 2^(k-1) < n.
    public var levelCount: Int {
        guard !values.isEmpty else { return 0 }
        var levels = 1
        while 1 << (levels - 1) < values.count { levels += 1 }
        return levels
    }

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
                let extent = node(level, lo)
                low = Swift.min(low, extent.min)
                high = Swift.max(high, extent.max)
                lo += 1
            }
            if hi & 1 == 1 {
                hi -= 1
                let extent = node(level, hi)
                low = Swift.min(low, extent.min)
                high = Swift.max(high, extent.max)
            }
            lo >>= 1
            hi >>= 1
            level += 1
        }
        return low <= high ? (low, high) : nil
    }

    /// The first (or last) position in a range holding a finite value, or nil when there is none. O(log n).
    ///
    /// The range splits into at most two nodes per level, as in `minMax`: those taken from the left end come
    /// in ascending order, those from the right end in descending order, and every left node lies before
    /// every right node. The wanted node is found among them, then followed down to a single position.
    private func finitePosition(in range: Range<Int>, last: Bool) -> Int? {
        var lo = range.lowerBound, hi = range.upperBound
        var level = 0
        // The first and the last node with a finite value met on each side.
        var firstLeft: (level: Int, i: Int)?, lastLeft: (level: Int, i: Int)?
        var firstRight: (level: Int, i: Int)?, lastRight: (level: Int, i: Int)?
        while lo < hi {
            if lo & 1 == 1 {
                if hasFinite(level, lo) {
                    if firstLeft == nil { firstLeft = (level, lo) }
                    lastLeft = (level, lo)
                }
                lo += 1
            }
            if hi & 1 == 1 {
                hi -= 1
                if hasFinite(level, hi) {
                    if firstRight == nil { firstRight = (level, hi) }
                    lastRight = (level, hi)
                }
            }
            lo >>= 1
            hi >>= 1
            level += 1
        }
        // Ascending order of the nodes: the left ones as met, then the right ones in reverse.
        guard var found = last ? (firstRight ?? lastLeft) : (firstLeft ?? lastRight) else { return nil }
        while found.level > 0 {
            let left = 2 * found.i, right = left + 1
            let rightExists = right << (found.level - 1) < values.count
            let preferRight = last && rightExists && hasFinite(found.level - 1, right)
            let goRight = preferRight || (!last && !hasFinite(found.level - 1, left))
            found = (found.level - 1, goRight ? right : left)
        }
        return found.i
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
        guard start < end, let (low, high) = minMax(in: start..<end) else { return nil }
        let firstIndex = values[start].isFinite ? start : finitePosition(in: start..<end, last: false) ?? start
        let lastIndex = values[end - 1].isFinite ? end - 1 : finitePosition(in: start..<end, last: true) ?? end - 1
        return ColumnExtent(indices: start..<end, min: low, max: high, first: values[firstIndex],
                            last: values[lastIndex], firstIndex: firstIndex, lastIndex: lastIndex)
    }
}
