import Foundation
import Markets

/// A scripted SEC for the loopback server: the two ticker files, each fund's filings feed and filings, and
/// the XBRL frames, built from a few rules so tests and the benchmark can say what must come out.
///
/// Like the SEC, every route answers 403 to a request whose User-Agent holds no contact (an `@`), a frame no
/// filer has reported answers 404, and the feed pages by `start` and `count`, newest filing first.
public final class FixtureSEC: @unchecked Sendable {
    /// One fund: where it files, and when its fiscal quarters end.
    public struct Fund: Sendable {
        public var symbol: String, cik: Int, seriesID: String, classID: String, registrant: String, name: String
        /// The months (1…12) its fiscal quarters end in: its public filings' report months.
        public var quarterMonths: [Int]
        /// Its typical monthly sales, in USD.
        public var scale: Double
    }

    /// One filing served.
    public struct Filing: Sendable {
        public var fund: String, accession: String, filingDate: Day, type: String, reportDate: Day, document: String
        /// The three months' net flows as the document reports them, mon1 first.
        public var netFlows: [Double]
    }

    /// A fault served instead of the next answer of a route.
    public enum Fault: Sendable, Hashable {
        case status(Int, retryAfter: String? = nil)
        case html
        case truncated
        case body(String)
    }

    /// The main US small-cap ETFs with their registrants. IWM's and IJR's series and class IDs are the SEC's;
    /// the others follow the same pattern.
    public static let smallCapFunds: [Fund] = [
        Fund(symbol: "IWM", cik: 1100663, seriesID: "S000004344", classID: "C000012074", registrant: "iShares Trust",
             name: "iShares Russell 2000 ETF", quarterMonths: [3, 6, 9, 12], scale: 2.0e10),
        Fund(symbol: "IJR", cik: 1100663, seriesID: "S000004313", classID: "C000012043", registrant: "iShares Trust",
             name: "iShares Core S&P Small-Cap ETF", quarterMonths: [3, 6, 9, 12], scale: 8.0e9),
        Fund(symbol: "VB", cik: 36405, seriesID: "S000002848", classID: "C000007800", registrant: "Vanguard Index Funds",
             name: "Vanguard Small-Cap Index Fund", quarterMonths: [3, 6, 9, 12], scale: 4.0e9),
        Fund(symbol: "VTWO", cik: 1021882, seriesID: "S000029754", classID: "C000091553", registrant: "Vanguard Scottsdale Funds",
             name: "Vanguard Russell 2000 Index Fund", quarterMonths: [2, 5, 8, 11], scale: 1.0e9),
        Fund(symbol: "SCHA", cik: 1454889, seriesID: "S000026651", classID: "C000080212", registrant: "Schwab Strategic Trust",
             name: "Schwab U.S. Small-Cap ETF", quarterMonths: [2, 5, 8, 11], scale: 1.5e9),
        Fund(symbol: "SPSM", cik: 1064642, seriesID: "S000022427", classID: "C000064640", registrant: "SPDR Series Trust",
             name: "SPDR Portfolio S&P 600 Small Cap ETF", quarterMonths: [3, 6, 9, 12], scale: 1.2e9),
    ]

    public let today: Day
    public let funds: [Fund]
    /// Companies 0..<companies: CIK 1000+i, ticker `T{i}`.
    public let companies: Int
    public let firstFilingYear: Int
    public let firstFrameYear: Int

    private let lock = NSLock()
    private var filingsByFund: [String: [Filing]] = [:]
    private var documents: [String: String] = [:]
    private var frames: [String: String] = [:]
    private var faults: [String: [Fault]] = [:]
    private var nextAccession = 1
    public private(set) var mutualFundTickers = ""
    public private(set) var companyTickers = ""

