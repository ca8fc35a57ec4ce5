import Foundation
import Markets

/// What one series' fetch has done so far: the requests made, to which provider, and the failures that made
/// it try again — for a progress line while a fetch is slow.
public struct FetchActivity: Equatable, Sendable {
    public var series: SeriesID
    /// The provider of the latest request ("yahoo", "coinbase", "stooq"), or the server's host.
    public var provider: String?
    /// Requests started, pages included.
    public var requests = 0
    /// Whether a request is waiting for its answer.
    public var waiting = false
    /// Each failed request's reason, oldest first ("HTTP 429", "timed out").
    public var failures: [String] = []

    public init(series: SeriesID) { self.series = series }

    /// One line: "btc: coinbase, request 5 (waiting) · 1 failed: HTTP 429".
    public var line: String {
        var text = "\(series): \(provider ?? "?"), request \(requests)"
        if waiting { text += " (waiting)" }
        if let last = failures.last {
            text += " · \(failures.count) failed, last: \(last)"
            if failures.count > 1 || requests > failures.count { text += "; trying again" }
        }
        return text
    }
}

/// A transport that reports each request of one series' fetch as it starts and ends (see `FetchActivity`).
///
/// Wraps the real transport, so the providers and their paging and retries are unchanged; a report is made
/// on the fetching thread, and must return at once.
public struct ProgressTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let activity: ActivityBox
    private let report: @Sendable (FetchActivity) -> Void

    public init(_ inner: any HTTPTransport, series: SeriesID, report: @escaping @Sendable (FetchActivity) -> Void) {
        self.inner = inner
        self.activity = ActivityBox(FetchActivity(series: series))
        self.report = report
    }

    public func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        try observe(url) { try inner.get(url, headers: headers) }
    }

    /// Fetches through the inner transport with the answer's size cap (`AnswerKind`), reporting it the same way.
    public func get(_ url: URL, headers: [String: String], kind: AnswerKind) throws -> HTTPAnswer {
        try observe(url) { try inner.get(url, headers: headers, kind: kind) }
    }

    /// Reports a request as it starts and as it ends (its failure, if any).
    private func observe(_ url: URL, _ request: () throws -> HTTPAnswer) throws -> HTTPAnswer {
        report(activity.change {
            $0.requests += 1
            $0.waiting = true
            $0.provider = Self.provider(of: url)
        })
        do {
            let answer = try request()
            report(activity.change {
                $0.waiting = false
                if answer.status >= 400 { $0.failures.append("HTTP \(answer.status)") }
            })
            return answer
        } catch {
            report(activity.change {
                $0.waiting = false
                $0.failures.append("\(error)")
            })
            throw error
        }
    }

    /// The provider a URL belongs to, by the paths each one serves (base URLs are configurable).
    static func provider(of url: URL) -> String {
        if url.path.contains("/finance/chart/") { return "yahoo" }
        if url.path.contains("/candles") { return "coinbase" }
        if url.host?.contains("stooq") == true || url.path.hasPrefix("/q/") { return "stooq" }
        return url.host ?? "?"
    }
}

/// The activity of one fetch, changed from the fetching thread.
private final class ActivityBox: @unchecked Sendable {
    private let lock = NSLock()
    private var activity: FetchActivity

    init(_ activity: FetchActivity) { self.activity = activity }

    func change(_ body: (inout FetchActivity) -> Void) -> FetchActivity {
        lock.withLock {
            body(&activity)
            return activity
        }
    }
}
