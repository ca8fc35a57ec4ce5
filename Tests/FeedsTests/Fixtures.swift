import Feeds
import Foundation
import Markets

/// The day the tests treat as today, after the newest reference row (2026-08-21).
let testToday = Day(iso: "2026-11-25")!

/// A day from its ISO text; traps on a typo in a test.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// Parses inline CSV text as the file `name`.
func parse(_ text: String, name: String = "prices.csv", today: Day = testToday) throws -> ParsedPrices {
    try PriceCSVParser(today: today).parse(Array(text.utf8), name: name)
}

/// The error a parse throws, or nil when it succeeds.
func parseError(_ text: String, name: String = "bad.csv", today: Day = testToday) -> ImportError? {
    do {
        _ = try PriceCSVParser(today: today).parse(Array(text.utf8), name: name)
        return nil
    } catch {
        return error
    }
}
