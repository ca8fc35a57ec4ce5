import Foundation

/// The trailing-window Pearson correlation of the daily log returns of two price series.
///
/// Alignment follows `AlignedPair`: an inner join on calendar day, with returns between consecutive shared days
/// (so a Monday return of Bitcoin spans the weekend). Return `i` ends on shared day `i + 1`; the window that
/// ends there holds returns `i - window + 1 ... i`.
///
/// `days` has one entry per return and `values` one per day; a value is NaN where it is undefined: before the
/// first full window, when a window holds a return that is not finite (a bad price), and when either side of a
/// window is flat (zero variance). The UI shows NaN as "n/a". Built once per data change in O(n); lookups are
/// O(log n).
public struct RollingCorrelation: Sendable {
    /// The id of the first series.
    public var aID: SeriesID
    /// The id of the second series.
    public var bID: SeriesID
    /// The number of returns in each window.
    public var window: Int
    /// The day each window ends: the later day of each return, ascending.
    public var days: [Day]
    /// The correlation of the window ending on the matching day, in [-1, 1], or NaN where undefined.
    public var values: [Double]
    /// The correlation over all returns with both sides finite, or NaN when undefined.
    public var fullSample: Double
    /// The number of calendar days both series have.
    public var alignedDayCount: Int
    /// The number of returns with both sides finite, the sample behind `fullSample`.
    public var returnCount: Int

    /// Correlates the log returns of two price series over trailing windows of `window` aligned returns.
    ///
    /// `window` must be at least 2. A window longer than the data gives only NaN values; series that share
    /// fewer than two days give no days at all.
    public init(_ first: Series, _ second: Series, window: Int) {
        self.init(AlignedPair(first, second), window: window)
    }

    /// Correlates the log returns of an already aligned pair over trailing windows of `window` returns.
    public init(_ pair: AlignedPair, window: Int) {
        self.init(AlignedReturns(pair), window: window)
    }

    /// Correlates returns already taken, so several windows share one alignment and one pass of logs.
    public init(_ returns: AlignedReturns, window: Int) {
        precondition(window >= 2, "RollingCorrelation: a window needs at least 2 returns")
        aID = returns.aID
        bID = returns.bID
        self.window = window
        days = returns.days
        values = rollingPearson(returns.x, returns.y, window: window)
        fullSample = returns.fullSample
        returnCount = returns.returnCount
        alignedDayCount = returns.alignedDayCount
    }

    /// The number of windows with a defined (non-NaN) correlation.
    public var definedCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) } }

    /// The correlation of the window ending on a day, or on the nearest earlier window end.
    ///
    /// Nil when the day is before the first window end; NaN when that window's correlation is undefined.
    public func value(onOrBefore day: Day) -> Double? {
        let i = days.partitioningIndex { $0 > day }
        return i == 0 ? nil : values[i - 1]
    }
}

/// The daily log returns of both sides of an aligned pair, and their full-sample correlation.
///
/// Taken once per data change and shared by every correlation window: at a million aligned days the
/// logarithms and the alignment cost more than the sliding windows themselves.
public struct AlignedReturns: Sendable {
    public var aID: SeriesID
    public var bID: SeriesID
    /// The later day of each return, ascending.
    public var days: [Day]
    /// The first series' log returns, NaN where a price is missing or not positive.
    public var x: [Double]
    /// The second series' log returns.
    public var y: [Double]
    /// The number of calendar days both series have.
    public var alignedDayCount: Int
    /// The correlation over all returns with both sides finite, or NaN when undefined.
    public var fullSample: Double
    /// The number of returns with both sides finite.
    public var returnCount: Int

    public init(_ pair: AlignedPair) {
        aID = pair.aID
        bID = pair.bID
        days = pair.count > 1 ? Array(pair.days.dropFirst()) : []
        x = logReturns(pair.a)
        y = logReturns(pair.b)
        alignedDayCount = pair.count
        let sample = fullSamplePearson(x, y)
        fullSample = sample.value
        returnCount = sample.count
    }
}

// MARK: - The sliding computation

