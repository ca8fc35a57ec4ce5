import Markets

/// The bars read from a price file, in day order, with counts of what was left out.
public struct ParsedPrices: Hashable, Sendable {
    /// One bar per day, sorted by day.
    public var bars: [Bar]
    /// Data rows in the file, including those skipped; blank lines and the header are not rows.
    public var rowsRead: Int
    /// Rows skipped because their close was empty or `null`.
    public var skippedNoClose: Int
    /// Empty or `null` open, high, low and volume cells in the kept rows; each became nil.
    public var emptyCells: Int
    /// Whether the file's rows were out of day order and had to be sorted.
    public var wasReordered: Bool
    /// Whether the file began with a header row (otherwise the layout was inferred).
    public var hadHeader: Bool
    /// The optional columns the file has (a `date,close` file has none of them).
    public var carriedColumns: SeriesColumns = .all

    /// The first and last day read, or nil when there are no bars.
    public var dayRange: DayRange? { bars.isEmpty ? nil : bars[0].day...bars[bars.count - 1].day }
}
