import Foundation
import Markets

/// The live dashboard's daily fundamentals run: N-PORT flows and the loss-making share from the SEC, at most
/// once per UTC day, by the process that holds the store's fetch lease.
///
/// The outcome is recorded in the store's fetch status under `SeriesID.fundamentals` (as `fetch
/// --fundamentals` records it too), so a restart on the same day does not fetch again and every viewer of the
/// store sees a fault. A failed run is tried again after `retryAfter`, not sooner. Without `sec_contact`
/// nothing is asked (the SEC refuses anonymous clients) and the outcome carries a note saying so.
public struct FundamentalsRefresh: Sendable {
    /// How long after a failed run the next one may start.
    public static let retryAfter: TimeInterval = 3600
    /// The source recorded for a run.
    public static let source = "sec"
    /// The note when nothing is fetched for want of a contact.
    public static let noContactNote = "flows, loss share off: no sec_contact"

    public var store: Store
    public var config: FeedsConfig
    public var holder: String
    public var cache: RawAnswerCache
    /// The configuration file, named in the message without a contact.
    public var configFile: String
    public var clock: any FetchClock
    public var transport: any HTTPTransport
    public var log: FetchLog?

    public init(store: Store, config: FeedsConfig, holder: String, cache: RawAnswerCache, configFile: String,
                clock: any FetchClock = SystemClock(), transport: any HTTPTransport = HTTPHelperTransport.shared,
                log: FetchLog? = nil) {
        self.store = store
        self.config = config
        self.holder = holder
        self.cache = cache
        self.configFile = configFile
        self.clock = clock
        self.transport = transport
        self.log = log
    }

    /// What a run did.
    public struct Outcome: Sendable {
        /// The status now recorded in the store.
        public var status: FetchStatus?
        /// What was left out on purpose, if anything.
        public var note: String?
    }

    /// Whether a run is due by the recorded status alone: none has succeeded on this UTC day, and the
    /// last failed attempt, if any, is at least `retryAfter` old.
    public static func isDue(_ status: FetchStatus?, now: Date) -> Bool {
        guard let status else { return true }
        let today = Day.utcToday(now: now)
        if let succeeded = status.succeededAt, Day.utcToday(now: succeeded) >= today { return false }
        if status.fault != nil { return now.timeIntervalSince(status.attemptedAt) >= retryAfter }
        return true
    }

    /// Whether this process should run now: the run is due and this process holds (or takes) the fetch lease.
    public func shouldRun() -> Bool {
        let now = clock.now()
        guard Self.isDue((try? store.fetchStatuses())?[.fundamentals], now: now) else { return false }
        return (try? store.acquireLease(LiveRefresh.leaseName, holder: holder, now: now,
                                        duration: config.refreshInterval + 10)) ?? false
    }

    /// Fetches, records the outcome in the store and logs it; call after `shouldRun()`.
    ///
    /// - Parameter progress: told where the run is, for the status bar's badge.
    public func run(progress: @escaping (FundamentalsProgress) -> Void = { _ in }) -> Outcome {
        guard let sec = try? SECClient(config: config.fundamentals, configFile: configFile, transport: transport, cache: cache) else {
            return Outcome(status: (try? store.fetchStatuses())?[.fundamentals], note: Self.noContactNote)
        }
        let fetcher = FundamentalsFetcher(store: store, config: config.fundamentals, sec: sec, progress: progress)
        var fault: String?
        do {
            let summary = try fetcher.run(now: clock.now())
            fault = summary.faultLine
            for line in summary.faults { log?.write("fundamentals \(line)") }
            let funds = summary.funds.keys.sorted().map { "\($0) \(summary.funds[$0]!.months) months" }.joined(separator: ", ")
            log?.write("fundamentals: \(funds.isEmpty ? "no fund" : funds); \(summary.quarters.count) quarters; \(summary.requests) requests")
        } catch {
            fault = "\(error)"
            log?.write("fundamentals failed: \(error)")
        }
        try? store.recordFetch(.fundamentals, source: Self.source, fault: fault, at: clock.now())
        return Outcome(status: (try? store.fetchStatuses())?[.fundamentals], note: nil)
    }
}
