import Foundation
import Markets

/// What the last fetch of one series did, as the status bar shows it.
public struct FeedStatus: Equatable, Sendable {
    /// The provider of the last successful fetch.
    public var source: String?
    /// When the last successful fetch finished.
    public var updatedAt: Date?
    /// The one-line reason of the last fetch when it failed.
    public var fault: String?

    public init(source: String? = nil, updatedAt: Date? = nil, fault: String? = nil) {
        self.source = source
        self.updatedAt = updatedAt
        self.fault = fault
    }
}

/// The result of one background fetch: fresh data from the store and every series' status.
public struct FetchReport: Sendable {
    public var finishedAt: Date
    /// The data reloaded from the store; nil when it could not be read.
    public var data: MarketData?
    public var feeds: [SeriesID: FeedStatus]
    /// When a failed provider may be tried again.
    public var retryAt: Date?

    public init(finishedAt: Date, data: MarketData?, feeds: [SeriesID: FeedStatus], retryAt: Date? = nil) {
        self.finishedAt = finishedAt
        self.data = data
        self.feeds = feeds
        self.retryAt = retryAt
    }
}

/// The result of one daily fundamentals run: fresh data from the store and the run's status.
public struct FundamentalsReport: Sendable {
    public var finishedAt: Date
    /// The data reloaded from the store; nil when it could not be read.
    public var data: MarketData?
    /// The status the run recorded (`SeriesID.fundamentals`).
    public var status: FeedStatus?
    /// What the run left out on purpose, such as the loss-making share without an SEC contact.
    public var note: String?

    public init(finishedAt: Date, data: MarketData?, status: FeedStatus?, note: String? = nil) {
        self.finishedAt = finishedAt
        self.data = data
        self.status = status
        self.note = note
    }
}

/// The daily fundamentals run as live mode shows it; its last outcome is `LiveState.feeds[.fundamentals]`.
public struct FundamentalsActivity: Equatable, Sendable {
    /// A run is going on in the background.
    public var inFlight = false
    /// Where the running run is, such as `SEC 37/212`; nil before its first request.
    public var badge: String?
    /// What the last run left out on purpose.
    public var note: String?

    public init() {}
}

/// Live mode: whether it is on, when the next refresh is due, and what the fetches reported.
public struct LiveState: Sendable {
    /// Whether the dashboard fetches on a schedule (`--live`, `r`).
    public var isOn = false
    /// Whether fetching is possible at all (false for demo data and `--offline`).
    public var isAvailable = false
    /// What `r` says when fetching is not possible.
    public var unavailableReason = "live mode needs the store (not --demo)"
    /// Seconds between refreshes.
    public var interval: TimeInterval = 60
    /// A fetch is running in the background.
    public var inFlight = false
    /// What the fetch in flight has done so far, as one line (see `Msg.fetchProgress`).
    public var progress: String?
    /// When the next fetch is due; nil when none is scheduled.
    public var nextRefresh: Date?
    /// The time of the last tick, for ages and the countdown.
    public var now = Date.distantPast
    /// Every recorded fetch status by series, `SeriesID.fundamentals` included.
    public var feeds: [SeriesID: FeedStatus] = [:]
    /// The daily fundamentals run (fund snapshots, SEC frames), started with each refresh while live mode is on.
    public var fundamentals = FundamentalsActivity()
    /// Whether the store is watched for other processes' commits (`Cmd.watchStore` is out).
    public var watchingStore = false
    /// The series fetched.
    public var series: [SeriesID] = [.rut, .btc]

    public init() {}

    /// Every fetched series failed on its last attempt.
    public var isOffline: Bool {
        let statuses = series.compactMap { feeds[$0] }
        return !statuses.isEmpty && statuses.allSatisfy { $0.fault != nil }
    }

    /// The time of the newest successful fetch of any price series.
    public var dataAsOf: Date? { series.compactMap { feeds[$0]?.updatedAt }.max() }
}
