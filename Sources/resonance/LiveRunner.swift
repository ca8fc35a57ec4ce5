import Dashboard
import Feeds
import Foundation
import Markets

/// Runs the dashboard's fetch commands on a background queue and hands their results back as messages.
///
/// The runtime loop drains `inbox` after every wait; while a fetch is in flight it waits in short
/// slices so the result shows promptly, otherwise it blocks until the next tick.
final class LiveRunner: @unchecked Sendable {
    private let refresh: LiveRefresh
    private let reload: @Sendable () throws -> MarketData
    private let queue = DispatchQueue(label: "resonance.fetch")
    private let lock = NSLock()
    private var messages: [Msg] = []
    private var running = 0

    init(refresh: LiveRefresh, reload: @escaping @Sendable () throws -> MarketData) {
        self.refresh = refresh
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

    /// Gives up the store's fetch lease so another dashboard takes over.
    func stop() { refresh.release() }
}
