import Markets

/// Maps days of a visible range to horizontal positions on a plot and back.
public struct DayAxis: Sendable {
    public let range: DayRange
    /// Positions across: dots (for drawing) or cells (for the cursor).
    public let positions: Int

    public init(range: DayRange, positions: Int) {
        self.range = range
        self.positions = max(1, positions)
    }

    private var span: Int { max(1, range.lowerBound.distance(to: range.upperBound)) }

    /// Gaps between the first and last position; at least one, so a plot one position wide (a very
    /// narrow terminal) divides by one instead of zero.
    private var gaps: Int { max(1, positions - 1) }

    /// The position of a day, rounded to the nearest (may fall outside 0..<positions for days off the range).
    @inline(__always)
    public func position(of day: Day) -> Int {
        let offset = Double(range.lowerBound.distance(to: day))
        return Int((offset * Double(gaps) / Double(span)).rounded())
    }

    /// The day drawn at a position.
    public func day(at position: Int) -> Day {
        range.lowerBound.adding(days: Int((Double(position) * Double(span) / Double(gaps)).rounded()))
    }

    /// The first day whose position is at least `position`.
    @inline(__always)
    public func firstDay(atOrAfter position: Int) -> Day {
        let d = (Double(position) - 0.5) * Double(span) / Double(gaps)
        return range.lowerBound.adding(days: Int(d.rounded(.up)))
    }

    /// Days between neighbouring positions, at least one.
    public var daysPerPosition: Int { max(1, Int((Double(span) / Double(gaps)).rounded())) }
}
