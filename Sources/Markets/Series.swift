/// A daily series, sorted by day with one bar per day, stored as columns.
///
/// Columns keep a million bars compact and let charting code walk one field without touching the others.
/// Days and closes are always held. Opens, highs, lows and volumes may be absent, as when a source gives
/// closes only or a reader loads just the columns it draws: an absent column takes no memory and reads as
/// missing on every day. A missing value is NaN through `open(at:)` and the other accessors, nil through
/// `bar(at:)`.
///
/// Equality compares what the series says, not how it is held: a missing value equals a missing value, and
/// an absent column equals a column whose values are all missing.
public struct Series: Hashable, Sendable {
    public var id: SeriesID
    public private(set) var days: [Day]
    public private(set) var closes: [Double]
    private var openColumn = OptionalColumn()
    private var highColumn = OptionalColumn()
    private var lowColumn = OptionalColumn()
    private var volumeColumn = OptionalColumn()

    /// An empty series.
    public init(id: SeriesID) {
        self.id = id
        days = []; closes = []
    }

    /// Makes a series from bars in any order; for a repeated day the last bar wins.
    public init(id: SeriesID, bars: [Bar]) {
        self.init(id: id)
        var sorted = bars.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
        // keep the last of each day
        var unique: [Bar] = []
        unique.reserveCapacity(sorted.count)
        for bar in sorted {
            if let last = unique.last, last.day == bar.day { unique[unique.count - 1] = bar } else { unique.append(bar) }
        }
        sorted = unique
        reserveCapacity(sorted.count)
        for bar in sorted { appendUnchecked(bar) }
    }

    /// Makes a series from its columns, which must have one entry per day and days strictly ascending.
    ///
    /// An optional column that is nil or holds only NaN is absent. Checks the order in one pass; much faster
    /// than appending bar by bar for a store's million rows.
    public init(id: SeriesID, days: [Day], closes: [Double], opens: [Double]? = nil, highs: [Double]? = nil,
                lows: [Double]? = nil, volumes: [Double]? = nil) {
        let n = days.count
        precondition(closes.count == n && [opens, highs, lows, volumes].allSatisfy { ($0?.count ?? n) == n },
                     "Series: columns of different lengths")
        if let i = Series.firstDayOutOfOrder(days) {
            preconditionFailure("Series: \(days[i]) is not after \(days[i - 1])")
        }
        self.init(id: id, orderedDays: days, closes: closes, opens: opens, highs: highs, lows: lows, volumes: volumes)
    }

    /// Makes a series from columns read from outside (a store's packed columns), or nil when they do not fit
    /// together: columns of different lengths, or days not strictly ascending. One pass over the days.
    public init?(id: SeriesID, checking days: [Day], closes: [Double], opens: [Double]? = nil,
                 highs: [Double]? = nil, lows: [Double]? = nil, volumes: [Double]? = nil) {
        let n = days.count
        guard closes.count == n, [opens, highs, lows, volumes].allSatisfy({ ($0?.count ?? n) == n }),
              Series.firstDayOutOfOrder(days) == nil
        else { return nil }
        self.init(id: id, orderedDays: days, closes: closes, opens: opens, highs: highs, lows: lows, volumes: volumes)
    }

    /// The position of the first day that is not after the one before it, or nil when all rise strictly.
    public static func firstDayOutOfOrder(_ days: [Day]) -> Int? {
        days.indices.dropFirst().first { days[$0 - 1] >= days[$0] }
    }

    private init(id: SeriesID, orderedDays days: [Day], closes: [Double], opens: [Double]?, highs: [Double]?,
                 lows: [Double]?, volumes: [Double]?) {
        self.id = id
        self.days = days; self.closes = closes
        openColumn = OptionalColumn(opens); highColumn = OptionalColumn(highs)
        lowColumn = OptionalColumn(lows); volumeColumn = OptionalColumn(volumes)
    }

    /// Number of bars.
    public var count: Int { days.count }
    /// Whether the series has no bars.
    public var isEmpty: Bool { days.isEmpty }
    /// The first and last day, or nil when empty.
    public var dayRange: DayRange? { days.isEmpty ? nil : days[0]...days[days.count - 1] }

    // MARK: - Optional columns

    /// The opens, one per day with NaN where missing; nil when the column is absent.
    public var opens: [Double]? { openColumn.values }
    /// The highs, one per day with NaN where missing; nil when the column is absent.
    public var highs: [Double]? { highColumn.values }
    /// The lows, one per day with NaN where missing; nil when the column is absent.
    public var lows: [Double]? { lowColumn.values }
    /// The volumes, one per day with NaN where missing; nil when the column is absent.
    public var volumes: [Double]? { volumeColumn.values }

