import Foundation
import Markets

/// Maps values to vertical dot positions on a plot, linearly or on a log scale.
struct ValueAxis {
    let low: Double
    let high: Double
    let log: Bool
    /// Dots down the plot.
    let positions: Int

    /// An axis over the extent of some values, padded so lines do not touch the frame.
    init?(extent: (min: Double, max: Double)?, log: Bool, positions: Int, padding: Double = 0.04) {
        guard let extent, extent.min.isFinite, extent.max.isFinite else { return nil }
        var lo = extent.min, hi = extent.max
        if log {
            guard lo > 0 else { return nil }
            lo = Foundation.log(lo); hi = Foundation.log(hi)
        }
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = log ? 0.01 : max(abs(hi) * 0.01, 1e-9)
            lo -= pad; hi += pad
        }
        let pad = (hi - lo) * padding
        self.low = lo - pad
        self.high = hi + pad
        self.log = log
        self.positions = max(1, positions)
    }

    /// The dot row of a value, 0 at the top.
    @inline(__always)
    func position(of value: Double) -> Int {
        let v = log ? Foundation.log(value) : value
        let t = (v - low) / (high - low)
        return Int(((1 - t) * Double(positions - 1)).rounded())
    }

    /// The smallest and largest value the axis shows.
    var valueRange: (min: Double, max: Double) {
        log ? (exp(low), exp(high)) : (low, high)
    }

    /// Round values to label, about one every `spacing` dots.
    func ticks(maxCount: Int) -> [Double] {
        let r = valueRange
        let ticks = log ? logTicks(min: r.min, max: r.max, maxCount: maxCount)
                        : niceTicks(min: r.min, max: r.max, maxCount: maxCount)
        return ticks.filter { $0 >= r.min && $0 <= r.max }
    }

    /// Labels for tick values that tell every tick apart: the compact form, or, where two would read the
    /// same (101.5 and 102 both as "102" at deep zoom), the decimals the closest pair needs.
    static func distinctLabels(_ values: [Double]) -> [String] {
        let compact = values.map(ValueFormat.compact)
        guard Set(compact).count < compact.count else { return compact }
        let steps = zip(values.dropFirst(), values).map { abs($0 - $1) }.filter { $0 > 0 }
        guard let step = steps.min() else { return compact }
        return values.map { ValueFormat.tick($0, step: step) }
    }
}
