/// Which daily value of an index counts when looking for new all-time highs.
public enum BreakoutBasis: String, Hashable, Sendable, CaseIterable, Codable {
    /// The intraday high, or the close on days whose high is missing.
    case high
    /// The close.
    case close

    /// A short label for legends and readouts.
    public var label: String {
        switch self {
        case .high: return "intraday high"
        case .close: return "close"
        }
    }

    /// The value a series has on this basis at a position.
    public func value(in series: Series, at index: Int) -> Double {
        switch self {
        case .high: return series.highOrClose(at: index)
        case .close: return series.closes[index]
        }
    }

    /// Which value `value(in:at:)` reads at a position: the high, or the close on a day without a high.
    public func source(in series: Series, at index: Int) -> BreakoutBasis {
        self == .high && series.high(at: index).isNaN ? .close : self
    }

    /// The name of the value in labels: "daily high" or "close".
    public var valueName: String { self == .high ? "daily high" : "close" }
}

/// A day on which an index rose above its prior all-time high after a long quiet spell without one.
public struct Breakout: Hashable, Sendable {
    /// The day of the breakout.
    public var day: Day
    /// The position of that day in the series.
    public var index: Int
    /// The value (high or close, by basis) that exceeded the prior high.
    public var value: Double
    /// The all-time high that stood before this day.
    public var priorHigh: Double
    /// The day that set the prior high.
    public var priorHighDay: Day
    /// The position of the day that set the prior high.
    public var priorHighIndex: Int
    /// Trading days strictly between the prior high and this day.
    public var quietDays: Int
    /// Which value of each day was compared.
    public var basis: BreakoutBasis
    /// Which value `value` is: the basis's, or the close on a day without a high.
    public var valueSource: BreakoutBasis
    /// Which value `priorHigh` is: the basis's, or the close on a day without a high.
    public var priorHighSource: BreakoutBasis

    /// Makes a breakout record; the sources default to the basis.
    public init(day: Day, index: Int, value: Double, priorHigh: Double, priorHighDay: Day, priorHighIndex: Int,
                quietDays: Int, basis: BreakoutBasis, valueSource: BreakoutBasis? = nil, priorHighSource: BreakoutBasis? = nil) {
        self.valueSource = valueSource ?? basis
        self.priorHighSource = priorHighSource ?? basis
        self.day = day
        self.index = index
        self.value = value
        self.priorHigh = priorHigh
        self.priorHighDay = priorHighDay
        self.priorHighIndex = priorHighIndex
        self.quietDays = quietDays
        self.basis = basis
    }

    /// How far above the prior high the breakout value is, as a fraction (0.01 = 1%).
    public var excess: Double { value / priorHigh - 1 }

    /// One line that names each value by what it is, such as `daily high 2,442.74 above the 2021-11-08 high
    /// of 2,442.74 after 759 quiet trading days (basis high)`; a close that stands in for a missing high is
    /// called a close: `close 1,298.60 (no daily high that day) above …`.
    public var label: String {
        let missing = "(no \(basis.valueName) that day)"
        return "\(valueSource.valueName) \(ValueFormat.price(value))\(valueSource == basis ? "" : " " + missing) "
            + "above the \(priorHighDay.iso) high of \(ValueFormat.price(priorHigh))"
            + (priorHighSource == basis ? "" : " (a close: no \(basis.valueName) that day)")
            + " after \(quietDays) quiet trading days (basis \(basis.rawValue))"
    }
}

// MARK: - Detection

/// Finds the breakouts of an index: first days above the prior all-time high after a quiet period.
///
/// Definition, with `v(i)` the basis value of bar `i` (the high falling back to the close, or the close):
/// - The running all-time high starts at `v(0)`, set by the first bar of the series.
/// - Bar `i` makes a *new high* when `v(i)` is strictly greater than the running high; equalling it is not a
///   new high and does not end a quiet period.
/// - The *quiet period* of a new high at bar `i` is the number of bars strictly between the bar that set the
///   running high (`h`) and `i`: `i - h - 1`. Bars are trading days of the series, not calendar days.
/// - A new high is a *breakout* when its quiet period is at least `quietDays`. So with `quietDays` 250, a new high
///   after 250 bars without one is a breakout and one after 249 is not.
/// - Every new high, breakout or not, becomes the running high.
///
/// Bars whose basis value is not finite are skipped. The scan is one pass, O(n).
public func detectBreakouts(in series: Series, basis: BreakoutBasis, quietDays: Int = 250) -> [Breakout] {
    var result: [Breakout] = []
    var highIndex = -1
    var high = -Double.infinity
    for i in 0..<series.count {
        let value = basis.value(in: series, at: i)
        guard value.isFinite else { continue }
        if highIndex < 0 {
            highIndex = i
            high = value
            continue
        }
        guard value > high else { continue }
        let quiet = i - highIndex - 1
        if quiet >= quietDays {
            result.append(Breakout(day: series.days[i], index: i, value: value, priorHigh: high,
                                   priorHighDay: series.days[highIndex], priorHighIndex: highIndex,
                                   quietDays: quiet, basis: basis, valueSource: basis.source(in: series, at: i),
                                   priorHighSource: basis.source(in: series, at: highIndex)))
        }
        highIndex = i
        high = value
    }
    return result
}

/// The all-time highs of a series on a basis: every bar that set a new running high, the first bar included.
///
/// Useful for drawing the running-high staircase and for explaining why a day was or was not a breakout.
public func newHighIndices(in series: Series, basis: BreakoutBasis) -> [Int] {
    var result: [Int] = []
    var high = -Double.infinity
    for i in 0..<series.count {
        let value = basis.value(in: series, at: i)
        if value.isFinite, value > high {
            result.append(i)
            high = value
        }
    }
    return result
}