    /// The optional columns this series holds; days and closes are always held.
    public var heldColumns: SeriesColumns {
        var held: SeriesColumns = []
        if openColumn.isHeld { held.insert(.opens) }
        if highColumn.isHeld { held.insert(.highs) }
        if lowColumn.isHeld { held.insert(.lows) }
        if volumeColumn.isHeld { held.insert(.volumes) }
        return held
    }

    /// The open at a position, NaN when missing.
    public func open(at index: Int) -> Double { openColumn[index] }
    /// The high at a position, NaN when missing.
    public func high(at index: Int) -> Double { highColumn[index] }
    /// The low at a position, NaN when missing.
    public func low(at index: Int) -> Double { lowColumn[index] }
    /// The volume at a position, NaN when missing.
    public func volume(at index: Int) -> Double { volumeColumn[index] }

    // MARK: - Bars

    /// The bar at a position.
    public func bar(at index: Int) -> Bar {
        Bar(day: days[index], open: Series.optional(openColumn[index]), high: Series.optional(highColumn[index]),
            low: Series.optional(lowColumn[index]), close: closes[index], volume: Series.optional(volumeColumn[index]))
    }

    /// All bars in day order.
    public var bars: [Bar] { (0..<count).map(bar(at:)) }

    /// The high of a day, or its close when the source gave no high.
    public func highOrClose(at index: Int) -> Double {
        let high = highColumn[index]
        return high.isNaN ? closes[index] : high
    }

    /// Reserves room for a number of bars in the columns held (and in any an append brings in).
    public mutating func reserveCapacity(_ n: Int) {
        days.reserveCapacity(n); closes.reserveCapacity(n)
        openColumn.reserveCapacity(n); highColumn.reserveCapacity(n)
        lowColumn.reserveCapacity(n); volumeColumn.reserveCapacity(n)
    }

    /// Appends a bar that is later than every bar already held.
    public mutating func append(_ bar: Bar) {
        precondition(days.last.map { $0 < bar.day } ?? true, "Series.append: \(bar.day) is not after the last day")
        appendUnchecked(bar)
    }

    /// Inserts or replaces the bar for its day, keeping the order.
    public mutating func upsert(_ bar: Bar) {
        let i = firstIndex(onOrAfter: bar.day)
        let n = count
        if i < n, days[i] == bar.day {
            closes[i] = bar.close
            openColumn.set(bar.open, at: i, count: n); highColumn.set(bar.high, at: i, count: n)
            lowColumn.set(bar.low, at: i, count: n); volumeColumn.set(bar.volume, at: i, count: n)
        } else {
            days.insert(bar.day, at: i); closes.insert(bar.close, at: i)
            openColumn.insert(bar.open, at: i, count: n); highColumn.insert(bar.high, at: i, count: n)
            lowColumn.insert(bar.low, at: i, count: n); volumeColumn.insert(bar.volume, at: i, count: n)
        }
    }

    private mutating func appendUnchecked(_ bar: Bar) {
        let n = count, room = max(days.capacity, n + 1)
        openColumn.insert(bar.open, at: n, count: n, reserving: room)
        highColumn.insert(bar.high, at: n, count: n, reserving: room)
        lowColumn.insert(bar.low, at: n, count: n, reserving: room)
        volumeColumn.insert(bar.volume, at: n, count: n, reserving: room)
        days.append(bar.day); closes.append(bar.close)
    }

    // MARK: - Equality

    public static func == (lhs: Series, rhs: Series) -> Bool {
        lhs.id == rhs.id && lhs.days == rhs.days && lhs.closes == rhs.closes
            && OptionalColumn.sameValues(lhs.openColumn, rhs.openColumn)
            && OptionalColumn.sameValues(lhs.highColumn, rhs.highColumn)
            && OptionalColumn.sameValues(lhs.lowColumn, rhs.lowColumn)
            && OptionalColumn.sameValues(lhs.volumeColumn, rhs.volumeColumn)
    }

