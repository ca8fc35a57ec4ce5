/// A calendar day, counted in days since 1970-01-01 (UTC).
///
/// Market data is daily, so a whole-day type keeps arithmetic exact and fast: no time zones, no
/// Foundation date formatting in hot paths. Conversions use the proleptic Gregorian calendar.
///
/// Bitwise-copyable: an array of days has the memory layout of its `Int32` counts, so the store reads a
/// column of days straight into one.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, BitwiseCopyable {
    /// Days since 1970-01-01.
    public var rawValue: Int32

    /// Makes a day from its count since 1970-01-01.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Makes a day from a Gregorian year, month (1–12) and day of month (1–31).
    ///
    /// Returns nil for a date that does not exist, such as February 30, and for a year too far away for
    /// the day count (beyond ±5,000,000).
    public init?(year: Int, month: Int, day: Int) {
        guard Day.countableYears.contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.rawValue = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Years whose days fit the 32-bit count (which reaches about ±5,879,000 years).
    public static let countableYears = -5_000_000...5_000_000

    /// Makes a day from an ISO date, `YYYY-MM-DD`; nil when the text is not one.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let year = Day.digits(utf8, 0, 4), let month = Day.digits(utf8, 5, 2), let day = Day.digits(utf8, 8, 2)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day that contains a Unix time in seconds, in UTC.
    public init(unixSeconds: Int64) {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        self.rawValue = Int32(clamping: days)
    }

    /// Year, month and day of month of this day.
    public var components: (year: Int, month: Int, day: Int) { Day.civil(from: Int(rawValue)) }

    /// The Gregorian year.
    public var year: Int { components.year }

    /// The day of the week, 0 for Sunday through 6 for Saturday.
    public var weekday: Int { Int(((Int64(rawValue) % 7) + 7 + 4) % 7) }

    /// The ISO form, `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    public var description: String { iso }

    /// Unix seconds at midnight UTC that starts this day.
    public var unixSeconds: Int64 { Int64(rawValue) * 86_400 }

    /// This day moved by a number of days.
    public func adding(days: Int) -> Day { Day(rawValue: rawValue + Int32(days)) }

    /// Days from this day to another (positive when `other` is later).
    public func distance(to other: Day) -> Int { Int(other.rawValue) - Int(rawValue) }

    /// The same day of month a number of months away, clamped to the month's last day.
    public func adding(months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))!
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: - Calendar arithmetic

    /// Number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a Gregorian year has 366 days.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(from days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let b = bytes[i]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// An inclusive range of days.
public typealias DayRange = ClosedRange<Day>
