import Dashboard
import Feeds
import Foundation
import Markets
import Runtime
import TermCanvas
import TestSupport

/// A store, a fixture market behind a loopback server, and the dashboard's effects over them on a manual clock.
struct RuntimeRig {
    let market = FixtureMarket()
    let server: FixtureServer
    let folder: TemporaryDirectory
    let store: Store
    let clock = ManualClock(Date())
    let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))

    /// - Parameter reply: the server's answer to every request; nil serves the fixture market.
    init(reply: FixtureReply? = nil) throws {
        market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: 250, last: today.adding(days: -1), start: 2000))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: 365, last: today, start: 60_000))
        let handler = market.handler
        server = try FixtureServer { request in reply ?? handler(request) }
        folder = try TemporaryDirectory()
        store = try Store(path: folder.file("resonance.sqlite").path)
    }

    /// Price providers at the loopback server, refreshing every minute.
    var config: FeedsConfig {
        var config = FeedsConfig()
        config.yahooURL = server.baseURL
        config.coinbaseURL = server.baseURL
        config.stooqURL = server.baseURL
        config.refreshInterval = 60
        return config
    }

    /// The effects of one dashboard, holding the fetch lease as `holder` when it can.
    func effects(holder: String, requestTimeout: TimeInterval = 2) -> RecordingEffects {
        let store = store
        let refresh = LiveRefresh(store: store, config: config,
                                  book: BackoffBook(policy: BackoffPolicy(base: 2, cap: 60), jitter: FixedJitter()),
                                  holder: holder, clock: clock,
                                  transport: HTTPHelperTransport(requestTimeout: requestTimeout,
                                                                 resourceTimeout: requestTimeout * 2))
        let live = DashboardEffects.Live(refresh: refresh) {
            MarketData(index: try store.load(.rut), bitcoin: try store.load(.btc), correlationWindows: [])
        }
        return RecordingEffects(inner: DashboardEffects(live: live, clock: clock))
    }

    /// A state over what the store holds, with fetching available and due now (of the index alone by default:
    /// each request spawns the HTTP helper, the slowest part of these tests).
    func liveState(on: Bool = true, series: [SeriesID] = [.rut], size: Size = Size(width: 160, height: 45)) throws -> AppState {
        var state = AppState(data: MarketData(index: try store.load(.rut), bitcoin: try store.load(.btc), correlationWindows: []),
                             size: size, sourceLabel: "store")
        state.live.isAvailable = true
        state.live.isOn = on
        state.live.interval = config.refreshInterval
        state.live.nextRefresh = clock.now()
        state.live.series = series
        return state
    }

    /// Requests the server received for one Yahoo symbol.
    func requests(_ symbol: String) -> Int { server.requests.filter { $0.path.hasSuffix("/" + symbol) }.count }
}

/// Jitter that always draws the middle.
struct FixedJitter: JitterSource {
    func unit() -> Double { 0.5 }
}

/// The dashboard's effects, recording what they were asked and counting those still to answer.
final class RecordingEffects: EffectRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var started: [Cmd] = []
    private var stops = 0
    private var outstanding = 0
    private let inner: DashboardEffects

    init(inner: DashboardEffects = DashboardEffects(live: nil)) { self.inner = inner }

    func start(_ command: Cmd, deliver: @escaping @Sendable (Msg) -> Void) {
        let answered: Bool
        switch command {
        case .fetch, .derive: answered = true
        default: answered = false
        }
        lock.withLock {
            started.append(command)
            if answered { outstanding += 1 }
        }
        inner.start(command) { [self] msg in
            // Delivered (and the loop woken) before it stops counting: no moment looks idle in between.
            deliver(msg)
            switch msg {
            case .fetched, .derived: lock.withLock { outstanding -= 1 }
            default: break
            }
        }
    }

    func stop() {
        lock.withLock { stops += 1 }
        inner.stop()
    }

    var commands: [Cmd] { lock.withLock { started } }
    var stopCount: Int { lock.withLock { stops } }
    /// Whether a fetch or derivation has not answered yet.
    var isBusy: Bool { lock.withLock { outstanding > 0 } }
}
