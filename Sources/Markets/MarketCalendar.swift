import Foundation

/// Which days a market trades, and whether a series' newest bar is older than that market allows.
///
/// The index trades on New York Stock Exchange days: weekdays except the exchange's full-day holidays
/// (New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial Day,
/// Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving, Christmas; a Saturday holiday is
/// observed on the Friday before, a Sunday one on the Monday after, except New Year's Day on a Saturday,
/// which is not made up). Bitcoin trades every day.
public enum MarketCalendar {
    /// Whether the index trades on a day.
    public static func isIndexTradingDay(_ day: Day) -> Bool {
        day.weekday != 0 && day.weekday != 6 && !exchangeHolidays(year: day.year).contains(day)
    }

    /// The exchange's full-day holidays of a year, on the days they are observed.
    public static func exchangeHolidays(year: Int) -> Set<Day> {
        func observed(_ day: Day, isNewYear: Bool = false) -> Day? {
            switch day.weekday {
            case 6: return isNewYear ? nil : day.adding(days: -1)
            case 0: return day.adding(days: 1)
            default: return day
            }
        }
        func nth(_ n: Int, weekday: Int, month: Int) -> Day {
            let first = Day(year: year, month: month, day: 1)!
            return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
        }
        func last(weekday: Int, month: Int) -> Day {
            let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            return end.adding(days: -((end.weekday - weekday + 7) % 7))
        }
        var days: [Day?] = [
            observed(Day(year: year, month: 1, day: 1)!, isNewYear: true),
            nth(3, weekday: 1, month: 1), nth(3, weekday: 1, month: 2), easter(year).adding(days: -2),
            last(weekday: 1, month: 5), observed(Day(year: year, month: 7, day: 4)!), nth(1, weekday: 1, month: 9),
            nth(4, weekday: 4, month: 11), observed(Day(year: year, month: 12, day: 25)!),
        ]
        if year >= 2022 { days.append(observed(Day(year: year, month: 6, day: 19)!)) }
        return Set(days.compactMap { $0 })
    }

    /// Easter Sunday (Gregorian), by the anonymous algorithm.
    static func easter(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// The newest day a series should have a bar for at a moment; one trading day of lag is allowed
    /// because today's bar appears only once the market has opened.
    public static func expectedNewestDay(_ series: SeriesID, now: Date) -> Day {
        if series == .btc { return Day(unixSeconds: Int64(now.timeIntervalSince1970)).adding(days: -1) }
        let offset = TimeZone(identifier: "America/New_York")?.secondsFromGMT(for: now) ?? -18_000
        var day = Day(unixSeconds: Int64(now.timeIntervalSince1970) + Int64(offset)).adding(days: -1)
        while !isIndexTradingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// Whether a newest bar is older than the market allows.
    public static func isStale(_ series: SeriesID, newest: Day?, now: Date) -> Bool {
        guard let newest else { return true }
        return newest < expectedNewestDay(series, now: now)
    }
}
