import Foundation
import Markets

/// Daily Bitcoin candles from Coinbase Exchange: `{base}/products/BTC-USD/candles?granularity=86400&start=…&end=…`.
///
/// Each answer is an array of `[time, low, high, open, close, volume]`, newest first, at most 300
/// candles; longer spans are fetched in 300-day pages from the newest backwards, stopping at an empty
/// page (before the product existed). Errors are `{"message": "…"}` with a 4xx status.
public struct CoinbaseCandlesProvider: PriceProvider {
    public let name = "coinbase"
    public var baseURL: URL
    public var userAgent: String
    public var transport: any HTTPTransport
    /// The wait between pages, so paging does not itself cause a 429.
    public var pagePause: TimeInterval
    /// Sleeps between pages; injected so tests do not wait.
    public var sleep: @Sendable (TimeInterval) -> Void

    public static let defaultBaseURL = URL(string: "https://api.exchange.coinbase.com")!
    /// Candles per request, the most Coinbase answers.
    public static let pageSize = 300

    public init(baseURL: URL = defaultBaseURL, userAgent: String = "resonance", transport: any HTTPTransport = HTTPHelperTransport.shared,
                pagePause: TimeInterval = 0.4, sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.baseURL = baseURL
        self.userAgent = userAgent
        self.transport = transport
        self.pagePause = pagePause
        self.sleep = sleep
    }

    public func serves(_ series: SeriesID) -> Bool { series == .btc }

    /// The request URL for one page of days.
    public func url(from: Day, through: Day) -> URL {
        let text = baseURL.absoluteString.trimmingSuffix("/")
            + "/products/BTC-USD/candles?granularity=86400&start=\(from.iso)T00:00:00Z&end=\(through.iso)T00:00:00Z"
        return URL(string: text)!
    }

    public func dailyBars(_ series: SeriesID, from: Day, through: Day, now: Date) throws -> [Bar] {
        guard series == .btc else { throw FetchFault.notConfigured("coinbase serves only btc") }
        var pages: [[Bar]] = []
        var pageEnd = min(through, Day.utcToday(now: now))
        while pageEnd >= from {
            let pageStart = max(from, pageEnd.adding(days: -(Self.pageSize - 1)))
            if !pages.isEmpty, pagePause > 0 { sleep(pagePause) }
            let answer = try transport.get(url(from: pageStart, through: pageEnd),
                                           headers: ["User-Agent": userAgent, "Accept": "application/json"], kind: .priceHistory)
            try AnswerCheck.rejectHTML(answer)
            try AnswerCheck.requireSuccess(answer) { Self.message(in: $0) }
            let bars = try Self.parse(answer, now: now).filter { $0.day >= pageStart && $0.day <= pageEnd }
            if bars.isEmpty, !pages.isEmpty { break }
            pages.append(bars)
            pageEnd = pageStart.adding(days: -1)
        }
        return pages.reversed().flatMap { $0 }
    }

    /// The `message` of an error answer.
    static func message(in answer: HTTPAnswer) -> String? {
        (try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["message"] as? String
    }

    /// Validates one page (newest first) and returns its bars oldest first, one per day.
    ///
    /// Times must be whole seconds from 1900 on and decrease; of two candles on one day the later is kept.
    /// A fault names the candle and the field, such as `candle 12 close`.
    public static func parse(_ answer: HTTPAnswer, now: Date) throws -> [Bar] {
        let root = try AnswerCheck.json(answer)
        if let object = root as? [String: Any] {
            throw FetchFault.providerError((object["message"] as? String) ?? "an object instead of candles")
        }
        guard let rows = root as? [Any] else { throw FetchFault.invalidAnswer("answer is not an array of candles") }
        var bars: [Bar] = []
        bars.reserveCapacity(rows.count)
        var previous: Int64?
        for (i, raw) in rows.enumerated() {
            guard let row = raw as? [Any] else { throw FetchFault.invalidAnswer("candle \(i) is not an array") }
            guard row.count == 6 else { throw FetchFault.mismatchedArrays("candle \(i) has \(row.count) values, not 6") }
            guard let time = try AnswerCheck.seconds(row[0], field: "candle \(i) time") else {
                throw FetchFault.invalidAnswer("candle \(i) has no time")
            }
            let day = Day(unixSeconds: time)
            // Newest first: every time must be earlier than the one before it.
            if let previous, time >= previous { throw FetchFault.outOfOrder(at: day) }
            previous = time
            if Double(time) > now.timeIntervalSince1970 + 300 { throw FetchFault.futureTimestamp(day) }
            func value(_ index: Int, _ field: String) throws -> Double? { try AnswerCheck.number(row[index], field: "candle \(i) \(field)") }
            guard let close = try value(4, "close") else { continue }
            let bar = Bar(day: day, open: try value(3, "open"), high: try value(2, "high"), low: try value(1, "low"),
                          close: close, volume: try value(5, "volume"))
            try AnswerCheck.check(bar, now: now)
            // Two candles on one day: the first seen is the later one, as Yahoo's repeated live bar.
            if let last = bars.last, last.day == day { continue }
            bars.append(bar)
        }
        return bars.reversed()
    }
}
