import Foundation

// MARK: - Linear ticks

/// The mantissas of nice tick steps: steps are 1, 2 or 5 times a power of ten.
///
/// 2.5 is left out on purpose: its multiples (2.5, 7.5, 12.5) need an extra digit on a narrow axis.
public let niceStepMantissas: [Double] = [1, 2, 5]

/// The smallest nice step (1, 2 or 5 × 10^k) that puts at most `maxCount` ticks in [min, max].
///
/// Returns nil when there is no finite, non-empty span or `maxCount` is below 1.
public func niceTickStep(min lower: Double, max upper: Double, maxCount: Int) -> Double? {
    let lo = Swift.min(lower, upper), hi = Swift.max(lower, upper)
    let span = hi - lo
    guard maxCount >= 1, span > 0, span.isFinite else { return nil }
    var exponent = Int((log10(span / Double(maxCount))).rounded(.down)) - 1
    while true {
        for mantissa in niceStepMantissas {
            let step = decimalValue(mantissa, exponent)
            if tickIndices(lo, hi, step).count <= maxCount { return step }
        }
        exponent += 1
    }
}

/// Round tick values within [min, max] on a nice step (1, 2 or 5 × 10^k), at most `maxCount` of them.
///
/// Ticks are exact multiples of the step, computed so that decimal steps give clean values (0.3, not
/// 0.30000000000000004). A zero-width span gives the single value; an invalid one gives no ticks.
public func niceTicks(min lower: Double, max upper: Double, maxCount: Int) -> [Double] {
    guard maxCount >= 1, lower.isFinite, upper.isFinite else { return [] }
    if lower == upper { return [lower] }
    guard let step = niceTickStep(min: lower, max: upper, maxCount: maxCount) else { return [] }
    let (mantissa, exponent) = decompose(step)
    return tickIndices(Swift.min(lower, upper), Swift.max(lower, upper), step).map {
        decimalValue(Double($0) * mantissa, exponent)
    }
}

// MARK: - Logarithmic ticks

/// Tick values for a log axis over a positive [min, max], at most `maxCount` of them.
///
/// Prefers 1, 2 and 5 in each decade when they fit, then powers of ten, then every 2nd, 5th or 10th power.
/// When the span is too narrow for two such ticks (within about one decade), it falls back to linear nice
/// ticks, which read fine on a short log axis.
public func logTicks(min lower: Double, max upper: Double, maxCount: Int) -> [Double] {
    let lo = Swift.min(lower, upper), hi = Swift.max(lower, upper)
    guard maxCount >= 1, lo > 0, hi.isFinite else { return [] }
    let firstDecade = Int(log10(lo).rounded(.down)) - 1
    let lastDecade = Int(log10(hi).rounded(.up)) + 1

    func values(mantissas: [Double], decadeStep: Int) -> [Double] {
        var result: [Double] = []
        var decade = firstDecade - ((firstDecade % decadeStep) + decadeStep) % decadeStep
        while decade <= lastDecade {
            for mantissa in mantissas {
                let value = decimalValue(mantissa, decade)
                if value >= lo * (1 - 1e-12), value <= hi * (1 + 1e-12) { result.append(value) }
            }
            decade += decadeStep
        }
        return result
    }

    let oneTwoFive = values(mantissas: [1, 2, 5], decadeStep: 1)
    if oneTwoFive.count < 2 {
        let linear = niceTicks(min: lo, max: hi, maxCount: maxCount)
        return linear.count >= oneTwoFive.count ? linear : oneTwoFive
    }
    if oneTwoFive.count <= maxCount { return oneTwoFive }
    var decadeStep = 1
    var stepIndex = 0
    let decadeSteps = [1, 2, 5]
    while true {
        let powers = values(mantissas: [1], decadeStep: decadeStep)
        if powers.count <= maxCount { return powers }
        stepIndex += 1
        decadeStep = decadeSteps[stepIndex % 3] * Int(decimalValue(1, stepIndex / 3))
    }
}

// MARK: - Helpers

/// The integers k with k·step in [lo, hi], with a little tolerance for rounding at the ends.
private func tickIndices(_ lo: Double, _ hi: Double, _ step: Double) -> Range<Int> {
    let first = (lo / step - 1e-9).rounded(.up)
    let last = (hi / step + 1e-9).rounded(.down)
    guard first <= last else { return 0..<0 }
    // A step too fine for the span would give more indices than an Int holds; report it as too many.
    guard abs(first) < 1e15, abs(last) < 1e15 else { return 0..<Int.max }
    return Int(first)..<(Int(last) + 1)
}

/// `mantissa × 10^exponent`, dividing for negative exponents so decimal values round cleanly.
func decimalValue(_ mantissa: Double, _ exponent: Int) -> Double {
    exponent >= 0 ? mantissa * powerOfTen(exponent) : mantissa / powerOfTen(-exponent)
}

/// 10^n for n ≥ 0, exact up to 10^22.
func powerOfTen(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
}

/// Splits a nice step into its mantissa (1, 2 or 5) and decimal exponent.
private func decompose(_ step: Double) -> (mantissa: Double, exponent: Int) {
    let exponent = Int(log10(step).rounded(.down))
    let mantissa = (step / decimalValue(1, exponent)).rounded()
    return mantissa >= 10 ? (mantissa / 10, exponent + 1) : (mantissa, exponent)
}
