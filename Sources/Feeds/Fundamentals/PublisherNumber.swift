import Foundation
import Markets

/// Numbers and dates as publishers print them: `"1,234,567.89"`, `"-"` for none, `"Jun 28, 2019"`.
enum PublisherNumber {
    /// A number with thousands separators; nil for `-`, `--` or an empty cell.
    static func value(_ text: String) -> Double?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "-" || trimmed == "--" { return .some(nil) }
        guard let number = Double(trimmed.replacingOccurrences(of: ",", with: "")), number.isFinite else { return nil }
        return .some(number)
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"]

    /// A date like `Jun 28, 2019`, `Jun 8, 2019` or `June 28, 2019`; nil when it is not one.
    ///
    /// The month is its name or its first three letters or more; the year has four digits, so a cut or
    /// mistyped year (`Jun 28, 19`, `Jun 28, 20199`) is no date rather than one in another millennium.
    static func day(_ text: String) -> Day? {
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count == 3, parts[0].count >= 3,
              let month = months.firstIndex(where: { $0.hasPrefix(parts[0].lowercased()) }),
              parts[1].count <= 2, let dayOfMonth = Int(parts[1]),
              parts[2].count == 4, parts[2].allSatisfy(\.isASCII), parts[2].allSatisfy(\.isNumber), let year = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month + 1, day: dayOfMonth)
    }
}
