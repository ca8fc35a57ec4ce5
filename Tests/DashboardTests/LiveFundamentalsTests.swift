import Foundation
import Markets
import TermCanvas
import Testing
@testable import Dashboard

/// Live mode and the daily fundamentals run: when it is asked for, and what the status bar says of it.
struct LiveFundamentalsTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A state with live data available, as the dashboard starts over a store.
    func liveState(on: Bool) -> AppState {
        let demo = Fixtures.demo
        var state = AppState(data: MarketData(index: demo.index, bitcoin: demo.bitcoin), size: Size(width: 120, height: 40),
                             sourceLabel: "store")
        state.live.isAvailable = true
        state.live.isOn = on
        state.live.nextRefresh = now
        return state
    }

    @Test func aRefreshWhileLiveAsksForTheFundamentalsRun() {
        var state = liveState(on: true)
        let commands = state.send([.tick(now)])
        #expect(commands.contains(.fetch([.rut, .btc])))
        #expect(commands.contains(.refreshFundamentals))
    }

    @Test func theOneFetchAtStartWithoutLiveModeDoesNot() {
        var state = liveState(on: false)
        let commands = state.send([.tick(now)])
        #expect(commands.contains(.fetch([.rut, .btc])))
        #expect(!commands.contains(.refreshFundamentals))
    }

    @Test func whileARunGoesOnTheNextRefreshDoesNotAskAgain() {
        var state = liveState(on: true)
        state.send([.tick(now), .fundamentalsStarted, .fetched(FetchReport(finishedAt: now, data: nil, feeds: [:]))])
        let commands = state.send([.tick(now.addingTimeInterval(state.live.interval))])
        #expect(commands.contains(.fetch([.rut, .btc])))
        #expect(!commands.contains(.refreshFundamentals))
        #expect(LiveStatusLine.text(state)?.contains("fundamentals…") == true)
    }

    @Test func aFinishedRunReplacesTheDataSoThePanelsChange() {
        var state = liveState(on: true)
        state.send([.tick(now), .fundamentalsStarted])
        #expect(state.data.analysis.flows.isEmpty)
        let data = MarketData(index: state.data.index, bitcoin: state.data.bitcoin,
                              flows: [ValueSeries(id: "flows.iwm", points: [(Day(iso: "2026-10-30")!, 2.5e9)])])
        state.send([.fundamentalsFetched(FundamentalsReport(finishedAt: now, data: data, status: FeedStatus(source: "ishares", updatedAt: now)))])
        #expect(state.data.analysis.flows.count == 1)
        #expect(!state.live.fundamentals.inFlight)
        #expect(state.live.feeds[.fundamentals]?.source == "ishares")
    }

    @Test func theStatusBarShowsAFaultLikeAFeedsAndTheNoteWhenNothingFailed() {
        var state = liveState(on: true)
        state.send([.tick(now), .fetched(FetchReport(finishedAt: now, data: nil, feeds: [.rut: FeedStatus(source: "yahoo", updatedAt: now),
                                                                                          .btc: FeedStatus(source: "yahoo", updatedAt: now)]))])
        state.send([.fundamentalsFetched(FundamentalsReport(finishedAt: now, data: nil,
                                                            status: FeedStatus(source: "ishares", fault: "IWM: HTTP 503 server error"),
                                                            note: "loss share off: no sec_contact"))])
        let text = LiveStatusLine.text(state) ?? ""
        #expect(text.contains("! fundamentals: IWM: HTTP 503 server error"), "\(text)")
        #expect(text.hasSuffix("loss share off: no sec_contact"), "\(text)")
        #expect(!state.live.isOffline, "the fundamentals run's fault does not make the prices offline")
        // The time of the newest price fetch, not of the fundamentals run.
        #expect(state.live.dataAsOf == now)
    }
}
