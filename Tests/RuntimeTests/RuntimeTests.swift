import Dashboard
import Feeds
import Foundation
import Markets
import Runtime
import TermCanvas
import TestSupport
import Testing

/// The runtime loop driven by a scripted terminal on a manual clock: no tmux, no real waiting.
@Suite("The runtime loop with a scripted terminal", .serialized)
struct RuntimeTests {
    static let demo = DemoMarket.generate(seed: 2026)

    static func demoState(correlationWindows: [Int] = Analysis.correlationWindows) -> AppState {
        AppState(data: MarketData(index: demo.rut, bitcoin: demo.btc, isDemo: true, correlationWindows: correlationWindows),
                 size: Size(width: 120, height: 40), sourceLabel: "DEMO")
    }

    /// Runs a session; the script waits for effects in flight before it lets the clock run on.
    static func run(_ backend: ScriptedBackend, clock: ManualClock, effects: RecordingEffects, _ state: inout AppState) -> Int32? {
        backend.effectsBusy = { effects.isBusy }
        return Runtime(backend: backend, clock: clock, effects: effects).run(&state)
    }

    static func key(_ c: Character, after milliseconds: Int = 0) -> ScriptedBackend.Step {
        .input(.key(.character(c)), afterMilliseconds: milliseconds)
    }

    /// The header's date range of a frame, such as "2014-01-02 → 2026-08-21".
    static func range(_ frame: String) -> Substring? {
        frame.split(separator: "\n").first?.split(separator: "·").dropFirst(2).first
    }

    @Test("q ends the session: nil returned, the effects stopped, the terminal given back once")
    func quitRestores() {
        let clock = ManualClock()
        let backend = ScriptedBackend(clock: clock, script: [Self.key("+", after: 200), Self.key("q", after: 300)])
        let effects = RecordingEffects()
        var state = Self.demoState()
        let ended = Self.run(backend, clock: clock, effects: effects, &state)
        #expect(ended == nil)
        #expect(backend.failures.isEmpty)
        #expect(backend.stopCount == 1)
        #expect(effects.stopCount == 1)
        // The first frame, then the zoomed one; nothing drawn after q.
        #expect(backend.frames.count == 2)
        #expect(Self.range(backend.frames[0].text) != Self.range(backend.frames[1].text))
        // Without live data no tick is ever armed: the clock moved only by the script's own waits.
        #expect(clock.now().timeIntervalSince(backend.frames[0].at) == 0.5)
    }

    @Test("a termination signal ends the session with that signal and gives the terminal back")
    func signalRestores() {
        let clock = ManualClock()
        let backend = ScriptedBackend(clock: clock, script: [Self.key("+"), .signal(SIGTERM)])
        let effects = RecordingEffects()
        var state = Self.demoState()
        #expect(Self.run(backend, clock: clock, effects: effects, &state) == SIGTERM)
        #expect(backend.stopCount == 1)
        #expect(effects.stopCount == 1)
    }

    @Test("a derivation's answer wakes the loop and is drawn without any key")
    func derivedWakesTheLoop() {
        let clock = ManualClock()
        let backend = ScriptedBackend(clock: clock, script: [
            .until("the 90-day correlation", { $0.contains("r(90d)") }),
            Self.key("w"),
            .until("the 180-day correlation", { $0.contains("r(180d)") }),
            Self.key("q"),
        ])
        var state = Self.demoState(correlationWindows: [])
        let effects = RecordingEffects()
        #expect(Self.run(backend, clock: clock, effects: effects, &state) == nil)
        #expect(backend.failures.isEmpty)
        #expect(backend.frames.first?.text.contains("Computing the 90-day correlation…") == true)
        #expect(backend.delivered.count == 2)  // w and q only
        let derivations = effects.commands.compactMap { if case .derive(let job) = $0 { job.derivation } else { nil } }
        #expect(derivations == [.correlation(window: 90), .correlation(window: 180)])
        // The manual clock never moved: the answers came by waking the loop, not by a timeout.
        #expect(clock.now() == backend.frames[0].at)
    }

