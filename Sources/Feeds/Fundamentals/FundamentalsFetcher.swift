import Foundation
import Markets

/// What one fundamentals run did, for the summary and the tests.
public struct FundamentalsSummary: Sendable {
    /// Per fund: months of flows stored and the latest month.
    public var funds: [String: (months: Int, latest: Day?)] = [:]
    /// The quarters of the loss-making share stored, oldest first.
    public var quarters: [LossShareQuarter] = []
    /// Requests that went to the SEC (the rest came from the kept answers).
    public var requests = 0
    /// One line per fault that did not stop the run: `DOCUMENT: what is wrong`.
    public var faults: [String] = []

    /// The faults as one status line: the first, and how many more; nil when there were none.
    public var faultLine: String? {
        faults.first.map { $0 + (faults.count > 1 ? " (+\(faults.count - 1) more)" : "") }
    }
}

/// Fetches N-PORT filings and XBRL frames from the SEC and writes monthly flows and the loss-making share.
///
/// Per configured fund: its registrant and series from `company_tickers_mf.json`, its filings from EDGAR's
/// Atom feed of the series (paged), and each NPORT-P / NPORT-P/A `primary_doc.xml` (an amendment replaces the
/// filing of the same report date). Each filing's three months of net flows (sales + reinvestment −
/// redemption) go into `flows.<fund>`, one row per month dated on its first day, one transaction per fund.
///
/// IWM's filings also give the Russell 2000's constituents at each quarter end (US common equity), matched to
/// SEC filers (`IssuerMatcher`, kept in the store), whose net income comes from the XBRL frames. The share of
/// constituents with negative trailing-twelve-month net income is stored as `loss_share.r2k` with its counts
/// and the single-quarter share beside it, in one transaction; a quarter whose frames failed is left out.
public struct FundamentalsFetcher {
    /// The first calendar year of frames asked for: the first complete trailing twelve months is its Q4.
    public static let firstFrameYear = 2009
    /// A frame this many days past its period's end is taken as settled and kept for good.
    public static let settledAfterDays = 180

    public var store: Store
    public var config: FundamentalsConfig
    public var sec: SECClient
    /// Told where the run is after each step.
    public var progress: (FundamentalsProgress) -> Void
    /// Told each fault as it happens.
    public var report: (String) -> Void

    public init(store: Store, config: FundamentalsConfig, sec: SECClient,
                progress: @escaping (FundamentalsProgress) -> Void = { _ in }, report: @escaping (String) -> Void = { _ in }) {
        self.store = store
        self.config = config
        self.sec = sec
        self.progress = progress
        self.report = report
    }

    /// Runs everything; a document that fails is reported and the rest goes on.
    ///
    /// - Parameter firstYear: the first year of frames (the loss-making share starts at its Q4).
    /// - Throws: only when the store cannot be written.
    public func run(now: Date = Date(), firstYear: Int = FundamentalsFetcher.firstFrameYear) throws -> FundamentalsSummary {
        var run = Run(fetcher: self, now: now)
        let start = sec.counter.count
        var summary = FundamentalsSummary()
        let funds = config.funds
        let needed = funds.contains(FundamentalsConfig.constituentsFund) ? funds : funds + [FundamentalsConfig.constituentsFund]
        let years = Array(min(firstYear, Day.utcToday(now: now).year)...Day.utcToday(now: now).year)
        // Planned: the two ticker files, a feed page per fund, ten frames a year; filings once the feeds are read.
        run.plan(2 + needed.count + years.count * 10)

        var documentsByFund: [String: [NPortDocument]] = [:]
        if let listings = run.fundListings() {
            for fund in needed {
                guard let listing = listings.listing(for: fund) else {
                    run.fault("\(fund): not in company_tickers_mf.json (not a fund ticker the SEC knows)")
                    continue
                }
                documentsByFund[fund] = run.documents(fund: fund, listing: listing)
            }
        }
        let today = Day.utcToday(now: now)
        for fund in funds {
            guard let documents = documentsByFund[fund], !documents.isEmpty else { continue }
            let points = Self.monthlyFlows(documents)
            try store.upsertObservations([ObservationBatch(series: SeriesID.flows(fund: fund), points: points)],
                                         source: "sec-nport", today: today)
            summary.funds[fund] = (points.count, points.last?.day)
        }

        if let constituentDocuments = documentsByFund[FundamentalsConfig.constituentsFund], !constituentDocuments.isEmpty {
            summary.quarters = try run.lossShare(constituentDocuments, years: years, today: today)
        }
        summary.requests = sec.counter.count - start
        summary.faults = run.faults
        run.say("done")
        return summary
    }

