import Markets

/// How many rows a series has in the store, and over which days.
public struct SeriesSummary: Hashable, Sendable {
    /// The series.
    public var id: SeriesID
    /// Number of stored bars.
    public var count: Int
    /// The first stored day.
    public var firstDay: Day
    /// The last stored day.
    public var lastDay: Day

    /// Makes a summary.
    public init(id: SeriesID, count: Int, firstDay: Day, lastDay: Day) {
        self.id = id; self.count = count; self.firstDay = firstDay; self.lastDay = lastDay
    }
}

/// What one upsert did, bar by bar.
public struct UpsertCounts: Hashable, Sendable {
    /// Bars for days the series did not have.
    public var added: Int
    /// Bars that replaced a stored bar with different values.
    public var updated: Int
    /// Bars that left the stored values as they were (nothing was written for them).
    public var unchanged: Int
    /// Stored open, high, low and volume values kept because the new bar carried none for them.
    public var keptValues: Int
    /// The columns in which at least one stored value was kept.
    public var keptColumns: SeriesColumns
    /// Stored highs or lows dropped because a value the new bar carries contradicts them.
    public var contradicted: Int = 0

    /// Makes counts.
    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, keptValues: Int = 0, keptColumns: SeriesColumns = []) {
        self.added = added; self.updated = updated; self.unchanged = unchanged
        self.keptValues = keptValues; self.keptColumns = keptColumns
    }
}
