import Markets

// MARK: - Dates in price files

/// Parses the date cell of a price file into the calendar day it names.
///
/// Accepted forms:
/// - `YYYY-MM-DD`;
/// - `YYYY-MM-DD HH:MM[:SS[.fff]]` or with `T`, optionally followed by `Z` or an offset such as
///   `+02:00`; the day is the date as written (the time and offset are ignored);
/// - `YYYYMMDD` (Stooq's bulk files), which is always read as a date, never as Unix seconds;
/// - Unix seconds (9 to 11 digits) and Unix milliseconds (13 digits), as UTC days.
///
/// Returns nil for anything else, including dates that do not exist such as 2023-02-29.
func parseDayCell(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> Day? {
    let start = field.start, count = field.end - field.start
    guard count >= 8 else { return nil }

    if bytes[start + 4] == UInt8(ascii: "-") {
        guard count >= 10, bytes[start + 7] == UInt8(ascii: "-"),
              let year = digits(bytes, start, 4), let month = digits(bytes, start + 5, 2),
              let day = digits(bytes, start + 8, 2)
        else { return nil }
        if count > 10 {
            let separator = bytes[start + 10]
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T"),
                  isTimeOfDay(bytes, start + 11, field.end)
            else { return nil }
        }
        return Day(year: year, month: month, day: day)
    }

    guard let number = digits(bytes, start, count) else { return nil }
    switch count {
    case 8: return Day(year: number / 10_000, month: number / 100 % 100, day: number % 100)
    case 9...11: return Day(unixSeconds: Int64(number))
    case 13: return Day(unixSeconds: Int64(number / 1000))
    default: return nil
    }
}

/// The decimal value of `count` ASCII digits at `start`, or nil when one is not a digit.
@inline(__always)
private func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<(start + count) {
        let byte = bytes[i]
        guard ASCII.isDigit(byte) else { return nil }
        value = value &* 10 &+ Int(byte - ASCII.zero)
    }
    return value
}

/// Whether `HH:MM[:SS[.fff]][Z|±HH[:]MM]` fills the bytes from `start` to `end`.
private func isTimeOfDay(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var i = start
    func twoDigits(max: Int) -> Bool {
        guard i + 2 <= end, let value = digits(bytes, i, 2), value <= max else { return false }
        i += 2
        return true
    }
    guard twoDigits(max: 23), i < end, bytes[i] == UInt8(ascii: ":"), { i += 1; return true }(),
          twoDigits(max: 59)
    else { return false }
    if i < end, bytes[i] == UInt8(ascii: ":") {
        i += 1
        guard twoDigits(max: 60) else { return false }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < end, ASCII.isDigit(bytes[i]) { i += 1 }
            guard i > fractionStart else { return false }
        }
    }
    if i == end { return true }
    if bytes[i] == UInt8(ascii: "Z") { return i + 1 == end }
    guard bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return false }
    i += 1
    guard twoDigits(max: 23) else { return false }
    if i < end, bytes[i] == UInt8(ascii: ":") { i += 1 }
    return twoDigits(max: 59) && i == end
}
