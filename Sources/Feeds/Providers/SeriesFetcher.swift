import Foundation
import Markets

/// What one series' fetch did.
public struct SeriesFetchSummary: Hashable, Sendable {
    public var series: SeriesID
    public var source: String
    public var counts: UpsertCounts
    /// The first and last day of the bars received (nil when the answer had none).
    public var firstDay: Day?
    public var lastDay: Day?
}

/// Fills the store with what is missing of a series plus the last few days, through a provider chain.
///
/// The span starts `revisionDays` before the newest stored bar (providers revise recent bars and the
/// last one is provisional), at `since` when given, or at `historyStart` for an empty series. The
/// bars are written in one transaction, all or nothing.
public struct SeriesFetcher: Sendable {
    public var store: Store
    public var chain: ProviderChain
    public var revisionDays: Int
    public static let historyStart = Day(year: 1985, month: 1, day: 1)!

    public init(store: Store, chain: ProviderChain, revisionDays: Int = 5) {
        self.store = store
        self.chain = chain
        self.revisionDays = revisionDays
    }

    /// The first day to ask for.
    public func startDay(since: Day?) throws -> Day {
        if let since { return since }
        let newest = try store.summary().first { $0.id == chain.series }?.lastDay
        return newest.map { $0.adding(days: -revisionDays) } ?? Self.historyStart
    }

    /// Fetches and stores; throws `ChainFailure` when no provider answered well, a store error when
    /// the write failed. Nothing is written in either case.
    public func run(since: Day? = nil) throws -> SeriesFetchSummary {
        let now = chain.clock.now()
        let today = Day.utcToday(now: now)
        let from = try startDay(since: since)
        let (source, bars) = try chain.fetch(from: from, through: today)
        let counts = try store.upsert(bars, into: chain.series, source: source, today: today)
        return SeriesFetchSummary(series: chain.series, source: source, counts: counts,
                                  firstDay: bars.first?.day, lastDay: bars.last?.day)
    }
}
