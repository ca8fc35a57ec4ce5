import Foundation
import Markets
import TermCanvas

/// The live part of the status bar: per series source, update time and age, STALE, a fault's reason
/// (the fundamentals run's too), the countdown to the next refresh, and the fundamentals run while it
/// goes on or what it left out; "offline — data as of …" when every fetch failed.
enum LiveStatusLine {
    /// How readily each kind of part gives way in a narrow status bar: staleness, faults and being offline
    /// are the last to go; sources, times and the countdown the first.
    enum Priority {
        static let stale = 90
        static let offline = 85
        static let seriesName = 80
        /// A notice answers what the user just did, and goes at the next key: it outranks a fault.
        static let notice = 75
        static let fault = 70
        static let help = 55
        static let settings = 50
        static let feedDetail = 30
        static let schedule = 20
        static let fundamentals = 10
        static let source = 0
    }

    /// The text, or nil before anything live has happened (the plain source label shows instead).
    static func text(_ state: AppState) -> String? {
        guard let parts = parts(state, style: state.theme.statusStyle) else { return nil }
        var text = ""
        for (i, part) in parts.enumerated() { text += (i > 0 ? part.separator : "") + part.text }
        return text
    }

    /// The live status as parts of a line, each with its priority, or nil before anything live has happened.
    static func parts(_ state: AppState, style: Style) -> [LinePart]? {
        let live = state.live
        guard live.isAvailable, live.isOn || !live.feeds.isEmpty || live.inFlight else { return nil }
        var parts: [LinePart] = []
        func add(_ text: String, _ priority: Int, _ shortening: LinePart.Shortening = .never, joined: Bool = false,
                 style partStyle: Style? = nil, brief: String? = nil) {
            parts.append(LinePart(text, style: partStyle ?? style, priority: priority, shortening: shortening,
                                  separator: joined ? "" : " · ", brief: brief))
        }
        if live.isOffline {
            let newest = [state.data.index.days.last, state.data.bitcoin.days.last].compactMap { $0 }.max()
            add("offline — data as of " + (live.dataAsOf.map { "\(dayOf($0)) \(clock($0))" } ?? newest?.iso ?? "never"),
                Priority.offline, brief: "offline")
        }
        for (id, series) in [(SeriesID.rut, state.data.index), (.btc, state.data.bitcoin)] where live.series.contains(id) {
            add(id.rawValue.uppercased(), Priority.seriesName)
            let feed = live.feeds[id]
            if !live.isOffline, let feed, let updated = feed.updatedAt {
                add(" \(feed.source ?? "?") \(clock(updated)) \(age(live.now.timeIntervalSince(updated)))", Priority.feedDetail,
                    joined: true)
            }
            if MarketCalendar.isStale(id, newest: series.days.last, now: live.now) {
                add(" STALE", Priority.stale, joined: true, style: style.adding(.bold))
            }
        }
        var faults: [String] = []
        for id in live.series {
            for fault in (live.feeds[id]?.fault ?? "").components(separatedBy: "; ") where !fault.isEmpty && !faults.contains(fault) {
                faults.append(fault)
            }
        }
        if let fault = live.feeds[.fundamentals]?.fault { faults.append("fundamentals: " + fault) }
        if !faults.isEmpty { add("! " + faults.joined(separator: "; "), Priority.fault, .words) }
        if live.inFlight {
            add(live.progress.map { "fetching " + $0 } ?? "fetching…", Priority.schedule, brief: "fetching…")
        } else if let due = live.nextRefresh {
            add((live.isOn ? "next " : "retry ") + countdown(due.timeIntervalSince(live.now)), Priority.schedule)
        } else if !live.isOn {
            add("live off (r)", Priority.schedule)
        }
        if live.fundamentals.inFlight {
            add(live.fundamentals.badge.map { "fundamentals \($0)" } ?? "fundamentals…", Priority.fundamentals, brief: "fundamentals…")
        } else if let note = live.fundamentals.note {
            add(note, Priority.fundamentals, .words)
        }
        return parts
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
