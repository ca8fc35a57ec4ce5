import Foundation
import Markets
import Testing
import TestSupport
@testable import Feeds

/// `FundamentalsFetcher` against a scripted SEC on a loopback server, into a real store: what is stored,
/// what is asked again, and how faults are reported without a half-written store.
@Suite("Fundamentals from N-PORT and XBRL frames", .serialized)
struct FundamentalsFetchTests {
    /// 2026-11-25 12:00 UTC.
    static let now = Date(timeIntervalSince1970: Double(Day(iso: "2026-11-25")!.unixSeconds) + 43_200)
    static let today = Day(iso: "2026-11-25")!

    struct World {
        let sec: FixtureSEC
        let server: FixtureServer
        let temporary: TemporaryDirectory
        var folder: URL { temporary.url }
        let store: Store
        var waits = WaitLog()

        init(firstFilingYear: Int = 2024, firstFrameYear: Int = 2022, companies: Int = 40) throws {
            sec = FixtureSEC(today: FundamentalsFetchTests.today, companies: companies, firstFilingYear: firstFilingYear,
                             firstFrameYear: firstFrameYear)
            server = try FixtureServer(handler: sec.handler)
            temporary = try TemporaryDirectory()
            store = try Store(path: temporary.file("store.sqlite").path)
        }

        func fetcher(contact: String = "Test Runner test@example.com", firstYear: Int = 2022,
                     report: @escaping (String) -> Void = { _ in }) throws -> FundamentalsFetcher {
            var config = FundamentalsConfig()
            config.secContact = contact
            config.secURL = server.baseURL
            var client = try SECClient(config: config, configFile: "config.toml", transport: HTTPHelperTransport.shared,
                                       cache: RawAnswerCache(folder: folder.appendingPathComponent("cache")),
                                       pacer: RequestPacer(perSecond: 1000))
            client.sleep = { _ in }
            let waits = self.waits
            client.onWait = { waits.add($0) }
            return FundamentalsFetcher(store: store, config: config, sec: client, report: report)
        }

        func run(at date: Date = FundamentalsFetchTests.now) throws -> FundamentalsSummary {
            try fetcher().run(now: date, firstYear: 2022)
        }

        var secRequests: [FixtureRequest] { server.requests.filter(FixtureSEC.isSECRequest) }
    }

    final class WaitLog: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// The months each filing of a fund reports, mon1 the report month, as the fixture built them.
    static func expectedFlows(_ sec: FixtureSEC, _ fund: String) -> [Day: Double] {
        var months: [Day: Double] = [:]
        for filing in sec.filings(fund) {
            for (index, net) in filing.netFlows.enumerated() {
                let (year, month, _) = filing.reportDate.components
                months[Day(year: year, month: month, day: 1)!.adding(months: -index)] = net
            }
        }
        return months
    }

    /// The loss-making share a quarter must show, counted straight from the fixture's rules.
    static func expectedQuarter(_ sec: FixtureSEC, _ quarter: CalendarQuarter, firstFiled: CalendarQuarter)
        -> (constituents: Int, matched: Int, reported: Int, lossMaking: Int) {
        let source = max(quarter, firstFiled)
        let index = (source.year - sec.firstFilingYear) * 4 + source.quarter - 1
        let members = (0..<sec.companies).filter { sec.isConstituent($0, quarterIndex: index) }
        let matched = members.filter { !FixtureSEC.isPrivate($0) }
        let firstQuarter = quarter.adding(-3)
        let reported = matched.filter { sec.firstFactYear($0) <= firstQuarter.year }
        let quarterIndex = (quarter.year - sec.firstFrameYear) * 4 + quarter.quarter - 1
        return (members.count, matched.count, reported.count,
                reported.filter { FixtureSEC.trailingNetIncome($0, endingWith: quarterIndex) < 0 }.count)
    }

