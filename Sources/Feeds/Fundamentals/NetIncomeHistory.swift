import Markets

/// A calendar quarter, such as 2025 Q3.
public struct CalendarQuarter: Hashable, Comparable, Sendable {
    public var year: Int
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// The quarter holding a day.
    public init(containing day: Day) {
        let (year, month, _) = day.components
        self.init(year: year, quarter: (month - 1) / 3 + 1)
    }

    /// The quarter's last day, as quarters are dated in the store.
    public var lastDay: Day { Day(year: year, month: quarter * 3, day: 1)!.adding(months: 1).adding(days: -1) }
    /// `CY2025Q3`.
    public var framePeriod: String { XBRLFrame.periodName(year: year, quarter: quarter) }
    /// The quarter `n` quarters later (earlier when negative).
    public func adding(_ n: Int) -> CalendarQuarter {
        let index = year * 4 + (quarter - 1) + n
        return CalendarQuarter(year: index / 4, quarter: index % 4 + 1)
    }

    public static func < (a: CalendarQuarter, b: CalendarQuarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// Net income per company and calendar quarter, from XBRL frames.
///
/// A company's quarter is its value in the quarter's `NetIncomeLoss` frame, else in its `ProfitLoss` frame
/// (filers that report only the total including non-controlling interests). Quarterly frames miss most fourth
/// quarters, since a 10-K reports the year: Q4 is then the year's frame less Q1 to Q3, when all four exist.
public struct NetIncomeHistory: Sendable {
    /// The tags read, in order of preference.
    public static let tags = ["NetIncomeLoss", "ProfitLoss"]

    private var quarters: [CalendarQuarter: [Int: Double]] = [:]
    private var years: [Int: [Int: Double]] = [:]

    public init() {}

    /// Adds a frame's values, keeping a value already there (the preferred tag is added first).
    ///
    /// - Parameters:
    ///   - quarter: the frame's quarter, or nil for a year frame of `year`.
    ///   - keep: the companies worth keeping (the constituents), so a frame of thousands costs little.
    public mutating func add(_ frame: XBRLFrame, year: Int, quarter: Int?, keep: Set<Int>) {
        for fact in frame.facts where keep.contains(fact.cik) {
            if let quarter {
                let key = CalendarQuarter(year: year, quarter: quarter)
                if quarters[key, default: [:]][fact.cik] == nil { quarters[key, default: [:]][fact.cik] = fact.value }
            } else if years[year, default: [:]][fact.cik] == nil {
                years[year, default: [:]][fact.cik] = fact.value
            }
        }
    }

    /// A company's net income in a quarter, or nil when it cannot be told.
    public func value(cik: Int, in quarter: CalendarQuarter) -> Double? {
        if let value = quarters[quarter]?[cik] { return value }
        guard quarter.quarter == 4, let year = years[quarter.year]?[cik] else { return nil }
        var sum = 0.0
        for q in 1...3 {
            guard let value = quarters[CalendarQuarter(year: quarter.year, quarter: q)]?[cik] else { return nil }
            sum += value
        }
        return year - sum
    }

    /// The sum of the four quarters ending with `quarter`, or nil when one is missing.
    public func trailingTwelveMonths(cik: Int, endingWith quarter: CalendarQuarter) -> Double? {
        var sum = 0.0
        for back in 0..<4 {
            guard let value = value(cik: cik, in: quarter.adding(-back)) else { return nil }
            sum += value
        }
        return sum
    }
}
