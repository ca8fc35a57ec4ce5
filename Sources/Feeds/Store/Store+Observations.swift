import GRDB
import Markets

/// One series' worth of observations to write: the series and its (day, value) points.
public struct ObservationBatch: Sendable {
    /// The series to write into, such as `flows.iwm`.
    public var series: SeriesID
    /// The points, in any order; a day may appear only once.
    public var points: [(day: Day, value: Double)]

    /// Makes a batch.
    public init(series: SeriesID, points: [(day: Day, value: Double)]) {
        self.series = series
        self.points = points
    }

    /// The points of a value series, as a batch for the same series.
    public init(_ series: ValueSeries) {
        self.init(series: series.id, points: Array(zip(series.days, series.values).map { (day: $0, value: $1) }))
    }
}

// MARK: - Observations: numbers that are not prices

extension Store {
    /// Why an observation may not be stored, or nil when it may: its value must be finite and its day
    /// not after `today`. Zero and negative values (outflows) are allowed.
    public static func observationProblem(day: Day, value: Double, today: Day) -> String? {
        if day > today { return "day is after today (\(today))" }
        if !value.isFinite { return "value \(value) is not a finite number" }
        return nil
    }

    // MARK: Reading

    /// An observation series as stored, optionally limited to a range of days; empty when there is none.
    public func loadObservations(_ id: SeriesID, in range: DayRange? = nil) throws -> ValueSeries {
        try reader.read { db in
            let lower = range.map { Int64($0.lowerBound.rawValue) } ?? Int64(Int32.min)
            let upper = range.map { Int64($0.upperBound.rawValue) } ?? Int64(Int32.max)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT day, value FROM observation WHERE series = ? AND day BETWEEN ? AND ? ORDER BY day",
                arguments: [id.rawValue, lower, upper])
            var points: [(day: Day, value: Double)] = []
            while let row = try rows.next() {
                points.append((day: Day(rawValue: row[0] as Int32), value: row[1] as Double))
            }
            return ValueSeries(id: id, points: points)
        }
    }

    /// The observation series whose names start with `prefix` (such as `flows.`), in name order.
    ///
    /// The prefix is compared as plain text: `_` and `%` have no special meaning. An empty prefix
    /// lists every observation series.
    public func observationSeriesIDs(prefix: String) throws -> [SeriesID] {
        try reader.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT series FROM observation WHERE substr(series, 1, length(?1)) = ?1 ORDER BY series",
                arguments: [prefix]
            ).map { SeriesID($0) }
        }
    }

    // MARK: Writing

    /// Inserts new observations and replaces changed ones for one series, in one transaction, and logs
    /// the import.
    ///
    /// Every point is checked first (see `observationProblem(day:value:today:)`), and a day may appear
    /// only once; one invalid point rejects the whole batch and nothing is written. Points equal to
    /// the stored ones are counted as unchanged and not rewritten.
    ///
    /// - Throws: `StoreError.invalidObservation`, or a database error.
    @discardableResult
    public func upsertObservations(_ points: [(day: Day, value: Double)], into id: SeriesID, source: String,
                                   today: Day = .utcToday()) throws -> UpsertCounts {
        try upsertObservations([ObservationBatch(series: id, points: points)], source: source, today: today)[0]
    }

    /// Writes several series in one transaction (all or nothing), after checking every point of every
    /// batch; returns the counts in the order of the batches.
    ///
    /// - Throws: `StoreError.invalidObservation` (nothing written), or a database error.
    @discardableResult
    public func upsertObservations(_ batches: [ObservationBatch], source: String,
                                   today: Day = .utcToday()) throws -> [UpsertCounts] {
        var seriesSeen = Set<SeriesID>()
        for batch in batches {
            guard seriesSeen.insert(batch.series).inserted else {
                throw StoreError.invalidObservation(series: batch.series, day: batch.points.first?.day ?? today,
                                                    reason: "the series appears twice in one write")
            }
            var daysSeen = Set<Day>(minimumCapacity: batch.points.count)
            for point in batch.points {
                if let problem = Store.observationProblem(day: point.day, value: point.value, today: today) {
                    throw StoreError.invalidObservation(series: batch.series, day: point.day, reason: problem)
                }
                guard daysSeen.insert(point.day).inserted else {
                    throw StoreError.invalidObservation(series: batch.series, day: point.day,
                                                        reason: "the day appears twice in one batch")
                }
            }
        }

        return try writeTransaction { db in
            try batches.map { batch in try Store.write(batch, source: source, in: db) }
        }
    }

    /// Writes one checked batch inside an open transaction and logs it.
    private static func write(_ batch: ObservationBatch, source: String, in db: Database) throws -> UpsertCounts {
        let days = batch.points.map(\.day)
        guard let firstDay = days.min(), let lastDay = days.max() else { return UpsertCounts() }
        let id = batch.series.rawValue

        var stored: [Int32: Double] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT day, value FROM observation WHERE series = ? AND day BETWEEN ? AND ?",
            arguments: [id, firstDay.rawValue, lastDay.rawValue])
        while let row = try rows.next() { stored[row[0] as Int32] = row[1] as Double }

        let insert = try db.makeStatement(sql: "INSERT INTO observation (series, day, value) VALUES (?, ?, ?)")
        let update = try db.makeStatement(sql: "UPDATE observation SET value = ? WHERE series = ? AND day = ?")
        var counts = UpsertCounts()
        for point in batch.points {
            if let old = stored[point.day.rawValue] {
                if old == point.value { counts.unchanged += 1; continue }
                try update.execute(arguments: [point.value, id, point.day.rawValue])
                counts.updated += 1
            } else {
                try insert.execute(arguments: [id, point.day.rawValue, point.value])
                counts.added += 1
            }
        }
        try db.execute(
            sql: """
                INSERT INTO import_log (series, source, added, updated, unchanged, first_day, last_day)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, source, counts.added, counts.updated, counts.unchanged, firstDay.rawValue, lastDay.rawValue])
        return counts
    }
}
