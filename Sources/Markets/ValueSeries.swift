/// A dated series of plain numbers that are not prices: net flows in US dollars, a share in percent.
///
/// Sorted by day with one value per day. Values may be negative (an outflow) or zero; they must be finite.
public struct ValueSeries: Hashable, Sendable {
    public var id: SeriesID
    public private(set) var days: [Day]
    public private(set) var values: [Double]

    /// An empty series.
    public init(id: SeriesID) {
        self.id = id
        days = []
        values = []
    }

    /// Makes a series from (day, value) pairs in any order; for a repeated day the last pair wins.
    public init(id: SeriesID, points: [(day: Day, value: Double)]) {
        self.init(id: id)
        let sorted = points.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
        for (_, p) in sorted {
            if let last = days.last, last == p.day { values[values.count - 1] = p.value } else {
                days.append(p.day)
                values.append(p.value)
            }
        }
    }

    public var count: Int { days.count }
    public var isEmpty: Bool { days.isEmpty }
    /// The first and last day, or nil when empty.
    public var dayRange: DayRange? { days.isEmpty ? nil : days[0]...days[days.count - 1] }

    /// The positions of the values within a range of days.
    public func indices(in range: DayRange) -> Range<Int> {
        let lo = days.partitioningIndex { $0 >= range.lowerBound }
        let hi = days.partitioningIndex { $0 > range.upperBound }
        return lo..<max(lo, hi)
    }
}

extension Array {
    /// The first index whose element satisfies a predicate that is false then true along the array.
    public func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
