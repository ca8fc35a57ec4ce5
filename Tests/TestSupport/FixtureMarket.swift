import Foundation
import Markets

/// A scripted provider world for the fixture server: bars per series answered in Yahoo's and
/// Coinbase's formats, plus queues of faults that the next requests get instead.
///
/// Routes: `/v8/finance/chart/{symbol}` (Yahoo), `/products/BTC-USD/candles` (Coinbase). A request
/// first takes the next scripted fault of its route, if any; otherwise it gets the bars of its span.
public final class FixtureMarket: @unchecked Sendable {
    /// The routes faults can be scripted for.
    public enum Route: String, Sendable, Hashable { case yahooRUT = "^RUT", yahooBTC = "BTC-USD", yahooIWM = "IWM", coinbase }

    /// A fault to serve instead of data.
    public enum Fault: Sendable, Hashable {
        case timeout(TimeInterval)
        case hangUp
        case tooManyRequests(retryAfter: String?)
        case serverError(Int)
        case html
        case truncatedJSON
        case invalidJSON
        case wrongSymbol(String)
        case mismatchedArrays
        case nullBar(Day)
        case outOfOrder
        case futureTimestamp
        case badPrice(Double)
        case providerError
    }

    private let lock = NSLock()
    private var bars: [SeriesID: [Bar]] = [:]
    private var faults: [Route: [Fault]] = [:]
    private var persistentFaults: [Route: Fault] = [:]

    public init() {}

    /// Sets the bars a series answers with.
    public func set(_ series: SeriesID, _ newBars: [Bar]) { lock.withLock { bars[series] = newBars.sorted { $0.day < $1.day } } }

    /// Replaces or adds one bar.
    public func upsert(_ series: SeriesID, _ bar: Bar) {
        lock.withLock {
            var list = bars[series] ?? []
            list.removeAll { $0.day == bar.day }
            list.append(bar)
            bars[series] = list.sorted { $0.day < $1.day }
        }
    }

    /// The bars a series answers with now.
    public func bars(_ series: SeriesID) -> [Bar] { lock.withLock { bars[series] ?? [] } }

    /// Queues faults for the next requests of a route, one each.
    public func script(_ route: Route, _ queued: Fault...) { lock.withLock { faults[route, default: []].append(contentsOf: queued) } }

    /// Serves a fault on every request of a route until cleared with nil.
    public func always(_ route: Route, _ fault: Fault?) { lock.withLock { persistentFaults[route] = fault } }

    /// The handler to give a `FixtureServer`.
    public var handler: @Sendable (FixtureRequest) -> FixtureReply { { [self] request in reply(to: request) } }

