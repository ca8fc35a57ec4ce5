import Foundation
import Markets

/// The live part of the status bar: per series source, update time and age, STALE, a fault's reason
/// (the fundamentals run's too), the countdown to the next refresh, and the fundamentals run while it
/// goes on or what it left out; "offline — data as of …" when every fetch failed.
enum LiveStatusLine {
    /// The text, or nil before anything live has happened (the plain source label shows instead).
    static func text(_ state: AppState) -> String? {
        let live = state.live
        guard live.isAvailable, live.isOn || !live.feeds.isEmpty || live.inFlight else { return nil }
        var parts: [String] = []
        if live.isOffline {
            let newest = [state.data.index.days.last, state.data.bitcoin.days.last].compactMap { $0 }.max()
            parts.append("offline — data as of " + (live.dataAsOf.map { "\(dayOf($0)) \(clock($0))" } ?? newest?.iso ?? "never"))
        }
        for (id, series) in [(SeriesID.rut, state.data.index), (.btc, state.data.bitcoin)] where live.series.contains(id) {
            var item = id.rawValue.uppercased()
            let feed = live.feeds[id]
            if !live.isOffline, let feed, let updated = feed.updatedAt {
                item += " \(feed.source ?? "?") \(clock(updated)) \(age(live.now.timeIntervalSince(updated)))"
            }
            if MarketCalendar.isStale(id, newest: series.days.last, now: live.now) { item += " STALE" }
            parts.append(item)
        }
        var faults: [String] = []
        for id in live.series {
            for fault in (live.feeds[id]?.fault ?? "").components(separatedBy: "; ") where !fault.isEmpty && !faults.contains(fault) {
                faults.append(fault)
            }
        }
        if let fault = live.feeds[.fundamentals]?.fault { faults.append("fundamentals: " + fault) }
        if !faults.isEmpty { parts.append("! " + faults.joined(separator: "; ")) }
        if live.inFlight {
            parts.append(live.progress.map { "fetching " + $0 } ?? "fetching…")
        } else if let due = live.nextRefresh {
            parts.append((live.isOn ? "next " : "retry ") + countdown(due.timeIntervalSince(live.now)))
        } else if !live.isOn {
            parts.append("live off (r)")
        }
        if live.fundamentals.inFlight {
            parts.append(live.fundamentals.badge.map { "fundamentals \($0)" } ?? "fundamentals…")
        } else if let note = live.fundamentals.note {
            parts.append(note)
        }
        return parts.joined(separator: " · ")
    }

    /// The calendar day of a moment, YYYY-MM-DD in the local time zone.
    static func dayOf(_ date: Date) -> String {
        let t = local(date)
        return Day(year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday))?.iso ?? "?"
    }

    /// A time of day, HH:MM in the local time zone.
    static func clock(_ date: Date) -> String {
        let t = local(date)
        return two(Int(t.tm_hour)) + ":" + two(Int(t.tm_min))
    }

    /// The broken-down local time of a moment; `localtime_r` costs far less per frame than a DateFormatter.
    private static func local(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var result = tm()
        localtime_r(&seconds, &result)
        return result
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// An age: seconds under a minute, then minutes, hours, days.
    static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }

    /// A countdown, M:SS.
    static func countdown(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded(.up)))
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }
}
