import Foundation
import Markets
import Testing

@Suite("Market calendar and staleness")
struct MarketCalendarTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }
    func moment(_ iso: String, hourUTC: Int) -> Date { Date(timeIntervalSince1970: Double(day(iso).unixSeconds + Int64(hourUTC) * 3600)) }

    @Test("exchange holidays of 2026 and 2022, observed days included")
    func holidays() {
        let h2026 = MarketCalendar.exchangeHolidays(year: 2026).map(\.iso).sorted()
        #expect(h2026 == ["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
                          "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"])
        // 2022: New Year's Day on a Saturday is not made up; Christmas on a Sunday is observed on Monday.
        let h2022 = MarketCalendar.exchangeHolidays(year: 2022)
        #expect(!h2022.contains(day("2021-12-31")))
        #expect(h2022.contains(day("2022-12-26")))
        #expect(h2022.contains(day("2022-04-15")))
    }

    @Test("the index is not stale over a weekend or a holiday; Bitcoin is after one missing day")
    func staleness() {
        // Monday 2026-11-30 10:00 New York: Friday's bar (after Thanksgiving) is enough.
        let monday = moment("2026-11-30", hourUTC: 15)
        #expect(!MarketCalendar.isStale(.rut, newest: day("2026-11-27"), now: monday))
        #expect(MarketCalendar.isStale(.rut, newest: day("2026-11-25"), now: monday))
        // Friday 2026-11-27: Thursday was Thanksgiving, so Wednesday's bar is enough.
        #expect(!MarketCalendar.isStale(.rut, newest: day("2026-11-25"), now: moment("2026-11-27", hourUTC: 15)))
        #expect(!MarketCalendar.isStale(.btc, newest: day("2026-11-29"), now: monday))
        #expect(MarketCalendar.isStale(.btc, newest: day("2026-11-28"), now: monday))
        #expect(MarketCalendar.isStale(.btc, newest: nil, now: monday))
    }
}
