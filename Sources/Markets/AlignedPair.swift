import Foundation

/// Two series joined on calendar day: only the days both have, with each one's close.
///
/// This is the alignment for cross-asset maths: each index trading day D pairs with Bitcoin's close for UTC
/// day D. Returns computed from it run between consecutive shared days, so a Monday return of Bitcoin spans
/// the weekend.
public struct AlignedPair: Hashable, Sendable {
    /// The id of the first series.
    public private(set) var aID: SeriesID
    /// The id of the second series.
    public private(set) var bID: SeriesID
    /// The shared days, ascending.
    public private(set) var days: [Day]
    /// The first series' closes on those days.
    public private(set) var a: [Double]
    /// The second series' closes on those days.
    public private(set) var b: [Double]

    /// Inner-joins two series on day in one merge pass, O(n + m).
    public init(_ first: Series, _ second: Series) {
        aID = first.id
        bID = second.id
        days = []; a = []; b = []
        let capacity = min(first.count, second.count)
        days.reserveCapacity(capacity); a.reserveCapacity(capacity); b.reserveCapacity(capacity)
        var i = 0, j = 0
        while i < first.count, j < second.count {
            let x = first.days[i], y = second.days[j]
            if x < y {
                i += 1
            } else if y < x {
                j += 1
            } else {
                days.append(x)
                a.append(first.closes[i])
                b.append(second.closes[j])
                i += 1
                j += 1
            }
        }
    }

    /// Number of shared days.
    public var count: Int { days.count }
    /// Whether the two series share no day.
    public var isEmpty: Bool { days.isEmpty }
}

// MARK: - Returns

/// Log returns between consecutive values: `ln(x[i] / x[i-1])` for i ≥ 1, so one fewer than the input.
///
/// A return is NaN when either price is not finite and positive; callers skip NaN pairs.
public func logReturns(_ values: [Double]) -> [Double] {
    guard values.count > 1 else { return [] }
    var result = [Double](repeating: .nan, count: values.count - 1)
    for i in 1..<values.count { result[i - 1] = logReturn(from: values[i - 1], to: values[i]) }
    return result
}

/// The log return `ln(current / previous)`, NaN when either price is not finite and positive.
@inline(__always)
func logReturn(from previous: Double, to current: Double) -> Double {
    previous > 0 && current > 0 && previous.isFinite && current.isFinite ? log(current / previous) : .nan
}