    /// The months of flows of a fund's filings, oldest first: each filing's three months, a later report's
    /// month replacing the same month of an earlier one.
    public static func monthlyFlows(_ documents: [NPortDocument]) -> [(day: Day, value: Double)] {
        var byMonth: [Day: Double] = [:]
        for document in documents.sorted(by: { $0.reportDate < $1.reportDate }) {
            for (month, flow) in document.monthlyFlows { byMonth[month] = flow.net }
        }
        return byMonth.keys.sorted().map { ($0, byMonth[$0]!) }
    }
}

// MARK: - One run

/// The state of one run: the plan, the faults, and the steps.
private struct Run {
    let fetcher: FundamentalsFetcher
    let now: Date
    var planned = 0
    var faults: [String] = []
    var reading = "starting"

    init(fetcher: FundamentalsFetcher, now: Date) {
        self.fetcher = fetcher
        self.now = now
    }

    var sec: SECClient { fetcher.sec }

    mutating func plan(_ requests: Int) { planned += requests }

    mutating func say(_ what: String) {
        reading = what
        fetcher.progress(FundamentalsProgress(done: sec.counter.count, planned: planned, reading: what))
    }

    mutating func fault(_ line: String) {
        faults.append(line)
        fetcher.report(line)
    }

    /// How a request stands in the plan of requests.
    enum Planned {
        /// Counted in the estimate, kept or not: a kept one comes off.
        case estimated
        /// Counted only if it needs the network.
        case exactly
        /// Not counted: one that needs the network goes on.
        case not
    }

    /// A document through the client, with progress and faults (one at a time: for the lists, `fetchAll`).
    mutating func fetch<T>(_ request: SECRequest, missingIsNil: Bool = false, planned: Planned = .estimated,
                           read: (Data) throws -> T) -> T? {
        let kept = sec.isKept(request, now: now)
        if kept, planned == .estimated { self.planned -= 1 }
        if !kept, planned == .not { self.planned += 1 }
        say("reading \(request.label)")
        do {
            return try sec.document(request, now: now, missingIsNil: missingIsNil, read: read)?.value
        } catch {
            fault("\(request.label): \(error)")
            return nil
        }
    }

    /// Documents already counted in the plan, a few in flight at once (see `ConcurrentFetch`); faults are
    /// reported in the order of the requests.
    mutating func fetchAll<T: Sendable>(_ requests: [SECRequest], missingIsNil: Bool = false,
                                        read: @escaping @Sendable (Data, String) throws -> T) -> [T?] {
        guard !requests.isEmpty else { return [] }
        let progress = UncheckedBox(fetcher.progress)
        let counter = sec.counter
        let planned = self.planned
        let outcomes = ConcurrentFetch.run(requests, client: sec, now: now, missingIsNil: missingIsNil, started: { request in
            progress.value(FundamentalsProgress(done: counter.count, planned: planned, reading: "reading \(request.label)"))
        }, read: { data, request in try read(data, request.label) })
        return zip(requests, outcomes).map { request, outcome in
            switch outcome {
            case .success(let value): return value
            case .failure(let error):
                fault("\(request.label): \(error)")
                return nil
            }
        }
    }

    /// The summary kept beside a filing: the document as read, without the holdings that are not US equity.
    func summary(of request: SECRequest) -> NPortDocument? {
        sec.cache.read(request.cacheName + ".summary.json").flatMap { try? JSONDecoder().decode(NPortDocument.self, from: $0) }
    }

    func keepSummary(_ document: NPortDocument, of request: SECRequest) {
        var kept = document
        kept.holdings = document.usEquities
        if let data = try? JSONEncoder().encode(kept) { try? sec.cache.write(data, to: request.cacheName + ".summary.json") }
    }

    mutating func fundListings() -> FundTickers? {
        fetch(SECRequest(path: "files/company_tickers_mf.json", cacheName: "sec/company_tickers_mf.json", freshFor: 7 * 86_400,
                         label: "company_tickers_mf.json")) { try FundTickers.parse($0) }
    }

