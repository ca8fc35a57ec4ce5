import Markets

/// What importing one series of observations (a fund's flows, the loss share) did to the store.
public struct ObservationImportReport: Hashable, Sendable {
    /// The series written, such as `flows.iwm`.
    public var series: SeriesID
    /// The file's display name.
    public var source: String
    /// Data rows in the file for this series.
    public var rowsRead: Int
    /// Values for days the store did not have.
    public var added: Int
    /// Stored values replaced with different ones.
    public var updated: Int
    /// Values equal to the stored ones.
    public var unchanged: Int
    /// Whether the file's rows for this series were out of day order (they were sorted).
    public var wasReordered: Bool
    /// The first day in the file for this series.
    public var firstDay: Day
    /// The last day in the file for this series.
    public var lastDay: Day

    /// Makes a report.
    public init(series: SeriesID, source: String, rowsRead: Int, added: Int, updated: Int, unchanged: Int,
                wasReordered: Bool, firstDay: Day, lastDay: Day) {
        self.series = series; self.source = source; self.rowsRead = rowsRead
        self.added = added; self.updated = updated; self.unchanged = unchanged
        self.wasReordered = wasReordered; self.firstDay = firstDay; self.lastDay = lastDay
    }

    /// One line for the command line, such as
    /// `flows.iwm: 12 rows — 12 added, 0 updated, 0 unchanged; 2025-01-01 … 2025-12-01`.
    public var summary: String {
        "\(series): \(rowsRead) rows — \(added) added, \(updated) updated, \(unchanged) unchanged; \(firstDay) … \(lastDay)"
    }
}

extension ObservationImportReport {
    /// The report for parsed observations and what writing them did.
    init(_ parsed: ParsedObservations, source: String, counts: UpsertCounts) {
        let days = parsed.series.days
        self.init(series: parsed.series.id, source: source, rowsRead: parsed.rowsRead, added: counts.added,
                  updated: counts.updated, unchanged: counts.unchanged, wasReordered: parsed.wasReordered,
                  firstDay: days[0], lastDay: days[days.count - 1])
    }
}
