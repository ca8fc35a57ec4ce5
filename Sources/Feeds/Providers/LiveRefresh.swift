import Foundation
import Markets

/// One refresh of the live dashboard: fetch the series if this process holds the store's lease, record
/// the outcome in the store, and report what every series' last fetch did.
///
/// Viewers that do not hold the lease make no provider calls; they read the rows and statuses the
/// holder wrote. One pass per series, no waiting: the dashboard schedules the next try itself.
public struct LiveRefresh: Sendable {
    public static let leaseName = "fetch"

    public var store: Store
    public var config: FeedsConfig
    public var book: BackoffBook
    public var holder: String
    public var clock: any FetchClock
    public var transport: any HTTPTransport
    public var log: FetchLog?

    public init(store: Store, config: FeedsConfig, book: BackoffBook, holder: String, clock: any FetchClock = SystemClock(),
                transport: any HTTPTransport = HTTPHelperTransport.shared, log: FetchLog? = nil) {
        self.store = store
        self.config = config
        self.book = book
        self.holder = holder
        self.clock = clock
        self.transport = transport
        self.log = log
    }

    /// What a refresh found.
    public struct Outcome: Sendable {
        /// Whether this process fetched (held the lease).
        public var fetched: Bool
        /// Every series' last recorded fetch, by this process or another.
        public var statuses: [SeriesID: FetchStatus]
        /// When a provider that failed may be tried again, if one did.
        public var retryAt: Date?
    }

    /// Refreshes some series.
    public func run(_ ids: [SeriesID]) -> Outcome {
        let now = clock.now()
        let leased = (try? store.acquireLease(Self.leaseName, holder: holder, now: now,
                                              duration: config.refreshInterval + 10)) ?? true
        var retryAt: Date?
        if leased {
            for id in ids {
                let chain = ProviderChain(series: id, providers: config.providers(for: id, transport: transport), book: book,
                                          clock: clock, rounds: 1)
                do {
                    let summary = try SeriesFetcher(store: store, chain: chain).run()
                    try? store.recordFetch(id, source: summary.source, fault: nil, at: clock.now())
                    log?.write("\(id) \(summary.source): \(summary.counts.added) added, \(summary.counts.updated) updated")
                } catch {
                    let reason = "\(error)"
                    if let failure = error as? ChainFailure, let at = failure.retryAt { retryAt = min(retryAt ?? at, at) }
                    try? store.recordFetch(id, source: nil, fault: reason, at: clock.now())
                    log?.write("\(id) failed: \(reason)")
                }
            }
        }
        return Outcome(fetched: leased, statuses: (try? store.fetchStatuses()) ?? [:], retryAt: retryAt)
    }

    /// Gives the lease up (on quitting), so another viewer takes over at once.
    public func release() { try? store.releaseLease(Self.leaseName, holder: holder) }
}
