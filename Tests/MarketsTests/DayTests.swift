import Testing
@testable import Markets

@Suite("Day")
struct DayTests {
    struct CivilCase: Sendable, CustomTestStringConvertible {
        var iso: String
        var raw: Int32
        var weekday: Int
        var testDescription: String { iso }
    }

    @Test(arguments: [
        CivilCase(iso: "1970-01-01", raw: 0, weekday: 4),
        CivilCase(iso: "1969-12-31", raw: -1, weekday: 3),
        CivilCase(iso: "2000-02-29", raw: 11_016, weekday: 2),
        CivilCase(iso: "2012-11-28", raw: 15_672, weekday: 3),
        CivilCase(iso: "2024-11-25", raw: 20_052, weekday: 1),
        CivilCase(iso: "2026-08-21", raw: 20_686, weekday: 5),
        CivilCase(iso: "1900-03-01", raw: -25_508, weekday: 4),
    ])
    func isoRoundTrip(_ c: CivilCase) throws {
        let day = try #require(Day(iso: c.iso))
        #expect(day.rawValue == c.raw)
        #expect(day.iso == c.iso)
        #expect(day.weekday == c.weekday)
        #expect(Day(rawValue: c.raw).iso == c.iso)
    }

    @Test func everyDayRoundTripsThroughComponents() {
        for raw in Int32(-800_000)...Int32(800_000) where raw % 7 == 0 || raw.magnitude < 3_000 {
            let day = Day(rawValue: raw)
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }

    struct LeapCase: Sendable { var year: Int; var leap: Bool }

    @Test(arguments: [
        LeapCase(year: 1900, leap: false), LeapCase(year: 2000, leap: true), LeapCase(year: 2023, leap: false),
        LeapCase(year: 2024, leap: true), LeapCase(year: 2100, leap: false),
    ])
    func leapYears(_ c: LeapCase) {
        #expect(Day.isLeap(c.year) == c.leap)
        #expect((Day(year: c.year, month: 2, day: 29) != nil) == c.leap)
        #expect(Day.daysIn(month: 2, year: c.year) == (c.leap ? 29 : 28))
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024/01/01", "2024-1-01x"])
    func invalidDatesAreRejected(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("a year beyond the day count is no day (it trapped converting to Int32)",
          arguments: [99_999_999_999, 5_000_001, -5_000_001, Int.max, Int.min])
    func yearsBeyondTheCount(_ year: Int) {
        #expect(Day(year: year, month: 6, day: 28) == nil)
    }

    @Test func theFarthestCountableYearsRoundTrip() throws {
        for year in [Day.countableYears.lowerBound, Day.countableYears.upperBound] {
            let day = try #require(Day(year: year, month: 12, day: 31))
            #expect(day.components == (year, 12, 31))
        }
    }

    struct MonthCase: Sendable, CustomTestStringConvertible {
        var from: String
        var months: Int
        var to: String
        var testDescription: String { "\(from) + \(months)m" }
    }

    @Test(arguments: [
        MonthCase(from: "2024-01-31", months: 1, to: "2024-02-29"),
        MonthCase(from: "2023-01-31", months: 1, to: "2023-02-28"),
        MonthCase(from: "2024-03-31", months: -1, to: "2024-02-29"),
        MonthCase(from: "2024-05-31", months: 1, to: "2024-06-30"),
        MonthCase(from: "2024-11-15", months: 2, to: "2025-01-15"),
        MonthCase(from: "2024-01-15", months: -13, to: "2022-12-15"),
        MonthCase(from: "2024-02-29", months: 12, to: "2025-02-28"),
        MonthCase(from: "2024-02-29", months: 48, to: "2028-02-29"),
    ])
    func addingMonthsClamps(_ c: MonthCase) throws {
        let from = try #require(Day(iso: c.from))
        #expect(from.adding(months: c.months).iso == c.to)
    }

    struct UnixCase: Sendable { var seconds: Int64; var iso: String }

    @Test(arguments: [
        UnixCase(seconds: 0, iso: "1970-01-01"),
        UnixCase(seconds: 86_399, iso: "1970-01-01"),
        UnixCase(seconds: 86_400, iso: "1970-01-02"),
        UnixCase(seconds: -1, iso: "1969-12-31"),
        UnixCase(seconds: -86_400, iso: "1969-12-31"),
        UnixCase(seconds: -86_401, iso: "1969-12-30"),
        UnixCase(seconds: 1_732_492_800, iso: "2024-11-25"),
        UnixCase(seconds: 1_732_579_199, iso: "2024-11-25"),
    ])
    func unixSeconds(_ c: UnixCase) {
        let day = Day(unixSeconds: c.seconds)
        #expect(day.iso == c.iso)
        #expect(day.unixSeconds <= c.seconds && c.seconds < day.unixSeconds + 86_400)
    }

    @Test func distanceAndAdding() throws {
        let a = try #require(Day(iso: "2024-02-28"))
        #expect(a.adding(days: 2).iso == "2024-03-01")
        #expect(a.distance(to: a.adding(days: 400)) == 400)
        #expect(a.adding(days: -59).iso == "2023-12-31")
    }
}
