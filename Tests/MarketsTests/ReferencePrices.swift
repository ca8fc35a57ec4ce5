import Foundation
import Testing
import TestSupport
@testable import Markets

/// Closes from a reference price file, read with plain string splitting rather than the project's import code.
struct ReferenceCloses {
    /// ISO dates, ascending as in the file.
    var dates: [String]
    /// The close of each date.
    var closes: [Double]

    /// Reads `date,open,high,low,close,volume`, keeping rows whose close parses.
    init(_ name: String) throws {
        let url = try #require(ReferenceData.file(name))
        let text = try String(contentsOf: url, encoding: .utf8)
        dates = []
        closes = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 5, let close = Double(fields[4]) else { continue }
            dates.append(String(fields[0]))
            closes.append(close)
        }
    }

    /// The closes as a project series, for the code under test.
    func series(_ id: SeriesID) -> Series {
        Series(id: id, bars: zip(dates, closes).map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
    }

    /// The close on a date or the latest earlier one, by a linear scan over ISO strings (which sort as dates).
    func close(onOrBefore date: String) -> (date: String, close: Double)? {
        var found: (String, Double)?
        for (d, c) in zip(dates, closes) where d <= date { found = (d, c) }
        return found
    }
}

/// Adds calendar days to an ISO date through Foundation's Gregorian calendar in UTC, independent of `Day`.
func isoDate(_ date: String, plusDays n: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = calendar.timeZone
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    let start = formatter.date(from: date)!
    return formatter.string(from: calendar.date(byAdding: .day, value: n, to: start)!)
}

/// The Pearson correlation by the textbook two-pass formula: means first, then centred sums.
func textbookPearson(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
        syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
}