    /// A world of `funds` filing quarterly from `firstFilingYear`, IWM holding the companies that are in the index
    /// each quarter, and frames from `firstFrameYear`; everything dated on or before `today`.
    public init(today: Day, funds: [Fund] = FixtureSEC.smallCapFunds, companies: Int = 40, firstFilingYear: Int = 2019,
                firstFrameYear: Int = 2009) {
        self.today = today
        self.funds = funds
        self.companies = companies
        self.firstFilingYear = firstFilingYear
        self.firstFrameYear = firstFrameYear
        mutualFundTickers = SECDocuments.mutualFundTickers(
            [SECDocuments.FundRow(cik: 1100663, seriesID: "S000004346", classID: "C000012076", symbol: "IWN")]
                + funds.map { SECDocuments.FundRow(cik: $0.cik, seriesID: $0.seriesID, classID: $0.classID, symbol: $0.symbol) }
                + [SECDocuments.FundRow(cik: 36405, seriesID: "S000002848", classID: "C000007801", symbol: "NAESX")])
        var rows = (0..<companies).filter { !Self.isPrivate($0) }.map { (ticker: "T\($0)", cik: 1000 + $0, title: Self.secTitle($0)) }
        rows.append((ticker: "AAPL", cik: 320193, title: "Apple Inc."))
        companyTickers = SECDocuments.companyTickers(rows)
        for fund in funds {
            for reportDate in publicReportDates(fund) {
                add(fund: fund, reportDate: reportDate, type: "NPORT-P", filed: reportDate.adding(days: 55), scale: 1)
            }
        }
        buildFrames()
    }

    // MARK: - The rules

    /// A company that is not an SEC filer (no ticker row): left unmatched.
    public static func isPrivate(_ company: Int) -> Bool { company % 19 == 18 }
    /// Its name as N-PORT holdings give it.
    public static func holdingName(_ company: Int) -> String { company % 19 == 18 ? "PRIVATE WIDGETS \(company) LLC" : "COMPANY \(company) INC" }
    /// Its title as the SEC spells it: mixed case, punctuation, sometimes a state tag.
    public static func secTitle(_ company: Int) -> String { company % 4 == 1 ? "COMPANY \(company) CORP /DE/" : "Company \(company), Inc." }
    /// Its CUSIP, or `N/A` for one in eleven.
    public static func cusip(_ company: Int) -> String { company % 11 == 7 ? "N/A" : String(format: "%06d101", 100_000 + company) }
    /// Whether a company is in the index at a quarter (numbered from 0 at `firstFilingYear` Q1): some join late,
    /// some leave (point in time).
    public func isConstituent(_ company: Int, quarterIndex: Int) -> Bool {
        if company % 13 == 3, quarterIndex < 4 { return false }
        if company % 17 == 5, quarterIndex >= 10 { return false }
        return true
    }
    /// A company's net income in a calendar quarter (index from `firstFrameYear` Q1). Each year 30 to 50% of the
    /// companies lose money in every quarter (a different set each year); of the others, every third plus one
    /// loses in the year's first quarter only (a loss quarter in a profitable year).
    public static func netIncome(_ company: Int, quarterIndex: Int) -> Double {
        let year = quarterIndex / 4
        if (company * 7 + year * 3) % 10 < 3 + year % 3 { return -2_000_000 - Double(company) * 10_000 }
        if company % 3 == 1, quarterIndex % 4 == 0 { return -1_000_000 }
        return 3_000_000 + Double(company) * 10_000
    }

    /// A company's net income over the four quarters ending with one, by the rule above.
    public static func trailingNetIncome(_ company: Int, endingWith quarterIndex: Int) -> Double {
        (quarterIndex - 3...quarterIndex).map { netIncome(company, quarterIndex: $0) }.reduce(0, +)
    }

