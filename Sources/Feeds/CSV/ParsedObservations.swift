import Markets

/// The observations of one series read from a file, sorted by day, with how the file presented them.
public struct ParsedObservations: Hashable, Sendable {
    /// The series, one value per day, sorted by day.
    public var series: ValueSeries
    /// Data rows in the file that belong to this series.
    public var rowsRead: Int
    /// Whether the file's rows for this series were out of day order (they were sorted).
    public var wasReordered: Bool

    /// Makes parsed observations.
    public init(series: ValueSeries, rowsRead: Int, wasReordered: Bool) {
        self.series = series
        self.rowsRead = rowsRead
        self.wasReordered = wasReordered
    }
}

/// The points of one series gathered while scanning a file, with the line of each, to name both lines
/// of a duplicate.
struct ObservationCollector {
    var points: [(day: Day, value: Double)] = []
    var lineByDay: [Day: Int] = [:]
    var wasReordered = false

    /// Adds a point, or returns the line that already holds its day.
    mutating func add(day: Day, value: Double, line: Int) -> Int? {
        if let earlier = lineByDay[day] { return earlier }
        if let last = points.last, day < last.day { wasReordered = true }
        lineByDay[day] = line
        points.append((day: day, value: value))
        return nil
    }

    /// The collected points as parsed observations of a series.
    func parsed(as id: SeriesID) -> ParsedObservations {
        ParsedObservations(series: ValueSeries(id: id, points: points), rowsRead: points.count, wasReordered: wasReordered)
    }
}

// MARK: - Cells shared by the observation parsers

extension HeaderedCSV {
    /// The day of a date cell, checked against today; `forms` says which forms are read.
    func day(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, line: Int, forms: PeriodDateForms,
             today: Day) throws(ImportError) -> Day {
        let text = fieldText(bytes, field)
        if text.isEmpty { throw fail(line, "date is empty") }
        guard let day = forms.day(text) else {
            throw fail(line, "unparseable date '\(HeaderedCSV.quote(bytes, field))' (expected \(forms.description))")
        }
        if day > today {
            let shown = text == day.iso ? "date \(day)" : "date '\(MessageExcerpt.of(text, limit: 40))' (\(day))"
            throw fail(line, "\(shown) is in the future (today is \(today))")
        }
        return day
    }

    /// The finite number in a value cell; empty, `null`, text, NaN and infinities are errors.
    func number(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, line: Int, column: String) throws(ImportError) -> Double {
        switch parseNumberCell(bytes, field) {
        case .missing:
            throw fail(line, field.isEmpty ? "\(column) is empty" : "\(column) is '\(HeaderedCSV.quote(bytes, field))', not a number")
        case .invalid:
            throw fail(line, "\(column) '\(HeaderedCSV.quote(bytes, field))' is not a number")
        case .value(let value):
            guard value.isFinite else { throw fail(line, "\(column) '\(HeaderedCSV.quote(bytes, field))' is not finite") }
            return value
        }
    }
}
