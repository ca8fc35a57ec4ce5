import Foundation
import Markets

/// Fetches the SEC's company tickers and XBRL frames, as the SEC asks: a User-Agent naming the
/// application and a contact, at most 10 requests a second, and each answer kept so it is asked once.
public struct SECClient: Sendable {
    public static let dataURL = URL(string: "https://data.sec.gov")!
    public static let wwwURL = URL(string: "https://www.sec.gov")!
    /// A quarter this long past its end is taken as complete: its frame is cached for good.
    public static let settledAfterDays = 120

    public var userAgent: String
    /// One base for both files (tests, mirrors); nil: the SEC's own hosts.
    public var baseURL: URL?
    public var transport: any HTTPTransport
    public var pacer: RequestPacer
    public var cache: RawAnswerCache

    /// A client; refuses to exist without a contact, since the SEC answers 403 to anonymous clients.
    ///
    /// - Throws: `FetchFault.notConfigured` saying how to set `sec_contact`.
    public init(config: FundamentalsConfig, configFile: String, transport: any HTTPTransport, cache: RawAnswerCache,
                pacer: RequestPacer = RequestPacer(perSecond: 10)) throws {
        guard let userAgent = config.secUserAgent else {
            throw FetchFault.notConfigured(
                "the SEC requires a contact in the User-Agent; add a line like sec_contact = \"Jane Doe jane@example.com\" to \(configFile)")
        }
        self.userAgent = userAgent
        baseURL = config.secURL
        self.transport = transport
        self.cache = cache
        self.pacer = pacer
    }

    /// The ticker → CIK map, from the cache when it is less than a week old.
    public func companyTickers(now: Date = Date()) throws -> CompanyTickers {
        let name = "sec/company_tickers.json"
        if let data = cache.read(name, maximumAge: 7 * 86_400, now: now), let map = try? CompanyTickers.parse(data) { return map }
        let data = try get((baseURL ?? Self.wwwURL).appendingPathComponent("files/company_tickers.json"))
        let map = try CompanyTickers.parse(data)
        try cache.write(data, to: name)
        return map
    }

    /// The `NetIncomeLoss` USD frame of a calendar quarter; from the cache when the quarter is settled
    /// (or was fetched today), otherwise fetched and kept.
    ///
    /// - Returns: the frame and whether it came from the network.
    public func netIncomeFrame(year: Int, quarter: Int, now: Date = Date()) throws -> (frame: XBRLFrame, fetched: Bool) {
        let period = XBRLFrame.periodName(year: year, quarter: quarter)
        let name = "sec/frames/NetIncomeLoss-USD-\(period).json"
        let quarterEnd = Day(year: year, month: quarter * 3, day: 1)!.adding(months: 1).adding(days: -1)
        let settled = quarterEnd.distance(to: Day.utcToday(now: now)) >= Self.settledAfterDays
        if let data = cache.read(name, maximumAge: settled ? nil : 86_400, now: now),
           let frame = try? XBRLFrame.parse(data, label: "frame \(period)", expectedPeriod: period) {
            return (frame, false)
        }
        let url = (baseURL ?? Self.dataURL).appendingPathComponent("api/xbrl/frames/us-gaap/NetIncomeLoss/USD/\(period).json")
        let data: Data
        do {
            data = try get(url)
        } catch FetchFault.httpStatus(404, _) {
            // No filer has reported the quarter yet: an empty frame, not kept.
            return (XBRLFrame(tag: "NetIncomeLoss", period: period, unit: "USD", facts: []), true)
        }
        let frame = try XBRLFrame.parse(data, label: "frame \(period)", expectedPeriod: period)
        try cache.write(data, to: name)
        return (frame, true)
    }

    /// One paced GET with the SEC's User-Agent; statuses and HTML pages become faults.
    func get(_ url: URL) throws -> Data {
        pacer.waitTurn()
        let answer = try transport.get(url, headers: ["User-Agent": userAgent, "Accept": "application/json"])
        if answer.status == 403 {
            throw FetchFault.httpStatus(403, message: "the SEC refused the request (it does so without a User-Agent naming the app and a contact, or above 10 requests a second)")
        }
        try AnswerCheck.requireSuccess(answer)
        try AnswerCheck.rejectHTML(answer)
        return answer.body
    }
}
