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
        if state.live.isAvailable, !state.live.watchingStore {
            // A follower shows what the lease holder writes as soon as it is committed, not one refresh later.
            state.live.watchingStore = true
            commands.append(.watchStore)
        }
        commands.append(.armTick(nextTick(state.live, after: now)))
        return commands
    }

    /// Another process wrote to the store: take its data and the statuses it recorded, and keep watching.
    static func storeChanged(_ state: inout AppState, _ report: FetchReport) -> [Cmd] {
        state.live.now = max(state.live.now, report.finishedAt)
        if let data = report.data { state.replaceData(data) }
        for (id, status) in report.feeds { state.live.feeds[id] = status }
        return [.watchStore]
    }

    /// A fetch finished: take the data and statuses, and schedule the next fetch.
    static func fetched(_ state: inout AppState, _ report: FetchReport) -> [Cmd] {
        state.live.inFlight = false
        state.live.progress = nil
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
            state.notice = state.live.unavailableReason
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

    /// When the status bar next changes by itself: each second while a fetch runs or a countdown shows, at the
    /// due fetch, when a shown age turns over (live or not), and at least once a minute.
    ///
    /// While a fetch is in flight its due time has passed; the next tick is still a second away, never now,
    /// so ticks cannot follow each other without a pause.
    static func nextTick(_ live: LiveState, after now: Date) -> Date {
        var next = now.addingTimeInterval(60)
        if live.inFlight {
            next = min(next, now.addingTimeInterval(1))
        } else if let due = live.nextRefresh {
            next = min(next, now.addingTimeInterval(1), max(due, now))
        }
        for feed in live.feeds.values {
            if let updated = feed.updatedAt { next = min(next, nextAgeChange(since: updated, after: now)) }
        }
        return next
    }

    /// When the age shown for something updated at `updated` next changes (see `LiveStatusLine.age`).
    static func nextAgeChange(since updated: Date, after now: Date) -> Date {
        let age = max(0, now.timeIntervalSince(updated))
        let unit: TimeInterval = age < 60 ? 1 : age < 3600 ? 60 : age < 86_400 ? 3600 : 86_400
        return updated.addingTimeInterval(((age / unit).rounded(.down) + 1) * unit)
    }
}