    /// A fund's filings: the feed, page by page, then each filing's document; amendments replace originals.
    mutating func documents(fund: String, listing: FundListing) -> [NPortDocument] {
        var filings: [NPortFiling] = []
        var start = 0
        while true {
            let page = start / NPortFilingFeed.pageSize + 1
            let request = SECRequest(
                path: "cgi-bin/browse-edgar",
                query: [("action", "getcompany"), ("CIK", listing.seriesID), ("type", "NPORT"), ("dateb", ""), ("owner", "include"),
                        ("count", "\(NPortFilingFeed.pageSize)"), ("start", "\(start)"), ("output", "atom")],
                cacheName: "sec/feeds/\(listing.seriesID)-\(start).xml", freshFor: 86_400,
                label: "\(fund) filings feed page \(page)")
            guard let feed = fetch(request, planned: start == 0 ? .estimated : .not, read: { try NPortFilingFeed.parse($0, label: "\(fund) filings feed page \(page)") }) else {
                return []
            }
            filings += feed.filings
            guard feed.entryCount >= NPortFilingFeed.pageSize else { break }
            start += NPortFilingFeed.pageSize
        }
        let requests = filings.map { filing in
            (filing, SECRequest(path: "Archives/edgar/data/\(listing.cik)/\(filing.folder)/primary_doc.xml",
                                cacheName: "sec/nport/\(filing.folder).xml", freshFor: nil,
                                label: "\(fund) filing \(filing.accession)"))
        }
        plan(requests.filter { !sec.isKept($0.1, now: now) }.count)
        // A kept filing is read from its summary (the parts used here), far cheaper than its XML again.
        var documents: [NPortDocument?] = requests.map { sec.isKept($0.1, now: now) ? summary(of: $0.1) : nil }
        let missing = documents.indices.filter { documents[$0] == nil }
        let series = listing.seriesID
        let fetched = fetchAll(missing.map { requests[$0].1 }) { data, label in
            try NPortDocument.parse(data, label: label, expectedSeries: series)
        }
        for (index, document) in zip(missing, fetched) {
            guard let document else { continue }
            documents[index] = document
            keepSummary(document, of: requests[index].1)
        }
        var byReportDate: [Day: (NPortFiling, NPortDocument)] = [:]
        for ((filing, _), outcome) in zip(requests, documents) {
            guard let document = outcome else { continue }
            if let (kept, _) = byReportDate[document.reportDate] {
                // An amendment replaces the filing of the same report date; the later filed of two amendments wins.
                let replaces = filing.isAmendment && (!kept.isAmendment || filing.filingDate >= kept.filingDate)
                if !replaces { continue }
            }
            byReportDate[document.reportDate] = (filing, document)
        }
        return byReportDate.values.map(\.1).sorted { $0.reportDate < $1.reportDate }
    }

