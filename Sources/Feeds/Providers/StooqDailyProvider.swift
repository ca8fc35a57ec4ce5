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
        let answer = try transport.get(components.url!, headers: ["User-Agent": userAgent])
        try AnswerCheck.rejectHTML(answer)
        try AnswerCheck.requireSuccess(answer)
        return try Self.parse(answer.text, now: now).filter { $0.day >= from && $0.day <= through }
    }

    /// Validates a Stooq CSV answer and returns its bars, oldest first.
    public static func parse(_ text: String, now: Date) throws -> [Bar] {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let header = lines.first else { return [] }
        if header.lowercased().hasPrefix("no data") { return [] }
        guard header.lowercased().hasPrefix("date,open,high,low,close") else {
            throw FetchFault.invalidAnswer("not a Stooq CSV (first line '\(header.prefix(40))')")
        }
        lines.removeFirst()
        var bars: [Bar] = []
        for line in lines where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 5, let day = Day(iso: cells[0]) else { throw FetchFault.invalidAnswer("bad CSV line '\(line.prefix(40))'") }
            if let last = bars.last, day <= last.day { throw FetchFault.outOfOrder(at: day) }
            guard let close = Double(cells[4]) else { throw FetchFault.badPrice(day, "close '\(cells[4])'") }
            let bar = Bar(day: day, open: Double(cells[1]), high: Double(cells[2]), low: Double(cells[3]), close: close,
                          volume: cells.count > 5 ? Double(cells[5]) : nil)
            try AnswerCheck.check(bar, now: now)
            bars.append(bar)
        }
        return bars
    }
}