    /// Companies reporting only `ProfitLoss`.
    public static func reportsProfitLossOnly(_ company: Int) -> Bool { company % 7 == 1 }
    /// Companies whose fourth quarter is in the quarterly frame (the others only in the year's).
    public static func hasQuarterlyQ4(_ company: Int) -> Bool { company % 5 == 0 }
    /// The year a company's facts start in the frames.
    public func firstFactYear(_ company: Int) -> Int { firstFrameYear + (company % 4 == 3 ? 3 : 0) }

    /// A fund's net flow for a month: the sales, less the redemptions of a wave.
    public static func flow(_ fund: Fund, month: Day) -> SECDocuments.Flow {
        let k = Double(month.year * 12 + month.components.month) + Double(fund.symbol.unicodeScalars.first!.value)
        let sales = fund.scale * (1 + 0.3 * sin(k))
        let redemption = fund.scale * (1 + 0.3 * cos(k * 1.3))
        let reinvestment = month.components.month == 12 ? fund.scale * 0.01 : 0
        return SECDocuments.Flow(sales: String(format: "%.2f", sales), reinvestment: String(format: "%.2f", reinvestment),
                                 redemption: String(format: "%.2f", redemption))
    }

    /// The report dates of a fund's public filings: the last day of each fiscal quarter's last month, from
    /// `firstFilingYear`, filed 55 days later, on or before today.
    public func publicReportDates(_ fund: Fund) -> [Day] {
        var dates: [Day] = []
        for year in firstFilingYear...today.year {
            for month in fund.quarterMonths {
                let end = Day(year: year, month: month, day: 1)!.adding(months: 1).adding(days: -1)
                if end.adding(days: 55) <= today { dates.append(end) }
            }
        }
        return dates
    }

    /// The IWM filing's holdings at a report date.
    func holdings(reportDate: Day) -> [SECDocuments.Holding] {
        let index = (reportDate.year - firstFilingYear) * 4 + (reportDate.components.month - 1) / 3
        var holdings = (0..<companies).filter { isConstituent($0, quarterIndex: index) }.map { company -> SECDocuments.Holding in
            let cusip = Self.cusip(company)
            return SECDocuments.Holding(name: Self.holdingName(company), cusip: cusip, isin: cusip == "N/A" ? nil : "US\(cusip)0",
                                        value: String(format: "%.2f", 30_000_000 + Double(company) * 1000))
        }
        holdings.append(SECDocuments.Holding(name: "BLK CSH FND TREASURY SL AGENCY", lei: "549300L2ZFLJW4VDDB37", title: "BLK CSH FND TREASURY SL AGENCY",
                                             cusip: "066922477", isin: "US0669224778", value: "512000000.00", assetCategory: "STIV"))
        holdings.append(SECDocuments.Holding(name: "BERMUDA RE LTD", cusip: "G0692U109", isin: "BMG0692U1099", value: "21000000.00", country: "BM"))
        holdings.append(SECDocuments.Holding(name: "E-MINI RUSS 2000 DEC26", title: "RTYZ6", cusip: "N/A", isin: nil, value: "0.00",
                                             assetCategory: "DIR"))
        return holdings
    }

    // MARK: - Building

