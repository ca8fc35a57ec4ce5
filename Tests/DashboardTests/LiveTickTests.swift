import Dashboard
import Foundation
import Markets
import TermCanvas
import Testing

/// How ticks are armed in live mode: never back to back, and often enough that the status bar's ages count.
@Suite("Live ticks")
struct LiveTickTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func liveState() -> AppState {
        var state = AppState(data: MarketData(index: Fixtures.demo.index, bitcoin: Fixtures.demo.bitcoin),
                             size: Size(width: 200, height: 50), sourceLabel: "store")
        state.live.isAvailable = true
        state.live.nextRefresh = start
        return state
    }

    static func armed(_ commands: [Cmd]) -> Date? {
        commands.compactMap { if case .armTick(let date) = $0 { date } else { nil } }.last
    }

    @Test("while a fetch is in flight the next tick is a second away, never now (ticks used to starve the keys)")
    func inFlightTicksPause() throws {
        var state = Self.liveState()
        let commands = state.send([.tick(Self.start)])
        #expect(commands.contains(.fetch([.rut, .btc])))
        #expect(state.live.inFlight)
        // The due time has passed and the fetch hangs: each tick still arms the next one a second later.
        for seconds in 1...5 {
            let now = Self.start.addingTimeInterval(TimeInterval(seconds))
            let next = try #require(Self.armed(state.send([.tick(now)])))
            #expect(next == now.addingTimeInterval(1))
        }
    }

    @Test("with live off the status bar's age keeps counting: a tick each second under a minute, then each minute")
    func agesCountWhenLiveIsOff() throws {
        var state = Self.liveState()
        state.send([.tick(Self.start)])
        let fetchedAt = Self.start.addingTimeInterval(2)
        let status = FeedStatus(source: "yahoo", updatedAt: fetchedAt)
        let next = try #require(Self.armed(state.send([.fetched(FetchReport(finishedAt: fetchedAt, data: nil,
                                                                            feeds: [.rut: status, .btc: status]))])))
        #expect(!state.live.isOn)
        #expect(state.live.nextRefresh == nil)
        #expect(next == fetchedAt.addingTimeInterval(1))
        let later = fetchedAt.addingTimeInterval(7)
        let after = try #require(Self.armed(state.send([.tick(later)])))
        #expect(after == later.addingTimeInterval(1))
        #expect(view(state, size: state.size).text.contains("RUT yahoo"))
        #expect(view(state, size: state.size).text.contains(" 7s"))
        // Past a minute the age shows minutes: the next tick is when the minute turns over.
        let minutes = fetchedAt.addingTimeInterval(150)
        #expect(Self.armed(state.send([.tick(minutes)])) == fetchedAt.addingTimeInterval(180))
        #expect(view(state, size: state.size).text.contains(" 2m"))
    }

    @Test("r without fetching says why: the demo data, or a start with --offline")
    func unavailableReason() {
        var state = Fixtures.state()
        state.type("r")
        #expect(state.notice == "live mode needs the store (not --demo)")
        state.live.unavailableReason = "started with --offline: nothing is fetched"
        state.type("r")
        #expect(state.notice == "started with --offline: nothing is fetched")
        #expect(!state.live.isOn)
    }
}

/// A notice stays until the next input, whatever ticks and answers arrive meanwhile.
@Suite("Notices")
struct NoticeTests {
    @Test("a key's notice survives ticks and a fetch's answer, and the next key clears it")
    func survivesTicks() {
        var state = LiveTickTests.liveState()
        state.type("Q")
        #expect(state.notice == "no key 'Q' — press ? for help")
        state.send([.tick(LiveTickTests.start), .tick(LiveTickTests.start.addingTimeInterval(1)),
                    .fetched(FetchReport(finishedAt: LiveTickTests.start.addingTimeInterval(2), data: nil, feeds: [:]))])
        #expect(state.notice == "no key 'Q' — press ? for help")
        state.type("+")
        #expect(state.notice == nil)
    }
}
