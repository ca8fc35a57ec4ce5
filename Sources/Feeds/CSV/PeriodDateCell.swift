import Markets

// MARK: - Dates in observation files (days, months, quarters)

/// Which day stands for a whole month in an observation file.
enum MonthDay {
    /// The month's first day: a monthly flow is a sum over the month, filed under its start.
    case first
    /// The month's last day: a share measured "as of" a month is a reading at its end.
    case last
}

/// The forms a date cell of an observation file may take.
struct PeriodDateForms {
    /// The day a `YYYY-MM` cell stands for.
    var month: MonthDay
    /// Whether `2025Q3` and `2025-Q3` (any case of `Q`) are read, as the quarter's last day.
    var quarters: Bool

    /// The accepted forms, for error messages.
    var description: String { quarters ? "YYYY-MM-DD, YYYY-MM or YYYYQn" : "YYYY-MM-DD or YYYY-MM" }

    /// The day a date cell names, or nil when it is none of the accepted forms or does not exist.
    func day(_ text: String) -> Day? {
        let utf8 = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= utf8.count else { return nil }
            var value = 0
            for byte in utf8[start..<(start + count)] {
                guard ASCII.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - ASCII.zero)
            }
            return value
        }
        guard utf8.count >= 6, let year = number(0, 4) else { return nil }
        let dash = UInt8(ascii: "-")

        if utf8.count == 10 { return Day(iso: text) }
        if utf8.count == 7, utf8[4] == dash, let month = number(5, 2) {
            guard (1...12).contains(month) else { return nil }
            return Day(year: year, month: month, day: self.month == .first ? 1 : Day.daysIn(month: month, year: year))
        }
        guard quarters else { return nil }
        let quarterStart = utf8[4] == dash ? 5 : 4
        guard utf8.count == quarterStart + 2, utf8[quarterStart] | 0x20 == UInt8(ascii: "q"),
              let quarter = number(quarterStart + 1, 1), (1...4).contains(quarter)
        else { return nil }
        let lastMonth = quarter * 3
        return Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year))
    }
}
