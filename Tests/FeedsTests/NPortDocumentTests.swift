import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// N-PORT documents, EDGAR's filings feed and the mutual-fund tickers: real layouts, and refused answers
/// named by document and problem.
struct NPortDocumentTests {
    static func document(reportDate: String = "2024-01-31", series: String = "S000063351", type: String = "NPORT-P",
                         returns: [String] = ["-0.81", "4.56", "12.94"],
                         flows: [SECDocuments.Flow] = [SECDocuments.Flow(sales: "1000.50", reinvestment: "10.00", redemption: "400.25"),
                                                       SECDocuments.Flow(sales: "200.00", redemption: "900.00"),
                                                       SECDocuments.Flow(sales: "3000.00", redemption: "0.00")],
                         holdings: [SECDocuments.Holding] = []) -> String {
        SECDocuments.nport(type: type, cik: 1432353, seriesID: series, classID: "C000205543", seriesName: "Global X DAX Germany ETF",
                           registrant: "Global X Funds", fiscalYearEnd: Day(iso: "2024-11-30")!, reportDate: Day(iso: reportDate)!,
                           netAssets: "75000000.00", returns: returns, flows: flows, holdings: holdings)
    }

    static func parse(_ text: String, expectedSeries: String? = "S000063351") throws -> NPortDocument {
        try NPortDocument.parse(Data(text.utf8), label: "DAX filing", expectedSeries: expectedSeries)
    }

    @Test("month 1 is the report month: the Global X DAX filing of 2024-01-31 reports January's -0.81% as rtn1, November's 12.94% as rtn3")
    func monthOneIsTheReportMonth() throws {
        let document = try Self.parse(Self.document())
        #expect(document.reportDate == Day(iso: "2024-01-31"))
        // The DAX in dollars: about -1% in January 2024, +4.7% in December 2023, +12.7% in November 2023.
        let months = (1...3).map { NPortMonthOrder.month(ofItem: $0, reportDate: document.reportDate) }
        #expect(months == ["2024-01-01", "2023-12-01", "2023-11-01"].map { Day(iso: $0)! })
        #expect(document.returnsPercent == [-0.81, 4.56, 12.94])
        // Flows follow the same numbering: mon1Flow is January.
        let flows = document.monthlyFlows
        #expect(flows.map(\.month) == ["2023-11-01", "2023-12-01", "2024-01-01"].map { Day(iso: $0)! })
        #expect(flows.map(\.flow.net) == [3000, -700, 610.25])
    }

    @Test func holdingsKeepCUSIPsISINsAndTheUSCommonEquity() throws {
        let holdings = [
            SECDocuments.Holding(name: "ACME CORP", cusip: "000123101", isin: "US0001231019", value: "1500.25"),
            SECDocuments.Holding(name: "NO CUSIP INC", cusip: "N/A", isin: nil, value: "10.00"),
            SECDocuments.Holding(name: "BERMUDA RE LTD", cusip: "G0692U109", isin: "BMG0692U1099", value: "21.00", country: "BM"),
            SECDocuments.Holding(name: "CASH FUND", cusip: "066922477", isin: "US0669224778", value: "5.00", assetCategory: "STIV"),
        ]
        let document = try Self.parse(Self.document(holdings: holdings))
        #expect(document.holdings.count == 4)
        #expect(document.holdings[0].cusip == "000123101" && document.holdings[0].isin == "US0001231019" && document.holdings[0].valueUSD == 1500.25)
        #expect(document.holdings[1].cusip == nil, "N/A is no CUSIP")
        #expect(document.usEquities.map(\.name) == ["ACME CORP", "NO CUSIP INC"])
    }