/// The Pearson correlation of `x` and `y` over each trailing window of `window` pairs, in O(n).
///
/// Element `i` is the correlation of pairs `i - window + 1 ... i`, NaN for `i < window - 1`, for a window holding a
/// non-finite value, and for a window where either side is constant. Results are clamped to [-1, 1].
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
public func rollingPearson(_ x: [Double], _ y: [Double], window: Int) -> [Double] {
    precondition(window >= 2, "rollingPearson: a window needs at least 2 pairs")
    let n = min(x.count, y.count)
    var result = [Double](repeating: .nan, count: n)
    guard n >= window else { return result }

    var sums = WindowSums()
    var invalidInWindow = 0
    // Lengths of the runs of equal values ending at the current position, per side.
    var runX = 0, runY = 0

    for i in 0..<n {
        let isValid = x[i].isFinite && y[i].isFinite
        if !isValid { invalidInWindow += 1 }
        runX = i > 0 && x[i] == x[i - 1] ? runX + 1 : 1
        runY = i > 0 && y[i] == y[i - 1] ? runY + 1 : 1

        if i < window {
            if isValid { sums.add(x[i], y[i]) }
        } else {
            let leaving = i - window
            if x[leaving].isFinite && y[leaving].isFinite { sums.remove(x[leaving], y[leaving]) } else {
                invalidInWindow -= 1
            }
            if isValid { sums.add(x[i], y[i]) }
        }
        guard i >= window - 1, invalidInWindow == 0 else { continue }
        // A side equal throughout the window has no variance: the correlation is undefined.
        guard runX < window, runY < window else { continue }

        if sums.needsRebuild(count: window) { sums.reset(x[(i - window + 1)...i], y[(i - window + 1)...i]) }
        result[i] = sums.correlation(count: window)
    }
    return result
}

/// The Pearson correlation of all pairs where both values are finite, by the two-pass formula.
///
/// NaN when fewer than two such pairs exist or either side is constant.
public func fullSamplePearson(_ x: [Double], _ y: [Double]) -> (value: Double, count: Int) {
    let n = min(x.count, y.count)
    var xs: [Double] = [], ys: [Double] = []
    xs.reserveCapacity(n); ys.reserveCapacity(n)
    for i in 0..<n where x[i].isFinite && y[i].isFinite {
        xs.append(x[i])
        ys.append(y[i])
    }
    guard xs.count >= 2 else { return (.nan, xs.count) }
    var sums = WindowSums()
    sums.reset(xs[...], ys[...])
    let isFlat = xs.allSatisfy { $0 == xs[0] } || ys.allSatisfy { $0 == ys[0] }
    return (isFlat ? .nan : sums.correlation(count: xs.count), xs.count)
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

    /// Adds a pair entering the window.
    mutating func add(_ x: Double, _ y: Double) {
        let dx = x - refX, dy = y - refY
        sx += dx; sy += dy
        sxx += dx * dx; syy += dy * dy; sxy += dx * dy
        budgetX += dx * dx; budgetY += dy * dy
    }

    /// Removes a pair leaving the window.
    mutating func remove(_ x: Double, _ y: Double) {
        let dx = x - refX, dy = y - refY
        sx -= dx; sy -= dy
        sxx -= dx * dx; syy -= dy * dy; sxy -= dx * dy
        budgetX += dx * dx; budgetY += dy * dy
    }

    /// Recomputes the sums exactly for a window, with the reference at the window's mean (two passes).
    mutating func reset(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) {
        let count = Double(x.count)
        refX = x.reduce(0, +) / count
        refY = y.reduce(0, +) / count
        sx = 0; sy = 0; sxx = 0; syy = 0; sxy = 0
        budgetX = 0; budgetY = 0
        for (a, b) in zip(x, y) { add(a, b) }
    }

    /// Whether the rounding budget has grown too large against the window's variances to trust the sums.
    ///
    /// `Σd² - (Σd)²/n` carries an error of about one ulp of the budget, so its relative error is about
    /// `budget / variance` ulps; past `budgetRatio` the sums are rebuilt.
    func needsRebuild(count: Int) -> Bool {
        let n = Double(count)
        let varX = sxx - sx * sx / n, varY = syy - sy * sy / n
        return !(budgetX <= WindowSums.budgetRatio * varX && budgetY <= WindowSums.budgetRatio * varY)
    }

    /// The correlation of the window, clamped to [-1, 1]; NaN when a variance is not positive.
    func correlation(count: Int) -> Double {
        let n = Double(count)
        let varX = sxx - sx * sx / n
        let varY = syy - sy * sy / n
        guard varX > 0, varY > 0 else { return .nan }
        let cov = sxy - sx * sy / n
        let r = cov / (varX.squareRoot() * varY.squareRoot())
        guard r.isFinite else { return .nan }
        return max(-1, min(1, r))
    }
}
