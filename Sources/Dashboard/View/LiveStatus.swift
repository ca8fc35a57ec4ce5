import Foundation
import Markets

/// The live part of the status bar: per series source, update time and age, STALE, a fault's reason,
/// and the countdown to the next refresh; "offline — data as of …" when every fetch failed.
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
        if !faults.isEmpty { parts.append("! " + faults.joined(separator: "; ")) }
        if live.inFlight {
            parts.append("fetching…")
        } else if let due = live.nextRefresh {
            parts.append((live.isOn ? "next " : "retry ") + countdown(due.timeIntervalSince(live.now)))
        } else if !live.isOn {
            parts.append("live off (r)")
        }
        return parts.joined(separator: " · ")
    }

    /// Text cut at the end with an ellipsis to fit a width (the start of the live line says the most).
    static func fit(_ text: String, to width: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return text }
        guard width > 1 else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(width - 1))
        view.append("…")
        return String(view)
    }

    /// The calendar day of a moment, in the local time zone.
    static func dayOf(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// A time of day, HH:MM in the local time zone.
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }

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
