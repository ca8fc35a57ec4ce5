import Foundation
import Markets

/// Fetches an iShares fund's holdings file (`…/1467271812596.ajax?fileType=csv&fileName=IWM_holdings&dataType=fund`)
/// and keeps each day's file under `cache/ishares/`.
///
/// The same address with `asOfDate=YYYYMMDD` answers the file as of a past day, as public downloaders of
/// the files use it. For a day without holdings (a holiday, before the fund existed) it answers a file
/// whose `Fund Holdings as of` is `-`; it may also answer the file of an earlier day than the one asked,
/// so a past file is always filed under its own as-of day.
public struct ISharesClient: Sendable {
    /// A day with no holdings is remembered as such once it is this many days old; a more recent one
    /// may still be published, so it is asked again.
    public static let settledAfterDays = 7

    public var baseURL: URL
    public var productPaths: [String: String]
    public var userAgent: String
    public var transport: any HTTPTransport
    public var cache: RawAnswerCache
    /// Spaces the requests for past files (today's are asked once a day per fund and are not paced).
    public var pastFilePacer: RequestPacer

    public init(config: FundamentalsConfig, userAgent: String, transport: any HTTPTransport, cache: RawAnswerCache,
                pastFilePacer: RequestPacer = RequestPacer(perSecond: 1 / 1.5)) {
        baseURL = config.isharesURL
        productPaths = config.productPaths
        self.userAgent = userAgent
        self.transport = transport
        self.cache = cache
        self.pastFilePacer = pastFilePacer
    }

    /// The URL of a fund's holdings file: today's, or as of a past day.
    public func holdingsURL(fund: String, asOf day: Day? = nil) throws -> URL {
        guard let path = productPaths[fund] else { throw FetchFault.notConfigured("no iShares product page path for \(fund)") }
        var components = URLComponents(url: baseURL.appendingPathComponent(path).appendingPathComponent("1467271812596.ajax"),
                                       resolvingAgainstBaseURL: false)!
        var query = [URLQueryItem(name: "fileType", value: "csv"), URLQueryItem(name: "fileName", value: "\(fund)_holdings"),
                     URLQueryItem(name: "dataType", value: "fund")]
        if let day { query.append(URLQueryItem(name: "asOfDate", value: day.iso.replacingOccurrences(of: "-", with: ""))) }
        components.queryItems = query
        return components.url!
    }

    /// Today's holdings file of a fund, parsed, with the raw file kept under its as-of day.
    public func holdings(fund: String) throws -> FundHoldingsFile { try fetch(fund: fund, asOf: nil) }

    /// What the publisher answered for a past day.
    public struct PastFile: Sendable {
        /// The file, whose as-of day may be earlier than the day asked; nil when there are no holdings for that day.
        public var file: FundHoldingsFile?
        /// Whether it came from the network (false: from the cache, without a request).
        public var fetched: Bool
    }

    /// A fund's holdings file as of a past day, from the cache when that day was asked before.
    ///
    /// The raw file is kept as `ishares/FUND-ASOF.csv`; when the as-of day differs from the day asked, or
    /// a settled day has no holdings, `ishares/asked/FUND-DAY.txt` records the as-of day (or `none`), so
    /// each day is asked once.
    public func pastHoldings(fund: String, day: Day, today: Day) throws -> PastFile {
        if let cached = cachedPastFile(fund: fund, day: day) { return cached }
        pastFilePacer.waitTurn()
        do {
            let file = try fetch(fund: fund, asOf: day)
            if file.asOf != day { try cache.write(Data(file.asOf.iso.utf8), to: askedName(fund: fund, day: day)) }
            return PastFile(file: file, fetched: true)
        } catch let error as FundamentalsParseError where error.problem == FundHoldingsFile.noHoldingsProblem {
            if day.distance(to: today) >= Self.settledAfterDays {
                try cache.write(Data("none".utf8), to: askedName(fund: fund, day: day))
            }
            return PastFile(file: nil, fetched: true)
        }
    }

    /// The answer for a past day kept by an earlier request, if any (a file that no longer parses is asked again).
    func cachedPastFile(fund: String, day: Day) -> PastFile? {
        func parsed(_ asOf: Day) -> FundHoldingsFile? {
            cache.read(fileName(fund: fund, asOf: asOf)).flatMap {
                try? FundHoldingsFile.parse(String(decoding: $0, as: UTF8.self), label: "\(fund) holdings")
            }
        }
        if let file = parsed(day) { return PastFile(file: file, fetched: false) }
        guard let asked = cache.read(askedName(fund: fund, day: day)).map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        if asked == "none" { return PastFile(file: nil, fetched: false) }
        return Day(iso: asked).flatMap(parsed).map { PastFile(file: $0, fetched: false) }
    }

    /// One request: the file, parsed, with the raw answer kept under its own as-of day.
    private func fetch(fund: String, asOf day: Day?) throws -> FundHoldingsFile {
        let answer = try transport.get(try holdingsURL(fund: fund, asOf: day), headers: ["User-Agent": userAgent])
        try AnswerCheck.requireSuccess(answer)
        try AnswerCheck.rejectHTML(answer)
        let file = try FundHoldingsFile.parse(answer.text, label: "\(fund) holdings")
        try cache.write(answer.body, to: fileName(fund: fund, asOf: file.asOf))
        return file
    }

    func fileName(fund: String, asOf day: Day) -> String { "ishares/\(fund)-\(day.iso).csv" }
    func askedName(fund: String, day: Day) -> String { "ishares/asked/\(fund)-\(day.iso).txt" }
}

extension FeedsConfig {
    /// The iShares client for these settings: the configured User-Agent, else a browser's.
    public func isharesClient(transport: any HTTPTransport, cache: RawAnswerCache) -> ISharesClient {
        ISharesClient(config: fundamentals, userAgent: userAgent ?? YahooChartProvider.browserUserAgent, transport: transport, cache: cache)
    }
}
