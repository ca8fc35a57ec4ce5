import Dashboard
import Feeds
import Foundation
import Markets

/// The dashboard's effects: fetches and the daily fundamentals run over the store, derived numbers, and the
/// remembered theme, each on a background queue.
///
/// Price fetches run one at a time on their own queue, the fundamentals run on another (a slow run never
/// holds up the price refresh), derivations on a third. Nothing here blocks the caller: `start` queues and
/// returns, so the loop keeps reading keys and drawing whatever the network does.
public final class DashboardEffects: EffectRunner, @unchecked Sendable {
    /// What fetching needs: the refresh over the store, the daily fundamentals run, and the reload of the data.
    public struct Live: Sendable {
        public var refresh: LiveRefresh
        public var fundamentals: FundamentalsRefresh?
        /// Reads the data again after a fetch.
        public var reload: @Sendable () throws -> MarketData

        public init(refresh: LiveRefresh, fundamentals: FundamentalsRefresh? = nil,
                    reload: @escaping @Sendable () throws -> MarketData) {
            self.refresh = refresh
            self.fundamentals = fundamentals
            self.reload = reload
        }
    }

    private let live: Live?
    /// The daily fundamentals run; replaced when the user gives the SEC contact it needs.
    private var fundamentals: FundamentalsRefresh?
    /// Where an answer to the SEC contact question is written.
    private let configFile: String?
    private let remember: (@Sendable (String) throws -> Void)?
    private let clock: any FetchClock
    private let fetchQueue = DispatchQueue(label: "resonance.fetch")
    private let fundamentalsQueue = DispatchQueue(label: "resonance.fundamentals")
    private let deriveQueue = DispatchQueue(label: "resonance.derive", qos: .userInitiated)
    private let watchQueue = DispatchQueue(label: "resonance.watch")
    private let lock = NSLock()
    private var fundamentalsRunning = false
    private var stopped = false
    private var watcher: StoreWatcher?
    /// How often the store is asked whether another process committed (`Cmd.watchStore`) when no write to
    /// its folder woke the watcher first.
    public var watchInterval: TimeInterval = 2

    /// - Parameters:
    ///   - live: fetching over the store; nil for the demo data.
    ///   - remember: writes the name of a theme picked with `t` for the next start.
    ///   - clock: the time reports are stamped with.
    ///   - configFile: where `Cmd.saveSECContact` writes the contact (`config.toml`); nil: nowhere.
    public init(live: Live?, remember: (@Sendable (String) throws -> Void)? = nil, clock: any FetchClock = SystemClock(),
                configFile: String? = nil) {
        self.live = live
        self.fundamentals = live?.fundamentals
        self.configFile = configFile
        self.remember = remember
        self.clock = clock
    }

    public func start(_ command: Cmd, deliver: @escaping @Sendable (Msg) -> Void) {
        switch command {
        case .fetch(let ids):
            guard let live else { return }
            fetchQueue.async { [clock] in
                // One series at a time, each through a transport that reports its requests and failures.
                var refresh = live.refresh
                var statuses: [SeriesID: FetchStatus] = [:]
                var retryAt: Date?
                for id in ids {
                    refresh.transport = ProgressTransport(live.refresh.transport, series: id) { activity in
                        deliver(.fetchProgress(activity.line))
                    }
                    let outcome = refresh.run([id])
                    statuses = outcome.statuses
                    if let at = outcome.retryAt { retryAt = min(retryAt ?? at, at) }
                }
                let data = try? live.reload()
                var feeds: [SeriesID: FeedStatus] = [:]
                for (id, status) in statuses {
                    feeds[id] = FeedStatus(source: status.source, updatedAt: status.succeededAt, fault: status.fault)
                }
                deliver(.fetched(FetchReport(finishedAt: clock.now(), data: data, feeds: feeds, retryAt: retryAt)))
            }
        case .refreshFundamentals:
            refreshFundamentals(deliver: deliver)
        case .watchStore:
            // The watcher's baseline is taken here, on the loop, so a commit made after this command was
            // given is never taken for the baseline by a watch thread that starts late.
            guard let live, let watcher = storeWatcher(live) else { return }
            watchQueue.async { [self] in watch(live, watcher: watcher, deliver: deliver) }
        case .derive(let job):
            deriveQueue.async { deliver(job.run()) }
        case .saveSECContact(let contact):
            saveSECContact(contact, deliver: deliver)
        case .rememberTheme(let name):
            guard let remember else { return }
            deriveQueue.async {
                do { try remember(name) } catch { deliver(.notice("could not remember the theme: \(error)")) }
            }
        default:
            return  // the loop's own: .quit, .armTick (and any command about the terminal itself)
        }
    }

