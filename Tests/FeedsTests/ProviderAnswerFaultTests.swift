import Feeds
import Foundation
import Markets
import Testing

/// Answers the provider properties found mishandled, each kept as a fixed case.
@Suite("Provider answers the properties found mishandled")
struct ProviderAnswerFaultTests {
    /// 2026-11-25 20:00 UTC.
    static let now = Date(timeIntervalSince1970: Double(testToday.unixSeconds) + 72_000)

    /// A one-bar Yahoo answer for ^RUT with the given JSON for the time, offset and close.
    static func yahoo(time: String = "1764081000", offset: String = "-18000", close: String = "2400.5",
                      symbol: String = "^RUT") -> HTTPAnswer {
        let meta = #"{"symbol":"\#(symbol)","gmtoffset":\#(offset)}"#
        let body = #"{"chart":{"result":[{"meta":\#(meta),"timestamp":[\#(time)],"indicators":{"quote":[{"close":[\#(close)]}]}}],"error":null}}"#
        return HTTPAnswer(status: 200, body: Data(body.utf8))
    }

    static func yahooFault(_ answer: HTTPAnswer) -> String? {
        do { _ = try YahooChartProvider.parse(answer, symbol: "^RUT", now: now); return nil } catch { return "\(error)" }
    }

    static func coinbase(_ json: String) throws -> [Bar] {
        try CoinbaseCandlesProvider.parse(HTTPAnswer(status: 200, body: Data(json.utf8)), now: now)
    }

    @Test("a time too large for an integer is a fault (it trapped converting to Int64)",
          arguments: ["1e300", "-1e300", "9223372036854775808", "1e19"])
    func hugeTimestamp(_ time: String) throws {
        let fault = try #require(Self.yahooFault(Self.yahoo(time: time)))
        #expect(fault.hasPrefix("timestamp[0] ") && fault.hasSuffix("is not a time in whole seconds between 1900 and 9999"), "\(fault)")
        #expect(throws: FetchFault.self) { try Self.coinbase("[[\(time),1,2,1.5,1.5,10]]") }
    }

    @Test("a time before 1900 or a fraction of a second is a fault (it became a bar dated -5877641-06-23)",
          arguments: ["-1e15", "-2208988801", "1764081000.5"])
    func implausibleTimestamp(_ time: String) throws {
        let fault = try #require(Self.yahooFault(Self.yahoo(time: time)))
        #expect(fault.contains("is not a time in whole seconds between 1900 and 9999"), "\(fault)")
    }

    @Test("an offset from UTC beyond a day is a fault (it trapped on overflow, or moved bars millions of years)",
          arguments: ["1e300", "9223372036854775807", "-9223372036854775807", "90000", "3600.5", "\"EST\""])
    func implausibleOffset(_ offset: String) throws {
        let fault = try #require(Self.yahooFault(Self.yahoo(offset: offset)))
        #expect(fault.contains("meta.gmtoffset"), "\(fault)")
    }

    @Test("no offset, or null, reads as UTC; a real one places the bar on the exchange's day")
    func plausibleOffsets() throws {
        // 2025-11-25 14:30 UTC is 09:30 in New York.
        #expect(try YahooChartProvider.parse(Self.yahoo(offset: "null"), symbol: "^RUT", now: Self.now).map(\.day) == [Day(iso: "2025-11-25")!])
        #expect(try YahooChartProvider.parse(Self.yahoo(time: "1764115200", offset: "-18000"), symbol: "^RUT", now: Self.now)
                .map(\.day) == [Day(iso: "2025-11-25")!])
    }

    @Test("true and false are not prices (they read as 1 and 0)")
    func booleanPrices() throws {
        #expect(Self.yahooFault(Self.yahoo(close: "true")) == "close[0] is true, not a number")
        #expect(Self.yahooFault(Self.yahoo(close: "\"2400.5\"")) == "close[0] is the text '2400.5', not a number")
        #expect(Self.yahooFault(Self.yahoo(offset: "true")) == "meta.gmtoffset is true, not a number")
        let error = #expect(throws: FetchFault.self) { try Self.coinbase("[[1764028800,1,2,false,1.5,10]]") }
        #expect(error?.description == "candle 0 open is false, not a number")
        // Integers 1 and 0 are numbers, though Foundation hands them back much like booleans.
        #expect(try Self.coinbase("[[1764028800,1,2,1,1,0]]").map(\.close) == [1])
    }

    @Test("two candles on one day give one bar, the later (the store refused the whole batch)")
    func twoCandlesOnOneDay() throws {
        let bars = try Self.coinbase("[[1764072000,1,3,2,2.5,10],[1764028800,1,2,1.5,1.8,7],[1763942400,1,2,1.2,1.4,5]]")
        #expect(bars.map(\.day.iso) == ["2025-11-24", "2025-11-25"])
        #expect(bars.map(\.close) == [1.4, 2.5])
    }

    @Test("text the provider sends is quoted on one line and cut short (a long symbol flooded the status line)")
    func providerTextIsExcerpted() throws {
        let long = String(repeating: "é", count: 3_000)
        let fault = try #require(Self.yahooFault(Self.yahoo(symbol: "A\\nB" + long)))
        #expect(fault.hasPrefix("answer is for A\\nB\(String(repeating: "é", count: 57))…, not ^RUT"), "\(fault.prefix(100))")
        #expect(FetchFault.providerError("line one\r\nline two\u{2028}\0").description == "provider error: line one\\r\\nline two\\u{2028}\\0")
        let status = FetchFault.httpStatus(400, message: String(repeating: "x", count: 500)).description
        #expect(status.count < 140 && status.hasSuffix("…"))
    }

    @Test("Stooq: a cell that is not a number is a fault naming the line (it was read as a missing value)")
    func stooqCells() throws {
        let header = "Date,Open,High,Low,Close,Volume\n"
        let cases: [(String, String)] = [
            ("2024-01-02,abc,2,1,1.5,10\n", "line 2: open 'abc' is not a number"),
            ("2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,1.6,n/a\n", "line 3: volume 'n/a' is not a number"),
            ("2024-01-02,1,2,1,,10\n", "line 2: no close"),
            ("2024-01-02,1,2\n", "line 2: '2024-01-02,1,2' is not date,open,high,low,close,volume"),
            ("\n\n2024-13-02,1,2,1,1.5,10\n", "line 4: '2024-13-02,1,2,1,1.5,10' is not date,open,high,low,close,volume"),
        ]
        for (rows, message) in cases {
            let error = #expect(throws: FetchFault.self) { try StooqDailyProvider.parse(header + rows, now: Self.now) }
            #expect(error?.description == message)
        }
        // An empty cell is a missing value, and a file without volumes is fine.
        let bars = try StooqDailyProvider.parse("Date,Open,High,Low,Close\r\n2024-01-02,,2,1,1.5\r\n", now: Self.now)
        #expect(bars == [Bar(day: Day(iso: "2024-01-02")!, open: nil, high: 2, low: 1, close: 1.5, volume: nil)])
    }
}