    @Test("refused documents name the document and what is wrong", arguments: [
        ("another series", "DAX filing: a filing of series S000000001, not S000063351"),
        ("N/A flow", "DAX filing: fundInfo/mon2Flow sales is 'N/A', not an amount in USD"),
        ("truncated", "DAX filing: not well-formed XML"),
        ("html", "DAX filing: not an N-PORT document"),
        ("wrong namespace", "DAX filing: not an N-PORT document (no <edgarSubmission> in http://www.sec.gov/edgar/nport)"),
        ("13F", "DAX filing: submissionType is '13F-HR', not NPORT-P or NPORT-P/A"),
        ("no date", "DAX filing: genInfo/repPdDate is missing or not a date"),
    ])
    func refused(_ damage: String, _ message: String) {
        var text = Self.document()
        switch damage {
        case "another series": text = Self.document(series: "S000000001")
        case "N/A flow": text = Self.document(flows: [SECDocuments.Flow(sales: "1", redemption: "1"), SECDocuments.Flow(sales: "N/A", redemption: "1"),
                                                      SECDocuments.Flow(sales: "1", redemption: "1")])
        case "truncated": text = String(text.prefix(text.count / 2))
        case "html": text = "<!DOCTYPE html><html><body><p>Request Rate Threshold Exceeded<br></body></html>"
        case "wrong namespace": text = text.replacingOccurrences(of: "xmlns=\"http://www.sec.gov/edgar/nport\"", with: "xmlns=\"urn:other\"")
        case "13F": text = Self.document(type: "13F-HR")
        default: text = text.replacingOccurrences(of: "<repPdDate>2024-01-31</repPdDate>", with: "<repPdDate>2024-13-31</repPdDate>")
        }
        do {
            _ = try Self.parse(text)
            Issue.record("accepted \(damage)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test("any cut of a filing or a feed page is refused with the document's name, never half read")
    func everyCutIsReadOrRefused() throws {
        let holdings = (0..<3).map { SECDocuments.Holding(name: "CO \($0) INC", cusip: String(format: "%06d101", $0), isin: nil, value: "1.00") }
        let text = Self.document(holdings: holdings)
        let whole = try Self.parse(text)
        let bytes = Array(text.utf8)
        for cut in stride(from: 0, to: bytes.count, by: 37) {
            do {
                let document = try NPortDocument.parse(Data(bytes[..<cut]), label: "DAX filing", expectedSeries: "S000063351")
                Issue.record("a cut at \(cut) of \(bytes.count) bytes read as \(document.holdings.count) holdings")
            } catch {
                #expect("\(error)".hasPrefix("DAX filing"), "\(error)")
            }
        }
        #expect(whole.holdings.count == 3)

        let entries = (0..<3).map { SECDocuments.FeedEntry(accession: String(format: "0001752724-24-%06d", $0), filingDate: Day(iso: "2024-05-29")!,
                                                           type: "NPORT-P", cik: 1100663) }
        let feed = Array(SECDocuments.feed(seriesID: "S000004344", registrant: "iShares Trust", cik: 1100663, entries: entries).utf8)
        #expect(try NPortFilingFeed.parse(Data(feed), label: "IWM feed").filings.count == 3)
        for cut in stride(from: 0, to: feed.count, by: 29) {
            do {
                let page = try NPortFilingFeed.parse(Data(feed[..<cut]), label: "IWM feed")
                Issue.record("a cut at \(cut) of \(feed.count) bytes read as \(page.filings.count) filings")
            } catch {
                #expect("\(error)".hasPrefix("IWM feed"), "\(error)")
            }
        }
    }

    @Test func theFeedListsNPORTFilingsAndAmendmentsAndSkipsOtherForms() throws {
        let entries = [
            SECDocuments.FeedEntry(accession: "0001752724-24-123456", filingDate: Day(iso: "2024-05-29")!, type: "NPORT-P", cik: 1100663),
            SECDocuments.FeedEntry(accession: "0001752724-24-123999", filingDate: Day(iso: "2024-06-10")!, type: "NPORT-P/A", cik: 1100663),
            SECDocuments.FeedEntry(accession: "0001752724-24-124000", filingDate: Day(iso: "2024-06-11")!, type: "NT NPORT-P", cik: 1100663),
        ]
        let feed = try NPortFilingFeed.parse(Data(SECDocuments.feed(seriesID: "S000004344", registrant: "iShares Trust", cik: 1100663,
                                                                     entries: entries).utf8), label: "IWM feed")
        #expect(feed.entryCount == 3)
        #expect(feed.filings.map(\.accession) == ["0001752724-24-123456", "0001752724-24-123999"])
        #expect(feed.filings[1].isAmendment && feed.filings[1].folder == "000175272424123999")
        let broken = SECDocuments.feed(seriesID: "S000004344", registrant: "iShares Trust", cik: 1100663, entries: entries)
            .replacingOccurrences(of: "0001752724-24-123999", with: "12-3")
        #expect(throws: FundamentalsParseError("IWM feed entry 2", "<accession-number> is missing or not like 0001752724-24-123456")) {
            try NPortFilingFeed.parse(Data(broken.utf8), label: "IWM feed")
        }
        let html = "<html><head><title>EDGAR</title></head><body>No matching Series.</body></html>"
        #expect(throws: FundamentalsParseError("IWM feed", "not an Atom feed (no <feed> in http://www.w3.org/2005/Atom)")) {
            try NPortFilingFeed.parse(Data(html.utf8), label: "IWM feed")
        }
    }

    @Test func fundTickersGiveTheRegistrantAndSeries() throws {
        let text = SECDocuments.mutualFundTickers([SECDocuments.FundRow(cik: 1100663, seriesID: "S000004344", classID: "C000012074", symbol: "IWM")])
        let listing = try #require(try FundTickers.parse(Data(text.utf8)).listing(for: "iwm"))
        #expect(listing == FundListing(cik: 1100663, seriesID: "S000004344", classID: "C000012074", symbol: "IWM"))
        #expect(throws: FundamentalsParseError("company_tickers_mf.json data[0]", "seriesId is not an EDGAR series ID like S000004344")) {
            try FundTickers.parse(Data(#"{"fields":["cik","seriesId","classId","symbol"],"data":[[1100663,"X","C1","IWM"]]}"#.utf8))
        }
    }

    @Test("a frame with one CIK twice is refused (the first value was kept silently)")
    func duplicateCIKs() {
        let text = FundamentalsFixtures.frame(period: "CY2025Q3", facts: [(cik: 5, value: 1), (cik: 6, value: 2), (cik: 5, value: -3)])
        #expect(throws: FundamentalsParseError("frame CY2025Q3 data[2]", "cik 5 appears twice in one frame (first at data[0])")) {
            try XBRLFrame.parse(Data(text.utf8), label: "frame CY2025Q3", expectedPeriod: "CY2025Q3")
        }
    }
}

/// Holdings to SEC filers, and quarters of net income.
struct IssuerMatchingTests {
    static let tickers = CompanyTickers(cikByTicker: ["ACME": 1, "WIDG": 2, "TWIN": 3, "TWIN-B": 4],
                                        titleByCIK: [1: "ACME CORP /DE/", 2: "Widget Holdings, Inc.", 3: "Twin Co", 4: "TWIN CORP", 5: "The Zeta Group plc"])

