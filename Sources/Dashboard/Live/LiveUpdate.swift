import Foundation
import Markets

/// How live mode answers ticks, fetch results and the `r` key; pure, like the rest of `update`.
enum LiveUpdate {
    /// A tick: remember the time, start a due fetch (and, while live mode is on, the daily fundamentals
    /// run if it is due), and re-arm the next tick.
    static func tick(_ state: inout AppState, at now: Date) -> [Cmd] {
        state.live.now = now
        var commands: [Cmd] = []
        if state.live.isAvailable, !state.live.inFlight, let due = state.live.nextRefresh, now >= due {
            state.live.inFlight = true
            commands.append(.fetch(state.live.series))
            if state.live.isOn, !state.live.fundamentals.inFlight { commands.append(.refreshFundamentals) }
        }
        commands.append(.armTick(nextTick(state.live, after: now)))
        return commands
    }

    /// A fetch finished: take the data and statuses, and schedule the next fetch.
    static func fetched(_ state: inout AppState, _ report: FetchReport) -> [Cmd] {
        state.live.inFlight = false
        state.live.now = max(state.live.now, report.finishedAt)
        if let data = report.data { state.replaceData(data) }
        for (id, status) in report.feeds { state.live.feeds[id] = status }
        let failed = state.live.series.contains { state.live.feeds[$0]?.fault != nil }
        let regular = report.finishedAt.addingTimeInterval(state.live.interval)
        if failed {
            // Keep trying in the background, live or not: at the provider's backoff, within the interval.
            let retry = report.retryAt ?? regular
            state.live.nextRefresh = min(regular, max(report.finishedAt.addingTimeInterval(5), retry))
        } else {
            state.live.nextRefresh = state.live.isOn ? regular : nil
        }
        return [.armTick(nextTick(state.live, after: state.live.now))]
    }

    /// The fundamentals run finished: take the data (the flows and loss-share panels change), its status and note.
    static func fundamentalsFetched(_ state: inout AppState, _ report: FundamentalsReport) {
        state.live.fundamentals.inFlight = false
        state.live.fundamentals.badge = nil
        state.live.fundamentals.note = report.note
        state.live.now = max(state.live.now, report.finishedAt)
        if let data = report.data { state.replaceData(data) }
        if let status = report.status { state.live.feeds[.fundamentals] = status }
    }

    /// `r`: live mode on (fetch now) or off.
    static func toggle(_ state: inout AppState) -> [Cmd] {
        guard state.live.isAvailable else {
            state.notice = "live mode needs the store (not --demo)"
            return []
        }
        state.live.isOn.toggle()
        if state.live.isOn {
            state.live.nextRefresh = state.live.now
            return tick(&state, at: state.live.now)
        }
        state.live.nextRefresh = nil
        return []
    }

    /// Once a second while a countdown shows or a fetch runs, else at the due fetch or in a minute for the ages.
    static func nextTick(_ live: LiveState, after now: Date) -> Date {
        if live.inFlight || live.nextRefresh != nil { return min(now.addingTimeInterval(1), live.nextRefresh.map { max($0, now) } ?? .distantFuture) }
        return now.addingTimeInterval(60)
    }
}
