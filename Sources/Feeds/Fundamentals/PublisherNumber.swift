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

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A date like `Jun 28, 2019` or `Jun 8, 2019`; nil when it is not one.
    static func day(_ text: String) -> Day? {
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count == 3, let month = months.firstIndex(of: parts[0].prefix(3).lowercased()),
              let dayOfMonth = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return Day(year: year, month: month + 1, day: dayOfMonth)
    }
}
