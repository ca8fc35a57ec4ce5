import Dashboard
import Feeds
import Foundation
import Markets

/// Runs the dashboard's fetch commands on background queues and hands their results back as messages.
///
/// The runtime loop drains the messages after every wait; while a price fetch is in flight it waits in
/// short slices so the result shows promptly, otherwise it blocks until the next tick (at most a
/// second). The daily fundamentals run has a queue of its own, so a slow run of it never holds up the
/// price refresh; its messages are picked up at the next wake.
final class LiveRunner: @unchecked Sendable {
    private let refresh: LiveRefresh
    private var fundamentals: FundamentalsRefresh?
    private let reload: @Sendable () throws -> MarketData
    private let queue = DispatchQueue(label: "resonance.fetch")
    private let fundamentalsQueue = DispatchQueue(label: "resonance.fundamentals")
    private let lock = NSLock()
    private var messages: [Msg] = []
    private var running = 0
    private var fundamentalsRunning = false

    init(refresh: LiveRefresh, fundamentals: FundamentalsRefresh? = nil, reload: @escaping @Sendable () throws -> MarketData) {
        self.refresh = refresh
        self.fundamentals = fundamentals
        self.reload = reload
    }

    /// Whether a fetch is running.
    var isBusy: Bool { lock.withLock { running > 0 } }

    /// Takes the messages that arrived since the last call.
    func drain() -> [Msg] { lock.withLock { defer { messages = [] }; return messages } }

    /// Starts a fetch of some series in the background.
    func fetch(_ ids: [SeriesID]) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            let outcome = refresh.run(ids)
            let data = try? reload()
            var feeds: [SeriesID: FeedStatus] = [:]
            for (id, status) in outcome.statuses {
                feeds[id] = FeedStatus(source: status.source, updatedAt: status.succeededAt, fault: status.fault)
            }
            let report = FetchReport(finishedAt: Date(), data: data, feeds: feeds, retryAt: outcome.retryAt)
            lock.withLock {
                messages.append(.fetched(report))
                running -= 1
            }
        }
    }

    /// Starts the daily fundamentals run in the background when it is due and this process holds the lease;
    /// does nothing while one is already running.
    func refreshFundamentals() {
        guard let fundamentals = lock.withLock({ self.fundamentals }) else { return }
        let idle = lock.withLock { () -> Bool in
            defer { fundamentalsRunning = true }
            return !fundamentalsRunning
        }
        guard idle else { return }
        fundamentalsQueue.async { [self] in
            defer { lock.withLock { fundamentalsRunning = false } }
            guard fundamentals.shouldRun() else { return }
            lock.withLock { messages.append(.fundamentalsStarted) }
            let outcome = fundamentals.run { progress in
                self.lock.withLock { self.messages.append(.fundamentalsProgress(progress.badge)) }
            }
            let data = try? reload()
            let status = outcome.status.map { FeedStatus(source: $0.source, updatedAt: $0.succeededAt, fault: $0.fault) }
            let report = FundamentalsReport(finishedAt: Date(), data: data, status: status, note: outcome.note)
            lock.withLock { messages.append(.fundamentalsFetched(report)) }
        }
    }

    /// Uses a contact the user just gave for the next daily runs.
    func setSECContact(_ contact: String) {
        lock.withLock { fundamentals?.config.fundamentals.secContact = contact }
    }

    /// Gives up the store's fetch lease so another dashboard takes over.
    func stop() { refresh.release() }
}
