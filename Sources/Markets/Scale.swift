import Foundation

/// Maps values of a domain to positions along an axis, 0 at the domain's lower end and 1 at its upper end.
///
/// Positions are continuous and not clamped: values outside the domain map outside [0, 1], so a caller can
/// decide whether to clip. `value(at:)` inverts `position(of:)`.
public protocol Scale: Sendable {
    /// The values that map to positions 0 and 1.
    var domain: ClosedRange<Double> { get }
    /// The position of a value, 0 at `domain.lowerBound` and 1 at `domain.upperBound`.
    func position(of value: Double) -> Double
    /// The value at a position; the inverse of `position(of:)`.
    func value(at position: Double) -> Double
    /// Round values inside the domain to label the axis with, at most `maxCount` of them.
    func ticks(maxCount: Int) -> [Double]
}

extension Scale {
    /// The position of a value, clamped to [0, 1].
    public func clampedPosition(of value: Double) -> Double { min(max(position(of: value), 0), 1) }
}

// MARK: - Linear

/// A scale on which equal differences of value take equal distances.
public struct LinearScale: Scale, Hashable {
    public var domain: ClosedRange<Double>

    /// Makes a linear scale. A domain of one value maps that value to 0.5.
    public init(domain: ClosedRange<Double>) { self.domain = domain }

    public func position(of value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return span > 0 ? (value - domain.lowerBound) / span : 0.5
    }

    public func value(at position: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return span > 0 ? domain.lowerBound + position * span : domain.lowerBound
    }

    public func ticks(maxCount: Int) -> [Double] {
        niceTicks(min: domain.lowerBound, max: domain.upperBound, maxCount: maxCount)
    }
}

// MARK: - Logarithmic

/// A scale on which equal ratios of value take equal distances, for prices spanning orders of magnitude.
public struct LogScale: Scale, Hashable {
    public let domain: ClosedRange<Double>
    private let logLower: Double
    private let logSpan: Double

    /// Makes a log scale; nil unless the domain is positive and finite.
    public init?(domain: ClosedRange<Double>) {
        guard domain.lowerBound > 0, domain.upperBound.isFinite else { return nil }
        self.domain = domain
        logLower = log10(domain.lowerBound)
        logSpan = log10(domain.upperBound) - logLower
    }

    /// The position of a value; non-positive values have no position and give NaN.
    public func position(of value: Double) -> Double {
        guard value > 0 else { return .nan }
        return logSpan > 0 ? (log10(value) - logLower) / logSpan : 0.5
    }

    public func value(at position: Double) -> Double {
        logSpan > 0 ? pow(10, logLower + position * logSpan) : domain.lowerBound
    }

    public func ticks(maxCount: Int) -> [Double] {
        logTicks(min: domain.lowerBound, max: domain.upperBound, maxCount: maxCount)
    }
}
