import Foundation
import Markets

/// Daily CSV from Stooq, `{base}/q/d/l/?s=SYMBOL&i=d&apikey=KEY`; used only when a key is configured.
///
/// The answer is `Date,Open,High,Low,Close,Volume`. Without a valid key Stooq answers an HTML page
/// with status 200, which is reported as a fault and never parsed as data.
public struct StooqDailyProvider: PriceProvider {
    public let name = "stooq"
    public var baseURL: URL
    public var apiKey: String?
    public var userAgent: String
    public var transport: any HTTPTransport

    public static let defaultBaseURL = URL(string: "https://stooq.com")!

    public init(baseURL: URL = defaultBaseURL, apiKey: String?, userAgent: String = "resonance",
                transport: any HTTPTransport = HTTPHelperTransport.shared) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.userAgent = userAgent
        self.transport = transport
    }

    /// The Stooq symbol of a series.
    public static func symbol(for series: SeriesID) -> String? {
        switch series {
        case .rut: return "^rut"
        case .btc: return "btcusd"
        case .iwm: return "iwm.us"
        default: return nil
        }
    }

    public func serves(_ series: SeriesID) -> Bool { Self.symbol(for: series) != nil }

    public func dailyBars(_ series: SeriesID, from: Day, through: Day, now: Date) throws -> [Bar] {
        guard let key = apiKey, !key.isEmpty else { throw FetchFault.notConfigured("stooq needs a key (stooq.key in config.toml)") }
        guard let symbol = Self.symbol(for: series) else { throw FetchFault.notConfigured("stooq has no symbol for \(series)") }
        var components = URLComponents(url: baseURL.appendingPathComponent("q/d/l/"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "s", value: symbol), URLQueryItem(name: "i", value: "d"),
                                 URLQueryItem(name: "d1", value: from.iso.replacingOccurrences(of: "-", with: "")),
                                 URLQueryItem(name: "d2", value: through.iso.replacingOccurrences(of: "-", with: "")),
                                 URLQueryItem(name: "apikey", value: key)]
        let answer = try transport.get(components.url!, headers: ["User-Agent": userAgent], kind: .priceHistory)
        try AnswerCheck.rejectHTML(answer)
        try AnswerCheck.requireSuccess(answer)
        return try Self.parse(answer.text, now: now).filter { $0.day >= from && $0.day <= through }
    }

    /// Validates a Stooq CSV answer and returns its bars, oldest first.
    ///
    /// An empty cell is a missing value; any other cell that is not a number is a fault, as is a line that
    /// is not `date,open,high,low,close[,volume]`. A fault names the line, such as `line 12: open 'n/a' is
    /// not a number`.
    public static func parse(_ text: String, now: Date) throws -> [Bar] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let headerIndex = lines.firstIndex(where: { !$0.isEmpty }) else { return [] }
        let header = lines[headerIndex].lowercased()
        if header.hasPrefix("no data") { return [] }
        guard header.hasPrefix("date,open,high,low,close") else {
            throw FetchFault.invalidAnswer("not a Stooq CSV (first line '\(MessageExcerpt.of(lines[headerIndex], limit: 40))')")
        }
        var bars: [Bar] = []
        for index in lines.indices.dropFirst(headerIndex + 1) where !lines[index].isEmpty {
            let line = lines[index]
            func fail(_ problem: String) -> FetchFault { .invalidAnswer("line \(index + 1): \(problem)") }
            let cells: [String]
            do { cells = try csvCells(line) } catch { throw fail("'\(MessageExcerpt.of(line, limit: 40))' has a quote that is not closed or text after one") }
            guard cells.count >= 5, let day = Day(iso: cells[0]) else {
                throw fail("'\(MessageExcerpt.of(line, limit: 40))' is not date,open,high,low,close,volume")
            }
            if let last = bars.last, day <= last.day { throw FetchFault.outOfOrder(at: day) }
            func number(_ column: Int, _ name: String) throws -> Double? {
                guard column < cells.count, !cells[column].isEmpty else { return nil }
                guard let value = Double(cells[column]) else {
                    throw fail("\(name) '\(MessageExcerpt.of(cells[column], limit: 20))' is not a number")
                }
                return value
            }
            guard let close = try number(4, "close") else { throw fail("no close") }
            let bar = Bar(day: day, open: try number(1, "open"), high: try number(2, "high"), low: try number(3, "low"),
                          close: close, volume: try number(5, "volume"))
            try AnswerCheck.check(bar, now: now)
            bars.append(bar)
        }
        return bars
    }
}