    /// Adds a filing (an amendment with `type` NPORT-P/A), its flows scaled by `scale`.
    @discardableResult
    public func add(fund: Fund, reportDate: Day, type: String, filed: Day, scale: Double) -> Filing {
        let months = (1...3).map { Day(year: reportDate.year, month: reportDate.components.month, day: 1)!.adding(months: -($0 - 1)) }
        let flows = months.map { month -> SECDocuments.Flow in
            let flow = Self.flow(fund, month: month)
            func scaled(_ text: String) -> String { String(format: "%.2f", Double(text)! * scale) }
            return SECDocuments.Flow(sales: scaled(flow.sales), reinvestment: scaled(flow.reinvestment), redemption: scaled(flow.redemption))
        }
        let fiscalEnd = Day(year: reportDate.year, month: fund.quarterMonths.last!, day: 1)!.adding(months: 1).adding(days: -1)
        let document = SECDocuments.nport(type: type, cik: fund.cik, seriesID: fund.seriesID, classID: fund.classID, seriesName: fund.name,
                                          registrant: fund.registrant, fiscalYearEnd: fiscalEnd, reportDate: reportDate,
                                          netAssets: String(format: "%.2f", fund.scale * 3),
                                          flows: flows, holdings: fund.symbol == "IWM" ? holdings(reportDate: reportDate) : [])
        return lock.withLock {
            let accession = String(format: "0001752724-%02d-%06d", filed.year % 100, nextAccession)
            nextAccession += 1
            let filing = Filing(fund: fund.symbol, accession: accession, filingDate: filed, type: type, reportDate: reportDate,
                                document: document, netFlows: flows.map { Double($0.sales)! + Double($0.reinvestment)! - Double($0.redemption)! })
            filingsByFund[fund.symbol, default: []].append(filing)
            documents[accession.replacingOccurrences(of: "-", with: "")] = document
            return filing
        }
    }

    /// Replaces a served document's text (a damaged or foreign filing).
    public func replaceDocument(accession: String, with text: String) {
        lock.withLock { documents[accession.replacingOccurrences(of: "-", with: "")] = text }
    }

    /// Replaces a frame's text.
    public func setFrame(tag: String, period: String, _ text: String?) { lock.withLock { frames["\(tag)-\(period)"] = text } }

    private func buildFrames() {
        for year in firstFrameYear...today.year {
            for quarter in [1, 2, 3, 4, nil] as [Int?] {
                let lastMonth = (quarter ?? 4) * 3
                let end = Day(year: year, month: lastMonth, day: 1)!.adding(months: 1).adding(days: -1)
                guard end.adding(days: 40) <= today else { continue }
                let start = Day(year: year, month: quarter.map { $0 * 3 - 2 } ?? 1, day: 1)!
                let period = "CY\(year)" + (quarter.map { "Q\($0)" } ?? "")
                for tag in ["NetIncomeLoss", "ProfitLoss"] {
                    var facts: [(cik: Int, value: Double)] = []
                    for company in 0..<companies where !Self.isPrivate(company) && year >= firstFactYear(company) {
                        guard (tag == "ProfitLoss") == Self.reportsProfitLossOnly(company) else { continue }
                        let base = (year - firstFrameYear) * 4
                        if let quarter {
                            if quarter == 4, !Self.hasQuarterlyQ4(company) { continue }
                            facts.append((1000 + company, Self.netIncome(company, quarterIndex: base + quarter - 1)))
                        } else {
                            facts.append((1000 + company, (0..<4).map { Self.netIncome(company, quarterIndex: base + $0) }.reduce(0, +)))
                        }
                    }
                    // Unrelated filers, as real frames hold thousands.
                    facts += (0..<5).map { (cik: 900_000 + $0, value: Double($0) * 1e6 - 2e6) }
                    frames["\(tag)-\(period)"] = SECDocuments.frame(tag: tag, period: period, facts: facts, start: start.iso, end: end.iso)
                }
            }
        }
    }

    // MARK: - Serving

    /// The filings served for a fund, oldest report first.
    public func filings(_ fund: String) -> [Filing] { lock.withLock { filingsByFund[fund] ?? [] }.sorted { $0.reportDate < $1.reportDate } }
    /// Every frame served, by `TAG-PERIOD`.
    public var frameCount: Int { lock.withLock { frames.count } }

    /// Queues faults for a route: `mf`, `tickers`, `feed:<series>`, `doc:<accession>`, `frame:<TAG>-<PERIOD>`.
    public func script(_ route: String, _ queued: Fault...) { lock.withLock { faults[route, default: []] += queued } }

    public var handler: @Sendable (FixtureRequest) -> FixtureReply { { [self] in reply(to: $0) } }

