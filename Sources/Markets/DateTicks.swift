/// The spacing of date ticks on a time axis.
public enum DateStep: Hashable, Sendable {
    /// Every day.
    case days(Int)
    /// Every Monday (or every n-th Monday).
    case weeks(Int)
    /// The first of every n-th month, counted from January (3 gives quarters).
    case months(Int)
    /// January 1 of every year divisible by n.
    case years(Int)
}

/// A labelled tick on a time axis.
public struct DateTick: Hashable, Sendable {
    /// The day the tick marks.
    public var day: Day
    /// Its label, such as `2020`, `Jan 2021`, `Mar` or `Mar 14`.
    public var label: String

    /// Makes a date tick.
    public init(day: Day, label: String) {
        self.day = day
        self.label = label
    }
}

/// Chooses and labels ticks for a range of days.
///
/// Steps, finest first: every day, every Monday, the first of each month, of each quarter, January 1 of every
/// year, every 2, 5, 10, 20, 50… years. The finest step that gives at most `maxCount` ticks wins.
/// Labels:
/// - years: `2020`;
/// - months and quarters: `Jan 2021` on January and on the first tick (so the year is always on screen),
///   `Mar` otherwise;
/// - weeks and days: `Mar 14`.
/// Counting is arithmetic and only the chosen ticks are built, so the cost is O(maxCount).
public enum DateTicks {
    /// Month abbreviations, January first.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The finest step that puts at most `maxCount` ticks in the range (nil when `maxCount` < 1).
    public static func step(for range: DayRange, maxCount: Int) -> DateStep? {
        guard maxCount >= 1 else { return nil }
        for step in [DateStep.days(1), .weeks(1), .months(1), .months(3)] where count(step, in: range) <= maxCount {
            return step
        }
        var years = 1
        var index = 0
        while true {
            if count(.years(years), in: range) <= maxCount { return .years(years) }
            index += 1
            years = [1, 2, 5][index % 3] * Int(powerOfTen(index / 3))
        }
    }

    /// The labelled ticks for a range, at most `maxCount` of them.
    public static func ticks(in range: DayRange, maxCount: Int) -> [DateTick] {
        guard let step = step(for: range, maxCount: maxCount) else { return [] }
        return ticks(in: range, step: step)
    }

    /// The labelled ticks of one step within a range.
    public static func ticks(in range: DayRange, step: DateStep) -> [DateTick] {
        var result: [DateTick] = []
        switch step {
        case .days(let n):
            var day = range.lowerBound
            while day <= range.upperBound {
                result.append(DateTick(day: day, label: monthDayLabel(day)))
                day = day.adding(days: max(n, 1))
            }
        case .weeks(let n):
            var day = firstMonday(onOrAfter: range.lowerBound)
            while day <= range.upperBound {
                result.append(DateTick(day: day, label: monthDayLabel(day)))
                day = day.adding(days: 7 * max(n, 1))
            }
        case .months(let n):
            guard let months = monthIndices(range, every: n) else { return [] }
            for index in months.values {
                let year = floorDiv(index, 12), month = index - year * 12 + 1
                let label = month == 1 || result.isEmpty ? monthNames[month - 1] + " " + String(year)
                    : monthNames[month - 1]
                result.append(DateTick(day: Day(year: year, month: month, day: 1)!, label: label))
            }
        case .years(let n):
            guard let years = yearNumbers(range, every: n) else { return [] }
            for year in years.values {
                result.append(DateTick(day: Day(year: year, month: 1, day: 1)!, label: String(year)))
            }
        }
        return result
    }

    // MARK: - Counting

    /// How many ticks a step puts in a range, without building them.
    public static func count(_ step: DateStep, in range: DayRange) -> Int {
        switch step {
        case .days(let n):
            return range.lowerBound.distance(to: range.upperBound) / max(n, 1) + 1
        case .weeks(let n):
            let first = firstMonday(onOrAfter: range.lowerBound)
            return first > range.upperBound ? 0 : first.distance(to: range.upperBound) / (7 * max(n, 1)) + 1
        case .months(let n):
            return monthIndices(range, every: n)?.count ?? 0
        case .years(let n):
            return yearNumbers(range, every: n)?.count ?? 0
        }
    }

    /// Month indices (year·12 + month-1) of month starts in the range whose month-1 is a multiple of n.
    private static func monthIndices(_ range: DayRange, every n: Int) -> Progression? {
        let n = max(n, 1)
        let (y0, m0, d0) = range.lowerBound.components
        let (y1, m1, _) = range.upperBound.components
        let first = ceilMultiple(y0 * 12 + m0 - 1 + (d0 > 1 ? 1 : 0), of: n)
        let last = y1 * 12 + m1 - 1
        return first > last ? nil : Progression(first: first, last: last, step: n)
    }

    /// Years whose January 1 is in the range and which are multiples of n.
    private static func yearNumbers(_ range: DayRange, every n: Int) -> Progression? {
        let n = max(n, 1)
        let (y0, m0, d0) = range.lowerBound.components
        let first = ceilMultiple(y0 + (m0 == 1 && d0 == 1 ? 0 : 1), of: n)
        let last = range.upperBound.year
        return first > last ? nil : Progression(first: first, last: last, step: n)
    }

    /// An arithmetic run of integers, counted without walking it.
    private struct Progression {
        var first: Int
        var last: Int
        var step: Int
        var count: Int { (last - first) / step + 1 }
        var values: StrideThrough<Int> { stride(from: first, through: last, by: step) }
    }

    // MARK: - Helpers

    /// `Mar 14`.
    public static func monthDayLabel(_ day: Day) -> String {
        let (_, month, dayOfMonth) = day.components
        return monthNames[month - 1] + " " + String(dayOfMonth)
    }

    private static func firstMonday(onOrAfter day: Day) -> Day { day.adding(days: (8 - day.weekday) % 7) }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    private static func ceilMultiple(_ a: Int, of n: Int) -> Int { -floorDiv(-a, n) * n }
}
