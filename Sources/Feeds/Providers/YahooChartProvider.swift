import Foundation
import Markets

/// Daily bars from the Yahoo Finance chart API v8: `{base}/v8/finance/chart/{symbol}?period1=…&period2=…&interval=1d`.
///
/// The answer holds `chart.result[0]` with `meta.symbol`, `timestamp` (Unix seconds) and
/// `indicators.quote[0]` columns `open high low close volume` that may hold `null`; errors come as
/// `chart.error {code, description}`. The last bar of a trading day in progress is provisional and
/// changes until the close; the fetch writes it and a later fetch replaces it.
public struct YahooChartProvider: PriceProvider {
    public let name = "yahoo"
    public var baseURL: URL
    public var userAgent: String
    public var transport: any HTTPTransport

    /// A desktop browser's User-Agent: Yahoo answers 429 to requests without a current one.
    public static let browserUserAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"
    public static let defaultBaseURL = URL(string: "https://query1.finance.yahoo.com")!

    public init(baseURL: URL = defaultBaseURL, userAgent: String = browserUserAgent,
                transport: any HTTPTransport = HTTPHelperTransport.shared) {
        self.baseURL = baseURL
        self.userAgent = userAgent
        self.transport = transport
    }

    /// The Yahoo symbol of a series.
    public static func symbol(for series: SeriesID) -> String? {
        switch series {
        case .rut: return "^RUT"
        case .btc: return "BTC-USD"
        case .iwm: return "IWM"
        default: return nil
        }
    }

    public func serves(_ series: SeriesID) -> Bool { Self.symbol(for: series) != nil }

    /// The request URL for a symbol and a span of Unix seconds.
    public func url(symbol: String, period1: Int64, period2: Int64) -> URL {
        let encoded = symbol.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? symbol
        let text = baseURL.absoluteString.trimmingSuffix("/")
            + "/v8/finance/chart/\(encoded)?period1=\(period1)&period2=\(period2)&interval=1d&events=history&includePrePost=false"
        return URL(string: text)!
    }

    public func dailyBars(_ series: SeriesID, from: Day, through: Day, now: Date) throws -> [Bar] {
        guard let symbol = Self.symbol(for: series) else { throw FetchFault.notConfigured("yahoo has no symbol for \(series)") }
        let end = min(through.adding(days: 1).unixSeconds, Int64(now.timeIntervalSince1970))
        let answer = try transport.get(url(symbol: symbol, period1: from.unixSeconds, period2: end),
                                       headers: ["User-Agent": userAgent, "Accept": "application/json"], kind: .priceHistory)
        try AnswerCheck.rejectHTML(answer)
        try AnswerCheck.requireSuccess(answer) { Self.errorDescription(in: $0) }
        return try Self.parse(answer, symbol: symbol, now: now).filter { $0.day >= from && $0.day <= through }
    }

    /// The `chart.error` text of an answer, if it has one.
    static func errorDescription(in answer: HTTPAnswer) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
              let chart = root["chart"] as? [String: Any], let error = chart["error"] as? [String: Any] else { return nil }
        return [error["code"] as? String, error["description"] as? String].compactMap { $0 }.joined(separator: ": ")
    }

    /// Validates a chart answer and turns it into bars, oldest first.
    ///
    /// Timestamps must be whole seconds from 1900 on and increase; two timestamps on one day (the live
    /// bar repeated) keep the later. A bar whose close is null is skipped; a null open, high, low or volume
    /// stays nil. A fault names the field and its index, such as `close[17]`.
    public static func parse(_ answer: HTTPAnswer, symbol: String, now: Date) throws -> [Bar] {
        guard let root = try AnswerCheck.json(answer) as? [String: Any], let chart = root["chart"] as? [String: Any] else {
            throw FetchFault.invalidAnswer("answer has no chart object")
        }
        if let error = chart["error"] as? [String: Any] {
            let text = [error["code"] as? String, error["description"] as? String].compactMap { $0 }.joined(separator: ": ")
            throw FetchFault.providerError(text.isEmpty ? "unspecified" : text)
        }
        guard let results = chart["result"] as? [[String: Any]], let result = results.first else {
            throw FetchFault.invalidAnswer("answer has no chart result")
        }
        let meta = result["meta"] as? [String: Any] ?? [:]
        guard let received = meta["symbol"] as? String else { throw FetchFault.invalidAnswer("answer has no meta.symbol") }
        guard received.uppercased() == symbol.uppercased() else {
            throw FetchFault.wrongSymbol(expected: symbol, received: received)
        }
        let offset = try Self.gmtOffset(meta["gmtoffset"])
        // A symbol with no bars in the span has no timestamp array at all.
        guard let rawTimes = result["timestamp"] else { return [] }
        guard let times = rawTimes as? [Any] else { throw FetchFault.invalidAnswer("timestamp is not an array") }
        guard let indicators = result["indicators"] as? [String: Any],
              let quotes = indicators["quote"] as? [[String: Any]], let quote = quotes.first else {
            throw FetchFault.invalidAnswer("answer has no indicators.quote")
        }
        var columns: [String: [Any]] = [:]
        for field in ["open", "high", "low", "close", "volume"] {
            guard let raw = quote[field] else {
                if field == "close" { throw FetchFault.invalidAnswer("answer has no close column") }
                continue
            }
            guard let column = raw as? [Any] else { throw FetchFault.invalidAnswer("\(field) is not an array") }
            guard column.count == times.count else {
                throw FetchFault.mismatchedArrays("timestamp has \(times.count) entries, \(field) has \(column.count)")
            }
            columns[field] = column
        }
        var bars: [Bar] = []
        bars.reserveCapacity(times.count)
        var previous: Int64?
        for i in times.indices {
            guard let time = try AnswerCheck.seconds(times[i], field: "timestamp[\(i)]") else {
                throw FetchFault.invalidAnswer("timestamp[\(i)] is null")
            }
            let day = Day(unixSeconds: time + offset)
            if let previous, time <= previous { throw FetchFault.outOfOrder(at: day) }
            previous = time
            if Double(time) > now.timeIntervalSince1970 + 300 { throw FetchFault.futureTimestamp(day) }
            func value(_ field: String) throws -> Double? {
                try columns[field].flatMap { try AnswerCheck.number($0[i], field: "\(field)[\(i)]") }
            }
            guard let close = try value("close") else { continue }
            let bar = Bar(day: day, open: try value("open"), high: try value("high"), low: try value("low"),
                          close: close, volume: try value("volume"))
            try AnswerCheck.check(bar, now: now)
            if let last = bars.last, last.day == day { bars[bars.count - 1] = bar } else { bars.append(bar) }
        }
        return bars
    }

    /// The exchange's offset from UTC in seconds, `meta.gmtoffset`; 0 when the answer has none.
    ///
    /// Real offsets are within ±14 hours; anything beyond a day would move bars to other days.
    static func gmtOffset(_ value: Any?) throws -> Int64 {
        guard let number = try AnswerCheck.number(value, field: "meta.gmtoffset") else { return 0 }
        guard let seconds = Int64(exactly: number), (-86_400...86_400).contains(seconds) else {
            throw FetchFault.invalidAnswer("meta.gmtoffset \(number) is not an offset from UTC in whole seconds within a day")
        }
        return seconds
    }
}

extension String {
    /// This text without one trailing occurrence of a suffix.
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
