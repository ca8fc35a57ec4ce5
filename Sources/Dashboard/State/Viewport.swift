import Markets

/// The visible span of days and the crosshair cursor inside it, kept within the data's extent.
///
/// All moves are pure and clamp, so whatever keys arrive the range stays inside the data, the cursor stays
/// inside the range, and the span never drops below `minimumSpan` days.
public struct Viewport: Hashable, Sendable {
    /// Every day the data covers.
    public private(set) var bounds: DayRange
    /// The days on screen.
    public private(set) var range: DayRange
    /// The crosshair's day.
    public private(set) var cursor: Day

    /// The narrowest view, in days between its first and last day.
    public static let minimumSpan = 10

    /// A viewport showing all of `bounds`, the cursor on the last day.
    public init(bounds: DayRange) {
        self.bounds = bounds
        self.range = bounds
        self.cursor = bounds.upperBound
    }

    /// Days between the first and last visible day.
    public var span: Int { range.lowerBound.distance(to: range.upperBound) }

    /// Where the cursor sits across the range, 0 at the left edge and 1 at the right.
    public var cursorFraction: Double {
        span == 0 ? 1 : Double(range.lowerBound.distance(to: cursor)) / Double(span)
    }

    // MARK: - Moves

    /// Shows a span of days with the cursor kept at the same place on screen.
    public mutating func setSpan(_ newSpan: Int) {
        let total = bounds.lowerBound.distance(to: bounds.upperBound)
        let s = min(max(newSpan, min(Viewport.minimumSpan, total)), total)
        let fraction = cursorFraction
        let start = cursor.adding(days: -Int((Double(s) * fraction).rounded()))
        place(start: start, span: s)
    }

    /// Zooms in (factor < 1) or out (factor > 1) around the cursor.
    public mutating func zoom(by factor: Double) {
        setSpan(Int((Double(span) * factor).rounded()))
    }

    /// Moves the range by a number of days; the cursor moves with it.
    public mutating func pan(days: Int) {
        let before = range.lowerBound
        let cursorBefore = cursor
        place(start: range.lowerBound.adding(days: days), span: span)
        // From where the cursor was: `place` has already pulled a cursor at the edge inside the new range.
        cursor = clamp(cursorBefore.adding(days: before.distance(to: range.lowerBound)))
    }

    /// Moves the range to start at the first day of the data, keeping its span, and the cursor to that day.
    public mutating func goToStart() {
        place(start: bounds.lowerBound, span: span)
        cursor = range.lowerBound
    }

    /// Moves the range to end at the last day of the data, keeping its span, and the cursor to that day.
    public mutating func goToEnd() {
        place(start: bounds.upperBound.adding(days: -span), span: span)
        cursor = range.upperBound
    }

    /// Shows every day of the data.
    public mutating func showAll() {
        range = bounds
        cursor = clamp(cursor)
    }

    /// Shows exactly a range (clamped to the data), the cursor kept if inside, else on its last day.
    public mutating func show(_ requested: DayRange) {
        let lo = max(requested.lowerBound, bounds.lowerBound)
        let hi = min(requested.upperBound, bounds.upperBound)
        if lo > hi { showAll(); return }
        place(start: lo, span: max(lo.distance(to: hi), Viewport.minimumSpan))
        if !range.contains(cursor) { cursor = range.upperBound }
    }

    /// Moves the cursor by days; the range follows when the cursor leaves it.
    public mutating func moveCursor(days: Int) {
        let target = min(max(cursor.adding(days: days), bounds.lowerBound), bounds.upperBound)
        setCursor(target)
    }

    /// Puts the cursor on a day, panning the range so the day is visible.
    public mutating func setCursor(_ day: Day) {
        let target = min(max(day, bounds.lowerBound), bounds.upperBound)
        if target < range.lowerBound {
            place(start: target, span: span)
        } else if target > range.upperBound {
            place(start: target.adding(days: -span), span: span)
        }
        cursor = clamp(target)
    }

    /// Puts the cursor on a day and centres the range on it when the day is off screen.
    public mutating func jumpCursor(to day: Day) {
        let target = min(max(day, bounds.lowerBound), bounds.upperBound)
        if !range.contains(target) { place(start: target.adding(days: -span / 2), span: span) }
        cursor = clamp(target)
    }

    /// Takes a new data extent (after new data arrived), keeping the view where possible.
    public mutating func updateBounds(_ newBounds: DayRange) {
        let wasAtEnd = range.upperBound == bounds.upperBound
        let wasAll = range == bounds
        bounds = newBounds
        if wasAll {
            range = newBounds
        } else if wasAtEnd {
            // The view follows the new end, the cursor keeping its place on screen.
            let offset = range.lowerBound.distance(to: cursor)
            place(start: bounds.upperBound.adding(days: -span), span: span)
            cursor = clamp(range.lowerBound.adding(days: offset))
        } else {
            show(range)
        }
        cursor = clamp(cursor)
    }

    // MARK: - Helpers

    private mutating func place(start: Day, span: Int) {
        let total = bounds.lowerBound.distance(to: bounds.upperBound)
        let s = min(max(0, span), total)
        var lo = max(start, bounds.lowerBound)
        if lo.adding(days: s) > bounds.upperBound { lo = bounds.upperBound.adding(days: -s) }
        range = lo...lo.adding(days: s)
        cursor = clamp(cursor)
    }

    private func clamp(_ day: Day) -> Day { min(max(day, range.lowerBound), range.upperBound) }
}