    @Test("ticks are re-armed: the countdown runs each second and the next refresh comes a minute later")
    func ticksReArmed() throws {
        let rig = try RuntimeRig()
        let start = rig.clock.now()
        let server = rig.server
        let backend = ScriptedBackend(size: Size(width: 160, height: 45), clock: rig.clock, script: [
            .until("the first refresh", { $0.contains("RUT yahoo") && $0.contains("next 1:00") }),
            .until("the countdown at 0:30", { $0.contains("next 0:30") }),
            .until("the second refresh", { _ in server.requests.count >= 2 }),
            .until("the countdown again", { $0.contains("next 0:5") }),
            Self.key("q"),
        ])
        var state = try rig.liveState()
        #expect(Self.run(backend, clock: rig.clock, effects: rig.effects(holder: "A"), &state) == nil)
        #expect(backend.failures.isEmpty, "\(backend.failures)")
        #expect(rig.requests("^RUT") == 2)
        // Each second a frame with the countdown one lower: ticks are one-shot and re-armed every time.
        // (Other messages may redraw within a second; the seconds themselves must follow one another.)
        let countdowns = Set(backend.frames.filter { $0.text.contains("next 0:3") }.map(\.at)).sorted()
        #expect(countdowns.count == 10)
        #expect(zip(countdowns, countdowns.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 1 })
        #expect(rig.clock.now().timeIntervalSince(start) >= 60)
        #expect(rig.clock.now().timeIntervalSince(start) < 70)
        #expect(backend.lastFrame.contains(ValueFormat.price(rig.market.bars(.rut).last!.close)), "\(backend.lastFrame)")
    }

    @Test("a failed refresh shows its reason and retries after the backoff, then recovers")
    func refreshAndBackoff() throws {
        let rig = try RuntimeRig()
        rig.market.always(.yahooRUT, .serverError(503))
        let market = rig.market, server = rig.server
        let backend = ScriptedBackend(size: Size(width: 200, height: 50), clock: rig.clock, script: [
            .until("the fault", { $0.contains("HTTP 503") && $0.contains("retry 0:") }),
            .until("a retry", { _ in server.requests.filter { $0.path.hasSuffix("^RUT") }.count >= 2 }),
            .until("the fault again", { $0.contains("HTTP 503") && $0.contains("retry 0:") }),
            .action { market.always(.yahooRUT, nil) },
            .until("the recovery", { $0.contains("RUT yahoo") && !$0.contains("HTTP 503") }),
            Self.key("q"),
        ])
        var state = try rig.liveState(on: false)
        #expect(Self.run(backend, clock: rig.clock, effects: rig.effects(holder: "A"), &state) == nil)
        #expect(backend.failures.isEmpty, "\(backend.failures)")
        // The retry waited for the backoff (at least 5 s of manual time after the failure), not a tick.
        let failed = try #require(backend.frames.first { $0.text.contains("HTTP 503") }?.at)
        let retried = try #require(backend.frames.first { $0.text.contains("RUT yahoo") }?.at)
        #expect(retried.timeIntervalSince(failed) >= 5)
        // Live is off: once it recovered, nothing more is scheduled.
        #expect(backend.lastFrame.contains("live off (r)"))
    }