    /// The loss-making share from IWM's filings and the frames; stored in one transaction.
    mutating func lossShare(_ documents: [NPortDocument], years: [Int], today: Day) throws -> [LossShareQuarter] {
        let store = fetcher.store
        guard let tickers = fetch(SECRequest(path: "files/company_tickers.json", cacheName: "sec/company_tickers.json",
                                             freshFor: 7 * 86_400, label: "company_tickers.json"), read: { try CompanyTickers.parse($0) })
        else {
            fault("loss-making share: not computed without the SEC's company tickers")
            return []
        }
        // Constituents per quarter end: the filing whose report month ends the quarter.
        var byQuarter: [CalendarQuarter: NPortDocument] = [:]
        for document in documents {
            let (_, month, _) = document.reportDate.components
            guard month % 3 == 0 else { continue }
            byQuarter[CalendarQuarter(containing: document.reportDate)] = document
        }
        guard let firstFiled = byQuarter.keys.min(), let lastFiled = byQuarter.keys.max() else {
            fault("loss-making share: no IWM filing at a quarter end")
            return []
        }
        var matcher = IssuerMatcher(kept: try store.issuerMatches(), tickers: tickers)
        var constituents: [CalendarQuarter: [String: Int?]] = [:]
        for (quarter, document) in byQuarter {
            var holdings: [String: Int?] = [:]
            for holding in document.usEquities { holdings[IssuerMatcher.key(for: holding)] = matcher.cik(for: holding) }
            constituents[quarter] = holdings
        }
        try store.saveIssuerMatches(matcher.newMatches)
        let keep = Set(constituents.values.flatMap { $0.values.compactMap { $0 } })

        var income = NetIncomeHistory()
        var failed = Set<CalendarQuarter>()
        var frames: [(request: SECRequest, year: Int, quarter: Int?, period: String)] = []
        for year in years {
            for quarter in [1, 2, 3, 4, nil] as [Int?] {
                if CalendarQuarter(year: year, quarter: quarter ?? 4) > lastFiled {
                    planned -= NetIncomeHistory.tags.count  // after the last filing: not asked for
                    continue
                }
                let period = XBRLFrame.periodName(year: year, quarter: quarter)
                let end = CalendarQuarter(year: year, quarter: quarter ?? 4).lastDay
                let settled = end.distance(to: today) >= FundamentalsFetcher.settledAfterDays
                for tag in NetIncomeHistory.tags {
                    let request = SECRequest(path: "api/xbrl/frames/us-gaap/\(tag)/USD/\(period).json", onDataHost: true,
                                             cacheName: "sec/frames/\(tag)-USD-\(period).json", freshFor: settled ? nil : 86_400,
                                             label: "frame \(tag) \(period)")
                    if sec.isKept(request, now: now) { planned -= 1 }
                    frames.append((request, year, quarter, period))
                }
            }
        }
        let faultsBefore = faults.count
        let read = frames.map { (request: $0.request, period: $0.period) }
        let periods = Dictionary(read.map { ($0.request.label, $0.period) }, uniquingKeysWith: { a, _ in a })
        let outcomes = fetchAll(read.map(\.request), missingIsNil: true) { data, label in
            try XBRLFrame.parse(data, label: label, expectedPeriod: periods[label])
        }
        // In request order, so each period's NetIncomeLoss comes before its ProfitLoss.
        for (frame, outcome) in zip(frames, outcomes) {
            if let outcome { income.add(outcome, year: frame.year, quarter: frame.quarter, keep: keep) }
        }
        for line in faults.dropFirst(faultsBefore) {
            guard let frame = frames.first(where: { line.hasPrefix($0.request.label + ":") }) else { continue }
            failed.insert(CalendarQuarter(year: frame.year, quarter: frame.quarter ?? 4))
        }

        var quarters: [LossShareQuarter] = []
        var quarter = CalendarQuarter(year: years.first ?? lastFiled.year, quarter: 4)
        while quarter <= lastFiled {
            defer { quarter = quarter.adding(1) }
            if (0..<4).contains(where: { failed.contains(quarter.adding(-$0)) }) { continue }
            let source = quarter < firstFiled ? firstFiled : (byQuarter[quarter] != nil ? quarter
                : byQuarter.keys.filter { $0 < quarter }.max() ?? firstFiled)
            let result = LossShareQuarter.compute(quarter: quarter, constituentsAsOf: byQuarter[source]!.reportDate,
                                                  constituents: constituents[source] ?? [:], income: income)
            if result.sharePercent != nil { quarters.append(result) }
        }
        if !failed.isEmpty {
            fault("loss-making share: \(failed.count) quarter\(failed.count == 1 ? "" : "s") of frames failed; the quarters that need them are left out")
        }
        try storeShares(quarters, today: today)
        return quarters
    }

    /// Writes the quarters' shares and counts in one transaction.
    func storeShares(_ quarters: [LossShareQuarter], today: Day) throws {
        guard !quarters.isEmpty else { return }
        typealias Name = LossShareQuarter.SeriesName
        func batch(_ id: SeriesID, _ value: (LossShareQuarter) -> Double?) -> ObservationBatch {
            ObservationBatch(series: id, points: quarters.compactMap { q in value(q).map { (q.quarterEnd, $0) } })
        }
        try fetcher.store.upsertObservations([
            batch(Name.share) { $0.sharePercent },
            batch(Name.quarterShare) { $0.quarterSharePercent },
            batch(Name.constituents) { Double($0.constituents) },
            batch(Name.matched) { Double($0.matched) },
            batch(Name.reported) { Double($0.reported) },
            batch(Name.lossMaking) { Double($0.lossMaking) },
            batch(Name.constituentsAsOf) { Double($0.constituentsAsOf.rawValue) },
        ], source: "sec", today: today)
    }
}
