/// The Pearson correlation of `x` and `y` over each trailing window of `window` pairs, in O(n).
///
/// Element `i` is the correlation of pairs `i - window + 1 ... i`, NaN for `i < window - 1`, for a window holding a
/// non-finite value, and for a window where either side is constant. Results are clamped to [-1, 1].
public func rollingPearson(_ x: [Double], _ y: [Double], window: Int) -> [Double] {
    var pearson = SlidingPearson(window: window)
    return zip(x, y).map { pearson.push($0, $1) }
}

/// The Pearson correlation of all pairs where both values are finite.
///
/// NaN when fewer than two such pairs exist or either side is constant. See `FullSamplePearson`.
public func fullSamplePearson(_ x: [Double], _ y: [Double]) -> (value: Double, count: Int) {
    var full = FullSamplePearson()
    for (a, b) in zip(x, y) { full.add(a, b) }
    return full.result
}

/// The Pearson correlation of a stream of pairs over a trailing window, and over every pair seen so far.
///
/// Pairs are pushed one at a time and never kept beyond the window, so a correlation over a million returns
/// can be taken while they are computed, without storing them.
///
/// Stability: the window keeps sums of deviations from a reference point per side (`Σdx`, `Σdy`, `Σdx²`, `Σdy²`,
/// `Σdx·dy`), never raw sums, so adding a constant to a side cannot cause catastrophic cancellation. Each side
/// also keeps a rounding budget: the total of every `d²` added or removed since the sums were last rebuilt, which
/// bounds their accumulated rounding error. When a window's variance falls below 1/1024 of its budget (the
/// reference has drifted away from the data, or a large return that has left the window still weighs on the
/// sums), the sums are rebuilt exactly in two passes around the window's mean; so every value carries an error
/// of at most about 1024 ulps relative to the window's spread, whatever constant or scale the returns have. On
/// market data a rebuild costs O(window) about every hundred windows, so the whole pass is O(n); data built to
/// defeat it can force more rebuilds, never a wrong value. Flat windows are detected exactly, by counting
/// equal neighbours, not by comparing a rounded variance with zero.
struct SlidingPearson: ~Copyable {
    /// The number of pairs in each window, at least 2.
    let window: Int
    /// The last `window` pairs, x then y, oldest at `position` once the ring is full. Owned: freed in
    /// `deinit`, and the type cannot be copied, so nothing else ever points here. A pointer rather than two
    /// arrays: this is written once per day of the data, and an array write checks uniqueness and bounds.
    private let ring: UnsafeMutablePointer<Double>
    /// Where the next pair goes in the ring.
    private var position = 0
    /// The number of pairs pushed so far.
    private var pushed = 0
    private var sums = WindowSums()
    /// The number of pairs in the window with a side that is not finite.
    private var invalidInWindow = 0
    /// Lengths of the runs of equal values ending at the last pair, per side.
    private var runX = 0, runY = 0
    private var previousX = Double.nan, previousY = Double.nan
    private var full = FullSamplePearson()
    /// `1 / window`.
    private let inverseWindow: Double

    init(window: Int) {
        precondition(window >= 2, "rollingPearson: a window needs at least 2 pairs")
        self.window = window
        inverseWindow = 1 / Double(window)
        ring = .allocate(capacity: 2 * window)
        ring.initialize(repeating: .nan, count: 2 * window)
    }

    deinit { ring.deallocate() }

    /// Adds the next pair and gives the correlation of the window that ends with it, or NaN where undefined.
    @inline(__always)
    mutating func push(_ x: Double, _ y: Double) -> Double {
        let isValid = x.isFinite && y.isFinite
        if !isValid { invalidInWindow += 1 }
        runX = x == previousX ? runX + 1 : 1
        runY = y == previousY ? runY + 1 : 1
        previousX = x; previousY = y

        if pushed >= window {
            let leavingX = ring[position], leavingY = ring[window + position]
            if leavingX.isFinite && leavingY.isFinite { sums.remove(leavingX, leavingY) } else { invalidInWindow -= 1 }
        }
        ring[position] = x; ring[window + position] = y
        position = position + 1 == window ? 0 : position + 1
        pushed += 1
        if isValid {
            sums.add(x, y)
            full.add(x, y)
        }
        guard pushed >= window, invalidInWindow == 0 else { return .nan }
        // A side equal throughout the window has no variance: the correlation is undefined.
        guard runX < window, runY < window else { return .nan }

        return sums.correlation(ringX: UnsafeBufferPointer(start: ring, count: window),
                                ringY: UnsafeBufferPointer(start: ring + window, count: window),
                                oldest: position, inverseCount: inverseWindow)
    }

    /// The correlation of every pair pushed so far with both sides finite, and how many there were.
    var fullSample: (value: Double, count: Int) { full.result }
}

/// The Pearson correlation of all finite pairs of a stream, in one pass.
///
/// The deviations are taken from the first finite pair (the shifted-data method), so adding a constant to a side
/// cannot cause catastrophic cancellation: the error is a few ulps relative to the spread, times
/// `1 + (first - mean)² / variance` (about 1 for returns, whose first value is a typical one).
struct FullSamplePearson {
    private var sums = WindowSums()
    private var count = 0
    private var firstX = 0.0, firstY = 0.0
    private var isFlatX = true, isFlatY = true