    /// Starts the daily fundamentals run when it is due and this process holds the lease; does nothing while
    /// one is already running.
    private func refreshFundamentals(deliver: @escaping @Sendable (Msg) -> Void) {
        guard let live, let fundamentals = lock.withLock({ self.fundamentals }) else { return }
        let idle = lock.withLock { () -> Bool in
            defer { fundamentalsRunning = true }
            return !fundamentalsRunning
        }
        guard idle else { return }
        fundamentalsQueue.async { [self] in
            defer { lock.withLock { fundamentalsRunning = false } }
            guard fundamentals.shouldRun() else { return }
            deliver(.fundamentalsStarted)
            let outcome = fundamentals.run { progress in deliver(.fundamentalsProgress(progress.badge)) }
            let data = try? live.reload()
            let status = outcome.status.map { FeedStatus(source: $0.source, updatedAt: $0.succeededAt, fault: $0.fault) }
            deliver(.fundamentalsFetched(FundamentalsReport(finishedAt: clock.now(), data: data, status: status,
                                                            note: outcome.note)))
        }
    }

    /// Writes the SEC contact the user typed (or "" for a skipped question) into `config.toml`; a real
    /// contact is used by the next daily runs, starting with one now if it is due.
    private func saveSECContact(_ contact: String, deliver: @escaping @Sendable (Msg) -> Void) {
        guard let configFile else { return }
        fundamentalsQueue.async { [self] in
            do {
                try SECContactSetting.save(contact, to: configFile)
            } catch {
                deliver(.notice("\(error)"))
                return
            }
            guard !contact.isEmpty else { return }
            lock.withLock { fundamentals?.config.fundamentals.secContact = contact }
            deliver(.notice("saved sec_contact in \(configFile); flows and the loss share come with the next daily run"))
            refreshFundamentals(deliver: deliver)
        }
    }

    /// Waits until another connection commits to the store, then reads the data and statuses again.
    ///
    /// Sleeps until a file in the store's folder is written (or `watchInterval` passes), then compares SQLite's
    /// data version on a connection of its own; ends without a word when the session stops.
    private func watch(_ live: Live, watcher: StoreWatcher, deliver: @escaping @Sendable (Msg) -> Void) {
        let store = live.refresh.store
        while !lock.withLock({ stopped }) {
            watcher.waitForWrite(fallback: watchInterval)
            guard (try? watcher.hasChanged()) == true else { continue }
            let data = try? live.reload()
            var feeds: [SeriesID: FeedStatus] = [:]
            for (id, status) in (try? store.fetchStatuses()) ?? [:] {
                feeds[id] = FeedStatus(source: status.source, updatedAt: status.succeededAt, fault: status.fault)
            }
            deliver(.storeChanged(FetchReport(finishedAt: clock.now(), data: data, feeds: feeds)))
            return
        }
    }

    /// The watcher on the store's file, made on first use and kept (its connection stays open).
    private func storeWatcher(_ live: Live) -> StoreWatcher? {
        lock.withLock {
            if watcher == nil { watcher = try? StoreWatcher(path: live.refresh.store.path) }
            return watcher
        }
    }

    /// Gives up the store's fetch lease at once, so another dashboard takes over; fetches in flight finish on
    /// their own and their results are dropped.
    public func stop() {
        lock.withLock { stopped = true }
        live?.refresh.release()
    }
}