    @Test("the fetch lease: refused to another viewer while one runs, free the moment it quits")
    func leaseHandedOver() throws {
        let rig = try RuntimeRig()
        let store = rig.store, clock = rig.clock
        let first = ScriptedBackend(clock: clock, script: [
            .until("the first refresh", { $0.contains("RUT yahoo") }),
            .until("another viewer refused the lease", { _ in
                (try? store.acquireLease(LiveRefresh.leaseName, holder: "B", now: clock.now(), duration: 70)) == false
            }),
            Self.key("q"),
        ])
        var state = try rig.liveState()
        #expect(Self.run(first, clock: clock, effects: rig.effects(holder: "A"), &state) == nil)
        #expect(first.failures.isEmpty, "\(first.failures)")
        let fetchedByA = rig.server.requests.count

        // A quit a moment ago, long before its lease would run out: B fetches on its first tick.
        let server = rig.server
        let second = ScriptedBackend(clock: clock, script: [
            .until("B's own refresh", { _ in server.requests.count > fetchedByA }),
            .until("B's statuses", { $0.contains("RUT yahoo") }),
            Self.key("q"),
        ])
        var other = try rig.liveState()
        #expect(Self.run(second, clock: clock, effects: rig.effects(holder: "B"), &other) == nil)
        #expect(second.failures.isEmpty, "\(second.failures)")
        #expect(second.frames.first.map { $0.at.timeIntervalSince(clock.now()) > -5 } == true)
    }

    @Test("with a provider that never answers, a key's frame is drawn at once and q ends the session at once")
    func neverFreeze() throws {
        let rig = try RuntimeRig(reply: .stall(60))
        let backend = ScriptedBackend(clock: rig.clock, script: [
            .until("the fetch under way", { $0.contains("fetching rut") }),
            Self.key("+", after: 10),
            Self.key("q", after: 10),
        ])
        var state = try rig.liveState()
        state.replaceData(MarketData(index: Self.demo.rut, bitcoin: Self.demo.btc, correlationWindows: [90]))
        let effects = rig.effects(holder: "A", requestTimeout: 60)
        let started = ContinuousClock.now
        #expect(Self.run(backend, clock: rig.clock, effects: effects, &state) == nil)
        let ended = ContinuousClock.now
        #expect(backend.failures.isEmpty, "\(backend.failures)")
        // The provider never answered: the fetch is still in flight, yet the zoom was drawn.
        let key = try #require(backend.delivered.first?.real)
        let quit = try #require(backend.delivered.last?.real)
        let zoomed = try #require(backend.frames.first { $0.real > key })
        #expect(zoomed.text.contains("fetching rut: yahoo, request 1 (waiting)"), "\(zoomed.text)")
        #expect(Self.range(zoomed.text) != Self.range(backend.frames[0].text))
        let keyToFrame = zoomed.real - key, quitToEnd = ended - quit
        print("never freeze: key to frame \(keyToFrame), q to end \(quitToEnd), session \(ended - started)")
        #expect(keyToFrame < .milliseconds(100))
        #expect(quitToEnd < .milliseconds(100))
    }

    @Test("a follower shows what another process commits at once, without a refresh of its own")
    func followerSeesCommits() throws {
        let rig = try RuntimeRig()
        let path = rig.store.path, today = rig.today
        // The leader: another process's connection on the same file.
        let leaderBar = Bar(day: today, close: 123_456.78)
        let backend = ScriptedBackend(size: Size(width: 160, height: 45), clock: rig.clock, script: [
            Self.key("+"),
            .action {
                let leader = try! Store(path: path)
                try! leader.upsert([leaderBar], into: .btc, source: "leader", today: today)
                try! leader.recordFetch(.btc, source: "coinbase", fault: nil, at: Date())
            },
            .until("the leader's bar", { $0.contains(ValueFormat.price(123_456.78)) && $0.contains("BTC coinbase") }),
            Self.key("q"),
        ])
        var state = try rig.liveState(on: false, series: [.rut, .btc])
        state.live.nextRefresh = nil  // no refresh of its own is due, ever: only the watch can bring the bar
        #expect(Self.run(backend, clock: rig.clock, effects: rig.effects(holder: "B"), &state) == nil)
        #expect(backend.failures.isEmpty, "\(backend.failures)")
        #expect(rig.server.requests.isEmpty, "the follower fetched nothing itself")
        let shown = try #require(backend.frames.first { $0.text.contains(ValueFormat.price(123_456.78)) })
        print("follower: the leader's commit on screen after \(shown.real - backend.delivered[0].real)")
    }
}
