import Foundation
import Markets

/// The chart's markers as rows for `export markers`: every halving and every index breakout.
public enum MarkerExport {
    /// One marker: what kind, which day, and a label that says exactly what it marks.
    public struct Row: Equatable, Sendable {
        public var kind: String
        public var day: Day
        public var label: String
    }

    /// Every halving (the next one as an estimate) and every breakout on a basis, in date order.
    public static func rows(data: MarketData, basis: BreakoutBasis) -> [Row] {
        let everything = Day(year: 2009, month: 1, day: 3)!...Day(year: 2100, month: 1, day: 1)!
        var rows = HalvingSchedule.halvings(in: everything).map { h in
            Row(kind: h.isEstimate ? "halving_estimate" : "halving", day: h.day,
                label: "\(h.shortLabel) block \(h.blockHeight)\(h.isEstimate ? " (estimated date)" : "")")
        }
        let basisName = basis == .high ? "daily high" : "close"
        rows += data.breakouts(basis: basis).map { b in
            Row(kind: "breakout", day: b.day,
                label: "\(basisName) \(ValueFormat.price(b.value)) above the \(b.priorHighDay.iso) high of "
                    + "\(ValueFormat.price(b.priorHigh)) after \(b.quietDays) quiet trading days (basis \(basis.rawValue))")
        }
        return rows.sorted { ($0.day, $0.kind) < ($1.day, $1.kind) }
    }

    /// The rows as CSV with a `kind,date,label` header.
    public static func csv(_ rows: [Row]) -> String {
        var out = "kind,date,label\n"
        for r in rows { out += "\(r.kind),\(r.day.iso),\(csvField(r.label))\n" }
        return out
    }

    /// The rows as a JSON array of objects with `kind`, `date` and `label`.
    public static func json(_ rows: [Row]) -> String {
        let items = rows.map { "  {\"kind\": \(jsonString($0.kind)), \"date\": \"\($0.day.iso)\", \"label\": \(jsonString($0.label))}" }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A JSON string literal with the characters JSON requires escaped.
public func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