    /// The reply to one request.
    public func reply(to request: FixtureRequest) -> FixtureReply {
        if request.path.hasPrefix("/v8/finance/chart/") {
            let symbol = String(request.path.dropFirst("/v8/finance/chart/".count))
            guard let route = Route(rawValue: symbol) else {
                return .json(#"{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}"#, status: 404)
            }
            let series: SeriesID = route == .yahooRUT ? .rut : route == .yahooBTC ? .btc : .iwm
            let from = Int64(request.query["period1"] ?? "") ?? 0
            let to = Int64(request.query["period2"] ?? "") ?? Int64.max
            let selected = bars(series).filter { $0.day.unixSeconds + 86_399 >= from && $0.day.unixSeconds < to }
            return nextFault(route).map { yahooFault($0, symbol: symbol, bars: selected) }
                ?? .json(FixtureAnswers.yahoo(symbol: symbol, bars: selected, series: series))
        }
        if request.path.hasPrefix("/products/BTC-USD/candles") {
            let from = (request.query["start"]).flatMap { Day(iso: $0.prefix(10)) } ?? Day(rawValue: 0)
            let to = (request.query["end"]).flatMap { Day(iso: $0.prefix(10)) } ?? Day(rawValue: Int32.max)
            let selected = bars(.btc).filter { $0.day >= from && $0.day <= to }
            return nextFault(.coinbase).map { coinbaseFault($0, bars: selected) } ?? .json(FixtureAnswers.coinbase(selected))
        }
        return .answer(status: 404, headers: [:], body: "not found")
    }

    private func nextFault(_ route: Route) -> Fault? {
        lock.withLock {
            if var queue = faults[route], !queue.isEmpty {
                let fault = queue.removeFirst()
                faults[route] = queue
                return fault
            }
            return persistentFaults[route]
        }
    }

    private func commonFault(_ fault: Fault) -> FixtureReply? {
        switch fault {
        case .timeout(let seconds): return .stall(seconds)
        case .hangUp: return .hangUp
        case .tooManyRequests(let retryAfter):
            return .answer(status: 429, headers: retryAfter.map { ["Retry-After": $0] } ?? [:], body: "Too Many Requests")
        case .serverError(let status): return .answer(status: status, headers: [:], body: "upstream trouble")
        case .html:
            return .answer(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"],
                           body: "<!DOCTYPE html><html><body>Please enable cookies</body></html>")
        case .invalidJSON: return .json("{\"chart\": {\"result\": [oops]}}")
        default: return nil
        }
    }

    private func yahooFault(_ fault: Fault, symbol: String, bars: [Bar]) -> FixtureReply {
        if let reply = commonFault(fault) { return reply }
        let series: SeriesID = symbol == "^RUT" ? .rut : symbol == "BTC-USD" ? .btc : .iwm
        switch fault {
        case .truncatedJSON:
            let body = FixtureAnswers.yahoo(symbol: symbol, bars: bars, series: series)
            return .json(String(body.prefix(body.count / 2)))
        case .wrongSymbol(let other): return .json(FixtureAnswers.yahoo(symbol: other, bars: bars, series: series))
        case .mismatchedArrays: return .json(FixtureAnswers.yahoo(symbol: symbol, bars: bars, series: series, dropLastClose: true))
        case .nullBar(let day): return .json(FixtureAnswers.yahoo(symbol: symbol, bars: bars, series: series, nullDay: day))
        case .outOfOrder:
            var shuffled = bars
            if shuffled.count >= 2 { shuffled.swapAt(shuffled.count - 1, shuffled.count - 2) }
            return .json(FixtureAnswers.yahoo(symbol: symbol, bars: shuffled, series: series))
        case .futureTimestamp:
            var later = bars
            if let last = bars.last { later.append(Bar(day: Day(unixSeconds: Int64(Date().timeIntervalSince1970)).adding(days: 3), close: last.close)) }
            return .json(FixtureAnswers.yahoo(symbol: symbol, bars: later, series: series))
        case .badPrice(let price):
            var bad = bars
            if let last = bad.last { bad[bad.count - 1] = Bar(day: last.day, close: price) }
            return .json(FixtureAnswers.yahoo(symbol: symbol, bars: bad, series: series))
        case .providerError:
            return .json(#"{"chart":{"result":null,"error":{"code":"Bad Request","description":"Data doesn't exist for startDate"}}}"#, status: 400)
        default: return .json("{}")
        }
    }

    private func coinbaseFault(_ fault: Fault, bars: [Bar]) -> FixtureReply {
        if let reply = commonFault(fault) { return reply }
        switch fault {
        case .truncatedJSON:
            let body = FixtureAnswers.coinbase(bars)
            return .json(String(body.prefix(max(1, body.count / 2))))
        case .providerError: return .json(#"{"message":"granularity too small for the requested time range"}"#, status: 400)
        case .outOfOrder: return .json(FixtureAnswers.coinbase(bars, newestFirst: false))
        case .mismatchedArrays: return .json("[[1700000000, 1, 2, 1.5]]")
        default: return .json(FixtureAnswers.coinbase(bars))
        }
    }
}

/// Answers in the providers' exact formats.
public enum FixtureAnswers {
    /// A Yahoo chart v8 answer. Index bars are stamped at 09:30 New York (13:30 or 14:30 UTC, here
    /// 14:30 with a -5 h offset), Bitcoin bars at midnight UTC.
    public static func yahoo(symbol: String, bars: [Bar], series: SeriesID, dropLastClose: Bool = false,
                             nullDay: Day? = nil) -> String {
        let isIndex = series != .btc
        let stamp: (Day) -> Int64 = { isIndex ? $0.unixSeconds + 14 * 3600 + 1800 : $0.unixSeconds }
        func column(_ values: [Double?]) -> String {
            "[" + values.map { $0.map { String($0) } ?? "null" }.joined(separator: ",") + "]"
        }
        let nulled: (Bar, Double?) -> Double? = { bar, value in bar.day == nullDay ? nil : value }
        var closes = bars.map { nulled($0, $0.close) }
        if dropLastClose, !closes.isEmpty { closes.removeLast() }
        let last = bars.last
        return """
            {"chart":{"result":[{"meta":{"currency":"USD","symbol":"\(symbol)","exchangeName":"\(isIndex ? "WCB" : "CCC")",\
            "instrumentType":"\(isIndex ? "INDEX" : "CRYPTOCURRENCY")","regularMarketPrice":\(last?.close ?? 0),\
            "regularMarketTime":\(last.map { stamp($0.day) } ?? 0),"gmtoffset":\(isIndex ? -18000 : 0),\
            "timezone":"\(isIndex ? "EST" : "UTC")","exchangeTimezoneName":"\(isIndex ? "America/New_York" : "UTC")",\
            "dataGranularity":"1d"},\
            "timestamp":[\(bars.map { String(stamp($0.day)) }.joined(separator: ","))],\
            "indicators":{"quote":[{"open":\(column(bars.map { nulled($0, $0.open) })),"high":\(column(bars.map { nulled($0, $0.high) })),\
            "low":\(column(bars.map { nulled($0, $0.low) })),"close":\(column(closes)),\
            "volume":\(column(bars.map { nulled($0, $0.volume) }))}],\
            "adjclose":[{"adjclose":\(column(closes))}]}}],"error":null}}
            """
    }

    /// A Coinbase candles answer: `[time, low, high, open, close, volume]`, newest first.
    public static func coinbase(_ bars: [Bar], newestFirst: Bool = true) -> String {
        let rows = bars.sorted { newestFirst ? $0.day > $1.day : $0.day < $1.day }.map { bar in
            "[\(bar.day.unixSeconds),\(bar.low ?? bar.close),\(bar.high ?? bar.close),\(bar.open ?? bar.close),\(bar.close),\(bar.volume ?? 0)]"
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    /// Deterministic daily bars: weekdays only for an index, every day for Bitcoin, ending at `last`.
    public static func syntheticBars(_ series: SeriesID, count: Int, last: Day, start price: Double) -> [Bar] {
        var days: [Day] = []
        var day = last
        while days.count < count {
            if series == .btc || (day.weekday != 0 && day.weekday != 6) { days.append(day) }
            day = day.adding(days: -1)
        }
        return days.reversed().enumerated().map { i, day in
            let close = (price * (1 + 0.001 * Double(i % 17) - 0.0004 * Double(i % 5)) * 100).rounded() / 100
            let cents: (Double) -> Double = { ($0 * 100).rounded() / 100 }
            return Bar(day: day, open: cents(close * 0.995), high: cents(close * 1.01), low: cents(close * 0.99), close: close,
                       volume: 1000 + Double(i))
        }
    }
}