    /// Adds a pair; one with a side that is not finite is skipped.
    @inline(__always)
    mutating func add(_ x: Double, _ y: Double) {
        guard x.isFinite, y.isFinite else { return }
        if count == 0 {
            sums = WindowSums(referenceX: x, referenceY: y)
            firstX = x; firstY = y
        }
        if x != firstX { isFlatX = false }
        if y != firstY { isFlatY = false }
        sums.add(x, y)
        count += 1
    }

    /// The correlation, NaN with fewer than two pairs or a constant side, and the number of pairs.
    var result: (value: Double, count: Int) {
        guard count >= 2, !isFlatX, !isFlatY else { return (.nan, count) }
        return (sums.correlation(count: count), count)
    }
}

/// Sums of deviations from a reference point over a window of pairs, updated as pairs enter and leave.
struct WindowSums {
    /// The reference the deviations are taken from, per side.
    private var refX = 0.0, refY = 0.0
    private var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
    /// Per side, the total of every squared deviation added or removed since the last rebuild.
    private var budgetX = 0.0, budgetY = 0.0
    /// How many times a window's variance its rounding budget may be before the sums are rebuilt.
    static let budgetRatio = 1024.0

    /// Empty sums around a reference point.
    init(referenceX: Double = 0, referenceY: Double = 0) {
        refX = referenceX
        refY = referenceY
    }

    /// Adds a pair entering the window.
    @inline(__always)
    mutating func add(_ x: Double, _ y: Double) {
        let dx = x - refX, dy = y - refY
        sx += dx; sy += dy
        sxx += dx * dx; syy += dy * dy; sxy += dx * dy
        budgetX += dx * dx; budgetY += dy * dy
    }

    /// Removes a pair leaving the window.
    @inline(__always)
    mutating func remove(_ x: Double, _ y: Double) {
        let dx = x - refX, dy = y - refY
        sx -= dx; sy -= dy
        sxx -= dx * dx; syy -= dy * dy; sxy -= dx * dy
        budgetX += dx * dx; budgetY += dy * dy
    }

    /// Recomputes the sums exactly for a window of `count` pairs, with the reference at its mean (two passes).
    mutating func reset(count: Int, pair: (Int) -> (x: Double, y: Double)) {
        var totalX = 0.0, totalY = 0.0
        for k in 0..<count {
            let (x, y) = pair(k)
            totalX += x; totalY += y
        }
        refX = totalX / Double(count)
        refY = totalY / Double(count)
        sx = 0; sy = 0; sxx = 0; syy = 0; sxy = 0
        budgetX = 0; budgetY = 0
        for k in 0..<count {
            let (x, y) = pair(k)
            add(x, y)
        }
    }

    /// The window's correlation, rebuilding the sums first when the rounding budget has grown too large.
    ///
    /// `Σd² - (Σd)²/n` carries an error of about one ulp of the budget, so its relative error is about
    /// `budget / variance` ulps; past `budgetRatio` the sums are rebuilt from the window, which is a ring
    /// buffer with its oldest pair at `oldest`.
    @inline(__always)
    ///
    /// `inverseCount` is `1 / ringX.count`, taken once by the caller: this runs once per day of the data, and
    /// a multiplication costs a fraction of a division.
    mutating func correlation(ringX: UnsafeBufferPointer<Double>, ringY: UnsafeBufferPointer<Double>, oldest: Int,
                              inverseCount: Double) -> Double {
        let count = ringX.count
        var varX = sxx - sx * sx * inverseCount, varY = syy - sy * sy * inverseCount
        if !(budgetX <= WindowSums.budgetRatio * varX && budgetY <= WindowSums.budgetRatio * varY) {
            reset(count: count) { k in
                let i = oldest + k < count ? oldest + k : oldest + k - count
                return (ringX[i], ringY[i])
            }
            varX = sxx - sx * sx * inverseCount
            varY = syy - sy * sy * inverseCount
        }
        return Self.correlation(varX: varX, varY: varY, cov: sxy - sx * sy * inverseCount)
    }

    /// The correlation of the window, clamped to [-1, 1]; NaN when a variance is not positive.
    func correlation(count: Int) -> Double {
        let inverse = 1 / Double(count)
        return Self.correlation(varX: sxx - sx * sx * inverse, varY: syy - sy * sy * inverse,
                                cov: sxy - sx * sy * inverse)
    }

    /// `cov / √(varX·varY)`, with one square root unless the product leaves the normal range.
    @inline(__always)
    private static func correlation(varX: Double, varY: Double, cov: Double) -> Double {
        guard varX > 0, varY > 0 else { return .nan }
        let product = varX * varY
        let r = cov / (product.isNormal ? product.squareRoot() : varX.squareRoot() * varY.squareRoot())
        guard r.isFinite else { return .nan }
        return max(-1, min(1, r))
    }
}