    @Test("a first run stores every fund's months and the TTM share of every quarter, with its counts")
    func firstRun() throws {
        let world = try World()
        let summary = try world.run()
        #expect(summary.faults.isEmpty, "\(summary.faults)")
        for fund in FundamentalsConfig.defaultFunds {
            let stored = try world.store.loadObservations(SeriesID("flows.\(fund.lowercased())"))
            let expected = Self.expectedFlows(world.sec, fund)
            #expect(stored.count == expected.count && !expected.isEmpty, "\(fund)")
            for (day, value) in zip(stored.days, stored.values) { #expect(abs(value - expected[day]!) < 0.005, "\(fund) \(day)") }
        }
        let share = try world.store.loadObservations(LossShareQuarter.SeriesName.share)
        let firstFiled = CalendarQuarter(year: 2024, quarter: 1)
        // From 2022 Q4 (the first four quarters of frames) to the last IWM filing, 2026 Q3.
        #expect(share.days.first == Day(iso: "2022-12-31") && share.days.last == Day(iso: "2026-09-30"), "\(share.days)")
        let counts = try world.store.loadObservations(LossShareQuarter.SeriesName.matched)
        let reported = try world.store.loadObservations(LossShareQuarter.SeriesName.reported)
        let loss = try world.store.loadObservations(LossShareQuarter.SeriesName.lossMaking)
        for (i, day) in share.days.enumerated() {
            let expected = Self.expectedQuarter(world.sec, CalendarQuarter(containing: day), firstFiled: firstFiled)
            #expect(counts.values[i] == Double(expected.matched), "\(day)")
            #expect(reported.values[i] == Double(expected.reported), "\(day)")
            #expect(loss.values[i] == Double(expected.lossMaking), "\(day)")
            #expect(abs(share.values[i] - Double(expected.lossMaking) / Double(expected.reported) * 100) < 1e-9, "\(day)")
        }
        // The single-quarter share counts the quarter alone (a first-quarter loss in a profitable year too).
        let single = try world.store.loadObservations(LossShareQuarter.SeriesName.quarterShare)
        #expect(single.days == share.days)
        for (day, value) in zip(single.days, single.values) {
            let quarter = CalendarQuarter(containing: day)
            let source = max(quarter, firstFiled)
            let members = (0..<40).filter { world.sec.isConstituent($0, quarterIndex: (source.year - 2024) * 4 + source.quarter - 1) }
                .filter { !FixtureSEC.isPrivate($0) && world.sec.firstFactYear($0) <= quarter.year }
            let index = (quarter.year - 2022) * 4 + quarter.quarter - 1
            let losing = members.filter { FixtureSEC.netIncome($0, quarterIndex: index) < 0 }.count
            #expect(abs(value - Double(losing) / Double(members.count) * 100) < 1e-9, "\(day)")
        }
        // Quarters before IWM's first filing carry the date of the holdings applied backwards.
        let asOf = try world.store.loadObservations(LossShareQuarter.SeriesName.constituentsAsOf)
        #expect(Day(rawValue: Int32(asOf.values[0])) == Day(iso: "2024-03-31"))
        // Matches are kept in the store for the next run.
        #expect(try world.store.issuerMatches().count == (0..<40).filter { !FixtureSEC.isPrivate($0) }.count)
    }

    @Test("a second run the same day asks nothing; days later it asks only the feeds and unsettled frames, never a filing")
    func secondRuns() throws {
        let world = try World()
        let first = try world.run()
        #expect(first.requests == world.secRequests.count && first.requests > 0)
        let again = try world.run()
        #expect(again.requests == 0 && world.secRequests.count == first.requests)
        // Two days on: every kept answer is two days old.
        let files = FileManager.default.enumerator(at: world.folder.appendingPathComponent("cache"), includingPropertiesForKeys: nil)!
        for case let file as URL in files {
            try FileManager.default.setAttributes([.modificationDate: Self.now.addingTimeInterval(-2 * 86_400)], ofItemAtPath: file.path)
        }
        let before = world.secRequests.count
        _ = try world.run()
        let asked = world.secRequests.dropFirst(before).map(\.path)
        #expect(!asked.contains { $0.hasSuffix("primary_doc.xml") }, "\(asked)")
        #expect(asked.filter { $0.hasPrefix("/cgi-bin/") }.count == 6)
        // Frames are settled 180 days after their period: 2026 Q1 and earlier are never asked again.
        let frames = asked.filter { $0.hasPrefix("/api/") }
        #expect(!frames.isEmpty && frames.allSatisfy { $0.contains("CY2026Q2") || $0.contains("CY2026Q3") }, "\(frames)")
    }

    @Test("an amendment replaces the filing of its report date")
    func amendments() throws {
        let world = try World()
        let iwm = FixtureSEC.smallCapFunds[0]
        let reportDate = Day(iso: "2025-06-30")!
        world.sec.add(fund: iwm, reportDate: reportDate, type: "NPORT-P/A", filed: Day(iso: "2025-09-15")!, scale: 2)
        _ = try world.run()
        let stored = try world.store.loadObservations("flows.iwm")
        let amended = world.sec.filings("IWM").first { $0.type == "NPORT-P/A" }!
        func value(_ iso: String) -> Double? { stored.days.firstIndex(of: Day(iso: iso)!).map { stored.values[$0] } }
        #expect(value("2025-06-01").map { abs($0 - amended.netFlows[0]) < 0.005 } == true)
        #expect(value("2025-04-01").map { abs($0 - amended.netFlows[2]) < 0.005 } == true)
    }

    @Test("bad answers are named, the rest goes on, nothing of them is stored or kept, and a retry asks them again")
    func badAnswers() throws {
        let world = try World()
        let iwm = world.sec.filings("IWM")
        try #require(iwm.count >= 5)
        let foreign = world.sec.filings("IJR")[2]
        world.sec.replaceDocument(accession: iwm[3].accession, with: foreign.document)
        world.sec.script("doc:\(iwm[4].accession.replacingOccurrences(of: "-", with: ""))", .truncated)
        world.sec.script("feed:S000026651", .html)
        world.sec.script("frame:NetIncomeLoss-CY2025Q2", .body(FundamentalsFixtures.frame(period: "CY2025Q2", facts: [(cik: 1003, value: 1), (cik: 1003, value: 2)])))
        world.sec.script("frame:NetIncomeLoss-CY2024Q1", .status(503))
        world.sec.script("frame:NetIncomeLoss-CY2024Q1", .status(503))
        world.sec.script("frame:NetIncomeLoss-CY2024Q1", .status(503))
        world.sec.script("frame:NetIncomeLoss-CY2024Q1", .status(503))
        let summary = try world.run()
        let faults = summary.faults.joined(separator: "\n")
        #expect(faults.contains("IWM filing \(iwm[3].accession): IWM filing \(iwm[3].accession): a filing of series S000004313, not S000004344"), "\(faults)")
        #expect(faults.contains("IWM filing \(iwm[4].accession): IWM filing \(iwm[4].accession): not well-formed XML"), "\(faults)")
        #expect(faults.contains("SCHA filings feed page 1: answered an HTML page instead of data"), "\(faults)")
        #expect(faults.contains("frame NetIncomeLoss CY2025Q2: frame NetIncomeLoss CY2025Q2 data[1]: cik 1003 appears twice in one frame (first at data[0])"), "\(faults)")
        #expect(faults.contains("frame NetIncomeLoss CY2024Q1: HTTP 503 server error"), "\(faults)")
        #expect(world.waits.all.count == 3 && world.waits.all[0].hasPrefix("the SEC's server failed (503); waiting"), "\(world.waits.all)")
        // The other funds are whole; IWM lacks exactly the months of its two bad filings; SCHA has none.
        #expect(try world.store.loadObservations("flows.ijr").count == Self.expectedFlows(world.sec, "IJR").count)
        #expect(try world.store.loadObservations("flows.iwm").count == Self.expectedFlows(world.sec, "IWM").count - 6)
        #expect(try world.store.loadObservations("flows.scha").isEmpty)
        // Quarters whose four quarters need a failed frame are left out, not computed short.
        let share = try world.store.loadObservations(LossShareQuarter.SeriesName.share)
        for day in ["2024-03-31", "2024-12-31", "2025-06-30", "2026-03-31"] { #expect(!share.days.contains(Day(iso: day)!), "\(day)") }
        #expect(share.days.contains(Day(iso: "2026-06-30")!))
        // Nothing bad was kept: the next run asks for exactly those again and completes.
        let before = world.secRequests.count
        let retry = try world.run()
        #expect(retry.faults.count == 1 && retry.faults[0].contains("a filing of series S000004313"), "\(retry.faults)")
        let asked = Set(world.secRequests.dropFirst(before).map(\.path))
        #expect(asked.contains("/api/xbrl/frames/us-gaap/NetIncomeLoss/USD/CY2025Q2.json"))
        #expect(asked.contains("/Archives/edgar/data/1100663/\(iwm[4].accession.replacingOccurrences(of: "-", with: ""))/primary_doc.xml"))
        #expect(try world.store.loadObservations("flows.scha").count == Self.expectedFlows(world.sec, "SCHA").count)
    }

    @Test("a 429 with Retry-After is waited out and said; every request names Resonance and the contact")
    func slowDown() throws {
        let world = try World()
        world.sec.script("mf", .status(429, retryAfter: "7"))
        let summary = try world.run()
        #expect(summary.faults.isEmpty, "\(summary.faults)")
        #expect(world.waits.all == ["the SEC asked to slow down (429); waiting 7 s before asking for company_tickers_mf.json again"])
        #expect(world.secRequests.allSatisfy { $0.headers["user-agent"] == "Resonance/1.0 (Test Runner test@example.com)" })
    }

    @Test func withoutAContactThereIsNoClientAndTheMessageGivesTheLine() {
        var config = FundamentalsConfig()
        config.secContact = ""
        #expect(throws: FetchFault.notConfigured(SECClient.missingContactMessage(configFile: "/h/config.toml"))) {
            try SECClient(config: config, configFile: "/h/config.toml", transport: HTTPHelperTransport.shared,
                          cache: RawAnswerCache(folder: URL(fileURLWithPath: "/nonexistent")))
        }
        #expect(SECClient.missingContactMessage(configFile: "/h/config.toml").contains("sec_contact = \"Jane Doe jane@example.com\""))
    }

    @Test("the pacer lets at most ten requests a second through")
    func pacing() {
        let pacer = RequestPacer(perSecond: 10)
        let started = Date()
        for _ in 0..<11 { pacer.waitTurn() }
        #expect(Date().timeIntervalSince(started) >= 0.99)
    }
}

/// `sec_contact` written into config.toml by the prompt and `fetch --fundamentals`.
struct SECContactSettingTests {
    @Test func theLineGoesFirstReplacesAnEarlierOneAndKeepsTheRestWithMode0600() throws {
        let temporary = try TemporaryDirectory()
        let folder = temporary.url
        let path = folder.appendingPathComponent("config.toml").path
        try "# mine\nsec_contact = \"\"\nrefresh_interval = 30\n[providers]\nrut = [\"yahoo\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        try SECContactSetting.save("Jane Doe jane@example.com", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8)
                == "sec_contact = \"Jane Doe jane@example.com\"\n# mine\nrefresh_interval = 30\n[providers]\nrut = [\"yahoo\"]\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let config = try FeedsConfig.load(folder: folder, environment: [:])
        #expect(config.fundamentals.secContact == "Jane Doe jane@example.com" && config.refreshInterval == 30)
        #expect(throws: ConfigError.self) { try SECContactSetting.save("no address \"quoted\"", to: path) }
        try SECContactSetting.save("", to: folder.appendingPathComponent("new/config.toml").path)
        #expect(try FeedsConfig.load(folder: folder.appendingPathComponent("new"), environment: [:]).fundamentals.secContactAsked)
    }
}
