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

    /// One line for the command line, such as
    /// `rut: 3178 rows read — 3178 added, 0 updated, 0 unchanged, 0 skipped (no close); 2014-01-02 … 2026-08-21`.
    public var summary: String {
        "\(series): \(rowsRead) rows read — \(added) added, \(updated) updated, \(unchanged) unchanged, "
            + "\(skippedNoClose) skipped (no close); \(firstDay) … \(lastDay)"
    }
}
