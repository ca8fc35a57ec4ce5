import Foundation
import Markets

// MARK: - Rules a bar must meet before it is stored

extension Bar {
    /// Why this bar may not be stored, or nil when it may.
    ///
    /// Prices must be finite and positive (the close always, open/high/low when present), the high not
    /// below the low, the volume finite and not negative, and the day not after `today`.
    public func validationProblem(today: Day) -> String? {
        if day > today { return "day is after today (\(today))" }
        guard close.isFinite, close > 0 else { return "close \(close) is not a positive finite number" }
        for (label, value) in [("open", open), ("high", high), ("low", low)] {
            if let value, !(value.isFinite && value > 0) { return "\(label) \(value) is not a positive finite number" }
        }
        if let high, let low, high < low { return "high \(high) is below low \(low)" }
        if let volume, !(volume.isFinite && volume >= 0) { return "volume \(volume) is not a finite number ≥ 0" }
        return nil
    }
}

extension Day {
    /// The current day in UTC.
    public static func utcToday(now: Date = Date()) -> Day {
        Day(unixSeconds: Int64(now.timeIntervalSince1970.rounded(.down)))
    }
}