    /// Hashes the id, days and closes; the optional columns only decide equality.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id); hasher.combine(days); hasher.combine(closes)
    }

    // MARK: - Searching by day

    /// Index of the first bar on or after a day (`count` when none).
    public func firstIndex(onOrAfter day: Day) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the last bar on or before a day, or nil when the series starts later.
    public func lastIndex(onOrBefore day: Day) -> Int? {
        let i = firstIndex(onOrAfter: day.adding(days: 1))
        return i == 0 ? nil : i - 1
    }

    /// Index of the bar for exactly this day.
    public func index(of day: Day) -> Int? {
        let i = firstIndex(onOrAfter: day)
        return i < count && days[i] == day ? i : nil
    }

    /// The positions of the bars that fall within a range of days.
    public func indices(in range: DayRange) -> Range<Int> {
        let lo = firstIndex(onOrAfter: range.lowerBound)
        let hi = firstIndex(onOrAfter: range.upperBound.adding(days: 1))
        return lo..<max(lo, hi)
    }

    /// The close on a day, or on the nearest earlier day that has one.
    public func close(onOrBefore day: Day) -> Double? { lastIndex(onOrBefore: day).map { closes[$0] } }

    /// The bars within a range of days as a new series; a column with no value in the range is absent.
    public func slice(_ range: DayRange) -> Series {
        let r = indices(in: range)
        var s = Series(id: id)
        s.days = Array(days[r]); s.closes = Array(closes[r])
        s.openColumn = openColumn.slice(r); s.highColumn = highColumn.slice(r)
        s.lowColumn = lowColumn.slice(r); s.volumeColumn = volumeColumn.slice(r)
        return s
    }

    private static func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
}

/// Which of a series' optional columns to hold or load; days and closes always come.
public struct SeriesColumns: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Opening prices.
    public static let opens = SeriesColumns(rawValue: 1 << 0)
    /// Daily highs; breakouts on the high basis read them.
    public static let highs = SeriesColumns(rawValue: 1 << 1)
    /// Daily lows.
    public static let lows = SeriesColumns(rawValue: 1 << 2)
    /// Traded volumes.
    public static let volumes = SeriesColumns(rawValue: 1 << 3)

    /// Every column: what exports and CSV files need.
    public static let all: SeriesColumns = [.opens, .highs, .lows, .volumes]
    /// Days and closes only.
    public static let closesOnly: SeriesColumns = []
}

/// One optional column: no storage when absent, else one value per day with NaN for a missing one.
private struct OptionalColumn: Sendable {
    /// Empty when the column is absent (or the series is empty).
    private var storage: [Double] = []

    /// An absent column.
    init() {}

    /// A column from values; absent when there are none or all are missing.
    init(_ values: [Double]?) {
        if let values, !values.allSatisfy(\.isNaN) { storage = values }
    }

    /// Whether the column holds values.
    var isHeld: Bool { !storage.isEmpty }

    /// The values, or nil when absent.
    var values: [Double]? { storage.isEmpty ? nil : storage }

    /// The value at a position, NaN when absent.
    subscript(index: Int) -> Double { storage.isEmpty ? .nan : storage[index] }

    mutating func reserveCapacity(_ n: Int) {
        if isHeld { storage.reserveCapacity(n) }
    }

    /// Sets the value at a position of a series of `count` days, bringing the column in when it gets a value.
    mutating func set(_ value: Double?, at index: Int, count: Int) {
        guard isHeld || value != nil else { return }
        holdValues(count: count, capacity: count)
        storage[index] = value ?? .nan
    }

    /// Inserts a value at a position of a series that had `count` days, bringing the column in when it gets
    /// one (with room for `reserving` values, at least one more than `count`).
    mutating func insert(_ value: Double?, at index: Int, count: Int, reserving capacity: Int? = nil) {
        guard isHeld || value != nil else { return }
        holdValues(count: count, capacity: capacity ?? count + 1)
        storage.insert(value ?? .nan, at: index)
    }

    /// The values at some positions; absent when none of them is there.
    func slice(_ range: Range<Int>) -> OptionalColumn {
        isHeld ? OptionalColumn(Array(storage[range])) : OptionalColumn()
    }

    /// Whether two columns of series with the same days say the same: missing equals missing, absent equals all missing.
    static func sameValues(_ lhs: OptionalColumn, _ rhs: OptionalColumn) -> Bool {
        switch (lhs.isHeld, rhs.isHeld) {
        case (false, false): return true
        case (true, false): return lhs.storage.allSatisfy(\.isNaN)
        case (false, true): return rhs.storage.allSatisfy(\.isNaN)
        case (true, true):
            return lhs.storage.withUnsafeBufferPointer { a in
                rhs.storage.withUnsafeBufferPointer { b in
                    a.count == b.count
                        && (a.baseAddress == b.baseAddress || zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
                }
            }
        }
    }

    /// Fills an absent column with `count` missing values, so that one can be set.
    private mutating func holdValues(count: Int, capacity: Int) {
        guard !isHeld else { return }
        storage.reserveCapacity(capacity)
        storage.append(contentsOf: repeatElement(.nan, count: count))
    }
}