    public func reply(to request: FixtureRequest) -> FixtureReply {
        guard let agent = request.headers["user-agent"], agent.contains("@") else {
            return .answer(status: 403, headers: ["Content-Type": "text/html"],
                           body: "<html><body>Your Request Originates from an Undeclared Automated Tool</body></html>")
        }
        let path = request.path
        switch path {
        case "/files/company_tickers_mf.json": return serve("mf", json: mutualFundTickers)
        case "/files/company_tickers.json": return serve("tickers", json: companyTickers)
        case "/cgi-bin/browse-edgar":
            guard request.query["action"] == "getcompany", request.query["output"] == "atom", let series = request.query["CIK"],
                  let fund = funds.first(where: { $0.seriesID == series }) else {
                return .answer(status: 200, headers: ["Content-Type": "text/html"], body: "<html>No matching Series.</html>")
            }
            let start = Int(request.query["start"] ?? "0") ?? 0, count = Int(request.query["count"] ?? "40") ?? 40
            let entries = filings(fund.symbol).sorted { ($0.filingDate, $0.accession) > ($1.filingDate, $1.accession) }
                .dropFirst(start).prefix(count)
                .map { SECDocuments.FeedEntry(accession: $0.accession, filingDate: $0.filingDate, type: $0.type, cik: fund.cik) }
            let body = SECDocuments.feed(seriesID: series, registrant: fund.registrant, cik: fund.cik, entries: Array(entries))
            if let fault = nextFault("feed:\(series)") { return serve(fault, body: body) }
            return .answer(status: 200, headers: ["Content-Type": "application/atom+xml"], body: body)
        default:
            let parts = path.split(separator: "/").map(String.init)
            if parts.count == 6, parts[0] == "Archives", parts[5] == "primary_doc.xml" {
                guard let body = lock.withLock({ documents[parts[4]] }),
                      funds.contains(where: { String($0.cik) == parts[3] }) else { return notFound }
                if let fault = nextFault("doc:\(parts[4])") { return serve(fault, body: body) }
                return .answer(status: 200, headers: ["Content-Type": "text/xml"], body: body)
            }
            if parts.count == 7, parts[0] == "api", parts[1] == "xbrl", parts[2] == "frames" {
                let key = "\(parts[4])-\(parts[6].replacingOccurrences(of: ".json", with: ""))"
                let body = lock.withLock { frames[key] }
                if let fault = nextFault("frame:\(key)") { return serve(fault, body: body ?? "{}") }
                guard let body else { return .json(#"{"message":"Not found"}"#, status: 404) }
                return .json(body)
            }
            return notFound
        }
    }

    private var notFound: FixtureReply { .answer(status: 404, headers: ["Content-Type": "text/html"], body: "<html>Not Found</html>") }

    private func serve(_ route: String, json: String) -> FixtureReply {
        nextFault(route).map { serve($0, body: json) } ?? .json(json)
    }

    private func nextFault(_ route: String) -> Fault? {
        lock.withLock {
            guard var queue = faults[route], !queue.isEmpty else { return nil }
            let fault = queue.removeFirst()
            faults[route] = queue
            return fault
        }
    }

    private func serve(_ fault: Fault, body: String) -> FixtureReply {
        switch fault {
        case .status(let status, let retryAfter):
            return .answer(status: status, headers: retryAfter.map { ["Retry-After": $0] } ?? [:], body: "status \(status)")
        case .html: return .answer(status: 200, headers: ["Content-Type": "text/html"], body: "<!DOCTYPE html><html>maintenance</html>")
        case .truncated: return .answer(status: 200, headers: [:], body: String(body.prefix(body.count / 2)))
        case .body(let text): return .answer(status: 200, headers: [:], body: text)
        }
    }

    /// Requests that reached SEC routes, from a server's log.
    public static func isSECRequest(_ request: FixtureRequest) -> Bool {
        ["/files/", "/cgi-bin/", "/Archives/", "/api/"].contains { request.path.hasPrefix($0) }
    }
}
