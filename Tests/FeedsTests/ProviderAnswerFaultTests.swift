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

    @Test("text the provider sends is quoted on one line and cut short (a long symbol flooded the status line)")
    func providerTextIsExcerpted() throws {
        let long = String(repeating: "é", count: 3_000)
        let fault = try #require(Self.yahooFault(Self.yahoo(symbol: "A\\nB" + long)))
        #expect(fault.hasPrefix("answer is for A B\(String(repeating: "é", count: 57))…, not ^RUT"), "\(fault.prefix(100))")
        #expect(FetchFault.providerError("line one\nline two").description == "provider error: line one line two")
        let status = FetchFault.httpStatus(400, message: String(repeating: "x", count: 500)).description
        #expect(status.count < 140 && status.hasSuffix("…"))
    }
}
