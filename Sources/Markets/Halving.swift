/// A Bitcoin halving: the block at which the mining subsidy halves.
public struct Halving: Hashable, Sendable {
    /// The ordinal, 1 for the first halving (2012).
    public var number: Int
    /// The block height, a multiple of 210,000.
    public var blockHeight: Int
    /// The UTC day of the halving block, or the estimated day for a future one.
    public var day: Day
    /// Whether the day is an estimate from the target block interval rather than a mined block.
    public var isEstimate: Bool

    /// Makes a halving record.
    public init(number: Int, blockHeight: Int, day: Day, isEstimate: Bool) {
        self.number = number
        self.blockHeight = blockHeight
        self.day = day
        self.isEstimate = isEstimate
    }

    /// The block subsidy after this halving, in BTC (50 halved `number` times).
    public var subsidyAfter: Double {
        var subsidy = 50.0
        for _ in 0..<number { subsidy /= 2 }
        return subsidy
    }

    /// A marker label: `H2 2016-07-09`, or `H5 ~2028-04 (est.)` for an estimate.
    public var label: String {
        if isEstimate {
            let iso = day.iso
            return "H\(number) ~" + iso.prefix(7) + " (est.)"
        }
        return "H\(number) " + day.iso
    }

    /// A short label for narrow spaces: `H2`.
    public var shortLabel: String { "H\(number)" }
}

/// The Bitcoin halving schedule: the mined halvings and an estimate of the next.
public enum HalvingSchedule {
    /// Blocks between halvings (`nSubsidyHalvingInterval`).
    public static let blocksPerHalving = 210_000
    /// The target time between blocks, in minutes.
    public static let targetBlockMinutes = 10

    /// The halvings that have happened, in order.
    public static let known: [Halving] = [
        Halving(number: 1, blockHeight: 210_000, day: Day(year: 2012, month: 11, day: 28)!, isEstimate: false),
        Halving(number: 2, blockHeight: 420_000, day: Day(year: 2016, month: 7, day: 9)!, isEstimate: false),
        Halving(number: 3, blockHeight: 630_000, day: Day(year: 2020, month: 5, day: 11)!, isEstimate: false),
        Halving(number: 4, blockHeight: 840_000, day: Day(year: 2024, month: 4, day: 20)!, isEstimate: false),
    ]

    /// The next halving, estimated as the last one plus 210,000 blocks of 10 minutes (1,458 whole days).
    public static let next: Halving = {
        let last = known[known.count - 1]
        let minutes = blocksPerHalving * targetBlockMinutes
        let days = minutes / (24 * 60)
        return Halving(number: last.number + 1, blockHeight: last.blockHeight + blocksPerHalving,
                       day: last.day.adding(days: days), isEstimate: true)
    }()

    /// The known halvings followed by the estimated next one.
    public static let all: [Halving] = known + [next]

    /// The halvings whose day falls within a range, in order.
    public static func halvings(in range: DayRange) -> [Halving] {
        all.filter { range.contains($0.day) }
    }

    /// The most recent halving on or before a day, or nil before the first.
    public static func latest(onOrBefore day: Day) -> Halving? {
        known.last { $0.day <= day }
    }
}
