/// One halving cycle of Bitcoin: its close as a multiple of the close on the halving day, by days since the halving.
///
/// Day 0 is the halving day (calendar days, UTC). The curve runs from the base close up to the day before the
/// next halving, or to the end of the data for the current cycle.
public struct HalvingCycle: Hashable, Sendable {
    /// The halving that starts the cycle.
    public var halving: Halving
    /// The day of the close everything is divided by: the halving day, or the first close after it.
    public var baseDay: Day
    /// The close on `baseDay`.
    public var baseClose: Double
    /// Calendar days since the halving of each point, ascending.
    public var daysSinceHalving: [Int]
    /// Each point's close divided by `baseClose`.
    public var multiples: [Double]
    /// Whether this is the latest cycle in the data, the one still running.
    public var isCurrent: Bool

    /// Makes a cycle from its points.
    public init(halving: Halving, baseDay: Day, baseClose: Double, daysSinceHalving: [Int], multiples: [Double],
                isCurrent: Bool) {
        self.halving = halving
        self.baseDay = baseDay
        self.baseClose = baseClose
        self.daysSinceHalving = daysSinceHalving
        self.multiples = multiples
        self.isCurrent = isCurrent
    }

    /// Whether the series had no close on the halving day, so the base is the first close after it.
    public var baseIsAfterHalving: Bool { baseDay != halving.day }

    /// A note for the screen when the base is not the halving day: `2012: first close after the halving, 2012-11-29`.
    public var baseNote: String? {
        baseIsAfterHalving ? "\(halving.day.year): first close after the halving, \(baseDay.iso)" : nil
    }

    /// The last day since the halving that the cycle has data for.
    public var lastDaySinceHalving: Int? { daysSinceHalving.last }

    /// The multiple on day `n` since the halving: the close on or before that day over the base close.
    ///
    /// Nil before the base day and beyond the cycle's last point (the next halving or the end of the data).
    public func multiple(atDay n: Int) -> Double? {
        guard let last = daysSinceHalving.last, n <= last else { return nil }
        let i = daysSinceHalving.partitioningIndex { $0 > n }
        return i == 0 ? nil : multiples[i - 1]
    }
}

/// Bitcoin's halving cycles overlaid: one `HalvingCycle` per mined halving the series covers.
///
/// A halving counts when the series starts on or before its day and has a close within `maxBaseDelay` days of it
/// (before the next halving). Estimated halvings never count. Built in O(n) once per data change.
public struct HalvingCycles: Hashable, Sendable {
    /// The cycles in halving order; the last one is marked current.
    public var cycles: [HalvingCycle]

    /// Splits a Bitcoin series into halving cycles.
    ///
    /// - Parameters:
    ///   - bitcoin: daily closes; closes that are not finite and positive are skipped.
    ///   - halvings: the halving schedule, by default the mined halvings.
    ///   - maxBaseDelay: how many days after a halving the first close may come and still serve as the base.
    public init(bitcoin: Series, halvings: [Halving] = HalvingSchedule.known, maxBaseDelay: Int = 7) {
        let mined = halvings.filter { !$0.isEstimate }.sorted { $0.day < $1.day }
        cycles = []
        guard let firstDay = bitcoin.days.first else { return }
        for (k, halving) in mined.enumerated() where firstDay <= halving.day {
            let end = k + 1 < mined.count ? mined[k + 1].day : nil
            var i = bitcoin.firstIndex(onOrAfter: halving.day)
            while i < bitcoin.count, !(bitcoin.closes[i].isFinite && bitcoin.closes[i] > 0) { i += 1 }
            guard i < bitcoin.count, halving.day.distance(to: bitcoin.days[i]) <= maxBaseDelay,
                  end.map({ bitcoin.days[i] < $0 }) ?? true else { continue }
            let baseClose = bitcoin.closes[i]
            // One pass over the cycle's days; at a million days the current cycle alone can hold most of them.
            let stop = end.map { bitcoin.firstIndex(onOrAfter: $0) } ?? bitcoin.count
            var offsets: [Int] = [], multiples: [Double] = []
            offsets.reserveCapacity(stop - i)
            multiples.reserveCapacity(stop - i)
            bitcoin.days.withUnsafeBufferPointer { days in
                bitcoin.closes.withUnsafeBufferPointer { closes in
                    for j in i..<stop where closes[j].isFinite && closes[j] > 0 {
                        offsets.append(halving.day.distance(to: days[j]))
                        multiples.append(closes[j] / baseClose)
                    }
                }
            }
            cycles.append(HalvingCycle(halving: halving, baseDay: halving.day.adding(days: offsets[0]),
                                       baseClose: baseClose, daysSinceHalving: offsets, multiples: multiples,
                                       isCurrent: false))
        }
        if !cycles.isEmpty { cycles[cycles.count - 1].isCurrent = true }
    }

    /// The cycle that starts with the halving of a given ordinal (1 for 2012), if the data covers it.
    public func cycle(halving number: Int) -> HalvingCycle? { cycles.first { $0.halving.number == number } }

    /// The current cycle, the last one in the data.
    public var current: HalvingCycle? { cycles.last }

    /// The multiple on day `n` of the cycle of a given halving; nil when the data has no such cycle or day.
    public func multiple(halving number: Int, atDay n: Int) -> Double? {
        cycle(halving: number)?.multiple(atDay: n)
    }

    /// The notes about cycles whose base is not the halving day, for a footnote on screen.
    public var baseNotes: [String] { cycles.compactMap(\.baseNote) }
}
