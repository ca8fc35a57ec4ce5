import Markets

/// What importing one price file did to the store.
public struct ImportReport: Hashable, Sendable {
    /// The series written.
    public var series: SeriesID
    /// The file's display name.
    public var source: String
    /// Data rows in the file, including skipped ones.
    public var rowsRead: Int
    /// Bars for days the store did not have.
    public var added: Int
    /// Stored bars replaced with different values.
    public var updated: Int
    /// Bars identical to the stored ones.
    public var unchanged: Int
    /// Rows skipped because they had no close.
    public var skippedNoClose: Int
    /// Empty open, high, low or volume cells in the kept rows.
    public var emptyCells: Int
    /// Whether the file's rows were out of day order (they were sorted).
    public var wasReordered: Bool
    /// The first day in the file.
    public var firstDay: Day
    /// The last day in the file.
    public var lastDay: Day
    /// The optional columns (open, high, low, volume) the file has.
    public var carriedColumns: SeriesColumns = .all
    /// Stored values kept because the file carried none for them (a missing column or an empty cell).
    public var keptValues: Int = 0
    /// The columns in which stored values were kept.
    public var keptColumns: SeriesColumns = []
    /// Stored highs or lows dropped because the file's values contradict them.
    public var contradicted: Int = 0

    /// One line for the command line, such as
    /// `rut: 3178 rows read — 3178 added, 0 updated, 0 unchanged, 0 skipped (no close); 2014-01-02 … 2026-08-21`.
    ///
    /// A file of closes alone says its unchanged rows confirmed the stored closes, and any stored values the
    /// file did not carry are named as kept: an import never erases them.
    public var summary: String {
        let confirmed = carriedColumns.isEmpty && unchanged > 0 ? ", closes confirmed" : ""
        var line = "\(series): \(rowsRead) rows read — \(added) added, \(updated) updated, \(unchanged) unchanged\(confirmed), "
            + "\(skippedNoClose) skipped (no close); \(firstDay) … \(lastDay)"
        if keptValues > 0 {
            line += "; \(keptValues) stored \(ImportReport.names(keptColumns)) kept (the file has none for them)"
        }
        if contradicted > 0 {
            line += "; \(contradicted) stored highs or lows dropped (the file's values contradict them)"
        }
        return line
    }

    /// "opens, highs, lows and volumes", or the part of it a set of columns names.
    static func names(_ columns: SeriesColumns) -> String {
        let words = [(SeriesColumns.opens, "opens"), (.highs, "highs"), (.lows, "lows"), (.volumes, "volumes")]
            .filter { columns.contains($0.0) }.map(\.1)
        guard words.count > 1 else { return words.first ?? "values" }
        return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }
}
