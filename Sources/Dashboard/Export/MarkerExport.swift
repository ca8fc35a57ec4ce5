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
        rows += data.breakouts(basis: basis).map { b in Row(kind: "breakout", day: b.day, label: b.label) }
        return rows.sorted { ($0.day, $0.kind) < ($1.day, $1.kind) }
    }

    /// The rows as a `kind,date,label` table, printed as CSV or JSON.
    public static func table(_ rows: [Row]) -> ExportTable {
        ExportTable(columns: ["kind", "date", "label"], rows: rows.map { [.text($0.kind), .text($0.day.iso), .text($0.label)] })
    }
}