    static func holding(_ name: String, cusip: String? = nil, ticker: String? = nil) -> NPortHolding {
        NPortHolding(name: name, title: "Common Stock", cusip: cusip, isin: nil, ticker: ticker, valueUSD: 1, assetCategory: "EC", country: "US")
    }

    @Test("names match across case, punctuation, suffixes and state tags", arguments: [
        ("Acme Corp", 1), ("ACME CORPORATION", 1), ("WIDGET HOLDINGS INC", 2), ("widget holdings", 2), ("ZETA GROUP PLC", 5),
    ])
    func names(_ name: String, _ cik: Int) {
        var matcher = IssuerMatcher(kept: [:], tickers: Self.tickers)
        #expect(matcher.cik(for: Self.holding(name)) == cik)
    }

    @Test func aNameTwoCompaniesShareIsLeftUnmatchedAndATickerWins() {
        var matcher = IssuerMatcher(kept: [:], tickers: Self.tickers)
        #expect(matcher.cik(for: Self.holding("TWIN INC")) == nil, "Twin Co and TWIN CORP both normalise to TWIN")
        #expect(matcher.cik(for: Self.holding("TWIN INC", ticker: "TWIN.B")) == 4)
        #expect(matcher.cik(for: Self.holding("NOBODY LLC")) == nil)
    }

    @Test func aKeptMatchIsUsedBeforeTheNameAndNewOnesAreReturnedForKeeping() {
        let kept = ["cusip:000123101": IssuerMatch(key: "cusip:000123101", cik: 2, method: "name", name: "WIDGET HOLDINGS INC")]
        var matcher = IssuerMatcher(kept: kept, tickers: Self.tickers)
        #expect(matcher.cik(for: Self.holding("RENAMED WIDGETS INC", cusip: "000123101")) == 2)
        #expect(matcher.cik(for: Self.holding("ACME CORP", cusip: "000999101")) == 1)
        #expect(matcher.newMatches == [IssuerMatch(key: "cusip:000999101", cik: 1, method: "name", name: "ACME CORP")])
    }

    static func frame(_ tag: String, _ period: String, _ facts: [(Int, Double)]) throws -> XBRLFrame {
        try XBRLFrame.parse(Data(SECDocuments.frame(tag: tag, period: period, facts: facts.map { (cik: $0.0, value: $0.1) }).utf8),
                            label: period, expectedPeriod: period)
    }

    @Test("Q4 is the year less Q1 to Q3; ProfitLoss fills in where NetIncomeLoss is missing; TTM needs all four")
    func netIncome() throws {
        var history = NetIncomeHistory()
        let keep: Set<Int> = [1, 2]
        for q in 1...3 {
            history.add(try Self.frame("NetIncomeLoss", "CY2024Q\(q)", [(1, 10), (9, 5)]), year: 2024, quarter: q, keep: keep)
            history.add(try Self.frame("ProfitLoss", "CY2024Q\(q)", [(1, 999), (2, -4)]), year: 2024, quarter: q, keep: keep)
        }
        history.add(try Self.frame("NetIncomeLoss", "CY2024", [(1, 25)]), year: 2024, quarter: nil, keep: keep)
        history.add(try Self.frame("ProfitLoss", "CY2024", [(2, -20)]), year: 2024, quarter: nil, keep: keep)
        let q4 = CalendarQuarter(year: 2024, quarter: 4)
        #expect(history.value(cik: 1, in: q4) == -5)
        #expect(history.value(cik: 2, in: q4) == -8)
        #expect(history.value(cik: 1, in: CalendarQuarter(year: 2024, quarter: 1)) == 10, "NetIncomeLoss first")
        #expect(history.trailingTwelveMonths(cik: 1, endingWith: q4) == 25)
        #expect(history.trailingTwelveMonths(cik: 1, endingWith: CalendarQuarter(year: 2024, quarter: 3)) == nil, "2023 Q4 is missing")
        #expect(history.value(cik: 9, in: q4) == nil, "not kept")
    }
}
