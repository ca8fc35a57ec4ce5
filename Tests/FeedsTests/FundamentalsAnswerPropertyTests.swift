@testable import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// Properties of the publishers' answers behind `fetch --fundamentals` over damaged answers: the iShares
/// holdings file, the SEC's company tickers and its XBRL frames, alone and through the real fetch into a
/// real store.
///
/// Each answer is either accepted with values that hold together (a real day, finite numbers, positive
/// CIKs) or refused with one line `LABEL[ line N| entry "K"| data[N]]: what`; the store only ever gets
/// values it takes. `RESONANCE_FUZZ_SECONDS=60 swift test --filter AnswerPropertyTests` runs them long.
@Suite("Fundamentals answer properties", .serialized)
struct FundamentalsAnswerPropertyTests {
    typealias Row = FundamentalsFixtures.Row
    /// 2026-11-25 12:00 UTC.
    static let now = Date(timeIntervalSince1970: Double(testToday.unixSeconds) + 43_200)
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    // MARK: - Answers

    /// A number as iShares prints it: thousands separators and two decimals.
    static func printed(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSize = 3
        formatter.minimumFractionDigits = 2
        formatter.maximumFractionDigits = 2
        return formatter.string(from: NSNumber(value: value))!
    }

    /// A random holdings file and what it must read as.
    static func holdingsFile(_ random: inout SeededRandom) -> (text: String, file: FundHoldingsFile) {
        let day = Day(iso: "2001-01-01")!.adding(days: random.int(0...9_000))
        let (year, month, dayOfMonth) = day.components
        let shares = random.chance(0.9) ? Double(random.int(1...900_000)) * 1_000 : nil
        var holdings: [FundHolding] = []
        var rows: [Row] = []
        for index in 0..<random.int(1...40) {
            let ticker = random.pick(["T\(index)", "BRK.B", "MOG A", "bf/b", "X\(index)Z", "-", ""])
            let name = random.pick(["COMPANY \(index) INC", "ALPHA, BETA & CO", "Ünïcode AG"])
            let assetClass = random.pick(["Equity", "Equity", "Equity", "Money Market", "Futures", "Cash"])
            let cents = random.int(-100_000_000...9_000_000_000)
            let value: Double? = random.chance(0.05) ? nil : Double(cents) / 100
            rows.append(Row(ticker, name, sector: "Industrials", assetClass: assetClass, marketValue: value.map(printed) ?? "-"))
            holdings.append(FundHolding(ticker: ticker, name: name, sector: "Industrials", assetClass: assetClass, marketValue: value))
        }
        let text = FundamentalsFixtures.holdings(asOf: "\(months[month - 1]) \(dayOfMonth), \(year)",
                                                 sharesOutstanding: shares.map(printed), rows: rows)
        return (text, FundHoldingsFile(fundName: "iShares Russell 2000 ETF", asOf: day, sharesOutstanding: shares, holdings: holdings))
    }

    /// Preamble values and cells a holdings file can go wrong with.
    static let nastyPublisherCells = [
        "\"-\"", "\"Jun 31, 2019\"", "\"Jun 28, 99999999999\"", "\"Jun 28, -5\"", "\"Jun 28, 19\"", "\"Foo 28, 2019\"", "\"Jun 28 2019\"",
        "\"28 Jun, 2019\"", "\"Juneteenth 28, 2019\"", "\"1e400\"", "\"-5\"", "\"0\"", "\"1,,0\"", "\"NaN\"", "\"inf\"", "\"1e308\"",
        "\"9,999,999,999,999,999,999.00\"", "\"", "\"\"\"", "Ticker", "Fund Holdings as of", "Shares Outstanding",
    ]

    /// Damage to a holdings file: the CSV kinds, plus a preamble value, the footer or a huge line.
    static func damagedHoldings(_ text: String, _ random: inout SeededRandom) -> [UInt8] {
        var bytes = Array(text.utf8)
        switch random.int(0...5) {
        case 0:
            var lines = text.components(separatedBy: "\r\n")
            if random.chance(0.5) {
                // The value of the as-of or the shares line (lines 2 and 4).
                let index = random.pick([1, 3])
                lines[index] = lines[index].prefix { $0 != "," } + "," + random.pick(nastyPublisherCells)
            } else {
                let index = random.int(0...min(lines.count - 1, 12))
                var cells = lines[index].components(separatedBy: ",")
                cells[random.int(0...cells.count - 1)] = random.pick(nastyPublisherCells)
                lines[index] = cells.joined(separator: ",")
            }
            bytes = Array(lines.joined(separator: "\r\n").utf8)
        case 1:
            let huge = String(repeating: random.pick(["\"x\",", "9", "\"", ","]), count: random.int(5_000...50_000))
            var lines = text.components(separatedBy: "\r\n")
            lines.insert(huge, at: random.int(0...lines.count))
            bytes = Array(lines.joined(separator: "\r\n").utf8)
        default:
            break
        }
        return CSVMutation.mutate(bytes, &random, maximum: random.chance(0.3) ? 1 : 4)
    }

    /// Random company tickers and the map they must read as.
    static func companyTickers(_ random: inout SeededRandom) -> (json: String, map: [String: Int]) {
        var pairs: [(String, Int)] = []
        var map: [String: Int] = [:]
        for index in 0..<random.int(1...40) {
            let ticker = random.pick(["T\(index)", "BRK-B\(index)", "mog.a\(index)", "X\(index)"])
            let cik = random.int(1...2_000_000)
            guard map[TickerSymbol.normalised(ticker)] == nil else { continue }
            pairs.append((ticker, cik))
            map[TickerSymbol.normalised(ticker)] = cik
        }
        return (FundamentalsFixtures.companyTickers(pairs), map)
    }

    /// A random frame for a period and the facts it holds.
    static func frame(_ random: inout SeededRandom, period: String) -> (json: String, facts: [(cik: Int, value: Double)]) {
        let facts = (0..<random.int(0...60)).map { index in
            (cik: 1000 + index * random.int(1...7), value: Double(random.int(-9_000_000...9_000_000)) * 1_000)
        }
        return (FundamentalsFixtures.frame(period: period, facts: facts, start: "2026-01-01", end: "2026-03-31"), facts)
    }

    // MARK: - Checks

    /// Whether a message is `LABEL: what` or `LABEL PLACE: what` on one line, with a place `place` accepts.
    static func isLocated(_ message: String, label: String, place: (Substring) -> Bool = { _ in false }) -> Bool {
        guard message.hasPrefix(label), message.count <= 300, !message.contains(where: \.isNewline),
              let colon = message.range(of: ": ", range: message.index(message.startIndex, offsetBy: label.count)..<message.endIndex)
        else { return false }
        let between = message[message.index(message.startIndex, offsetBy: label.count)..<colon.lowerBound]
        let located = between.isEmpty || (between.first == " " && place(between.dropFirst()))
        return located && message[colon.upperBound...].count > 3
    }

    /// `line N` for a line of a file of `lineCount` lines.
    static func isLine(_ place: Substring, lineCount: Int) -> Bool {
        guard place.hasPrefix("line "), let line = Int(place.dropFirst(5)) else { return false }
        return (1...lineCount).contains(line)
    }

    /// Checks a parsed holdings file; the values must be ones the store and the flows can use.
    static func expectValid(_ file: FundHoldingsFile, seed: UInt64) {
        #expect(!file.holdings.isEmpty, "seed \(seed): accepted with no holdings")
        #expect((1000...9999).contains(file.asOf.year), "seed \(seed): as of \(file.asOf)")
        if let shares = file.sharesOutstanding { #expect(shares.isFinite && shares > 0, "seed \(seed): shares \(shares)") }
        if let value = file.holdings.compactMap(\.marketValue).first(where: { !$0.isFinite }) {
            Issue.record("seed \(seed): a market value of \(value)")
        }
        if let nav = file.navPerShare { #expect(nav.isFinite && nav > 0, "seed \(seed): NAV \(nav)") }
        #expect(file.equityTickers.allSatisfy { !$0.isEmpty }, "seed \(seed)")
    }

    // MARK: - Properties

    @Test("holdings files: an undamaged one reads back whole; a damaged one reads valid or fails at LABEL line N")
    func holdingsFiles() throws {
        try FuzzBudget.checkTwoOutcomes("holdings", quickCases: 400) { seed, random in
            let (text, expected) = Self.holdingsFile(&random)
            let intact = random.chance(0.1)
            let bytes = intact ? Array(text.utf8) : Self.damagedHoldings(text, &random)
            let decoded = String(decoding: bytes, as: UTF8.self)
            do {
                let file = try FundHoldingsFile.parse(decoded, label: "IWM holdings")
                if intact { #expect(file == expected, "seed \(seed): an undamaged file read differently") }
                Self.expectValid(file, seed: seed)
                return true
            } catch let error as FundamentalsParseError {
                let lineCount = decoded.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
                #expect(!intact, "seed \(seed): refused an undamaged file: \(error)")
                #expect(Self.isLocated(error.description, label: "IWM holdings") { Self.isLine($0, lineCount: lineCount) },
                        "seed \(seed): \(error.description.prefix(400))")
                return false
            }
        }
    }

    @Test("company tickers: an undamaged map reads back whole; a damaged one gives positive CIKs or fails at an entry")
    func companyTickers() throws {
        try FuzzBudget.checkTwoOutcomes("tickers", quickCases: 500) { seed, random in
            let (json, expected) = Self.companyTickers(&random)
            let intact = random.chance(0.1)
            let bytes = intact ? Array(json.utf8) : JSONMutation.mutate(JSONTree(parsing: json), &random)
            do {
                let map = try CompanyTickers.parse(Data(bytes))
                if intact { #expect(map.cikByTicker == expected, "seed \(seed)") }
                #expect(!map.cikByTicker.isEmpty, "seed \(seed): accepted with no companies")
                for (ticker, cik) in map.cikByTicker {
                    #expect(ticker == TickerSymbol.normalised(ticker) && !ticker.isEmpty, "seed \(seed): ticker '\(ticker)'")
                    #expect((1...9_999_999_999).contains(cik), "seed \(seed): CIK \(cik) for \(ticker)")
                }
                return true
            } catch let error as FundamentalsParseError {
                #expect(!intact, "seed \(seed): refused an undamaged map: \(error)")
                #expect(Self.isLocated(error.description, label: "company_tickers.json") { $0.hasPrefix("entry \"") && $0.hasSuffix("\"") },
                        "seed \(seed): \(error.description.prefix(400))")
                return false
            }
        }
    }

    @Test("XBRL frames: an undamaged frame reads back whole; a damaged one gives finite values for positive CIKs or fails at data[N]")
    func frames() throws {
        try FuzzBudget.checkTwoOutcomes("frames", quickCases: 500) { seed, random in
            let (json, facts) = Self.frame(&random, period: "CY2026Q1")
            let intact = random.chance(0.1)
            let bytes = intact ? Array(json.utf8) : JSONMutation.mutate(JSONTree(parsing: json), &random)
            do {
                let frame = try XBRLFrame.parse(Data(bytes), label: "frame CY2026Q1", expectedPeriod: "CY2026Q1")
                if intact {
                    #expect(frame.facts.map(\.cik) == facts.map(\.cik) && frame.facts.map(\.value) == facts.map(\.value), "seed \(seed)")
                }
                #expect(frame.period == "CY2026Q1", "seed \(seed)")
                for fact in frame.facts {
                    #expect((1...9_999_999_999).contains(fact.cik) && fact.value.isFinite, "seed \(seed): \(fact)")
                    if let start = fact.start { #expect(start <= fact.end, "seed \(seed): \(fact)") }
                }
                if let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], let points = root["pts"] as? Int {
                    #expect(points == frame.facts.count, "seed \(seed): pts \(points), \(frame.facts.count) facts")
                }
                return true
            } catch let error as FundamentalsParseError {
                #expect(!intact, "seed \(seed): refused an undamaged frame: \(error)")
                #expect(Self.isLocated(error.description, label: "frame CY2026Q1") { $0.hasPrefix("data[") && $0.hasSuffix("]") },
                        "seed \(seed): \(error.description.prefix(400))")
                return false
            }
        }
    }

    /// The scripted publishers of one fetch: two funds' holdings, the tickers and three quarters' frames.
    struct Publishers {
        var holdings: [String: [UInt8]]
        var tickers: [UInt8]
        var frames: [String: [UInt8]]

        var script: AnswerScript {
            { [self] path, query in
                let body: [UInt8]?
                if path.hasSuffix("/1467271812596.ajax") {
                    body = holdings[String((query["fileName"] ?? "").prefix { $0 != "_" })]
                } else if path.hasSuffix("/files/company_tickers.json") {
                    body = tickers
                } else {
                    body = frames[String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".json", with: "")]
                }
                guard let body else { return HTTPAnswer(status: 404, body: Data("not found".utf8)) }
                return HTTPAnswer(status: 200, body: Data(body))
            }
        }
    }

    @Test("fetch --fundamentals with one damaged answer: the store gets only valid values, and each fault is one located line")
    func fetchIntoStore() throws {
        let quarters = ["CY2026Q1", "CY2026Q2", "CY2026Q3"]
        try FuzzBudget.checkTwoOutcomes("fundamentals fetch", quickCases: 60) { seed, random in
            let iwm = Self.holdingsFile(&random).text, ijr = Self.holdingsFile(&random).text
            let tickerPairs = (0..<40).map { ("T\($0)", 1000 + $0) }
            var publishers = Publishers(
                holdings: ["IWM": Array(iwm.utf8), "IJR": Array(ijr.utf8)],
                tickers: Array(FundamentalsFixtures.companyTickers(tickerPairs).utf8),
                frames: Dictionary(uniqueKeysWithValues: quarters.map { period in
                    (period, Array(FundamentalsFixtures.frame(period: period, facts: (0..<40).map { (cik: 1000 + $0, value: $0 % 3 == 0 ? -5 : 5) }).utf8))
                }))
            let damaged = random.pick(["IWM", "IJR", "tickers"] + quarters)
            switch damaged {
            case "IWM", "IJR": publishers.holdings[damaged] = Self.damagedHoldings(damaged == "IWM" ? iwm : ijr, &random)
            case "tickers": publishers.tickers = JSONMutation.mutate(JSONTree(parsing: String(decoding: publishers.tickers, as: UTF8.self)), &random)
            default: publishers.frames[damaged] = JSONMutation.mutate(JSONTree(parsing: String(decoding: publishers.frames[damaged]!, as: UTF8.self)), &random)
            }

            let folder = try TemporaryDirectory()
            let store = try Store(path: folder.file("fuzz.sqlite").path)
            var config = FundamentalsConfig()
            config.secContact = "Fuzz fuzz@example.com"
            config.secURL = URL(string: "http://sec.invalid")!
            config.isharesURL = URL(string: "http://ishares.invalid")!
            let transport = MemoryTransport(script: publishers.script)
            let cache = RawAnswerCache(folder: folder.file("cache"))
            let fetcher = FundamentalsFetcher(
                store: store, config: config, ishares: ISharesClient(config: config, userAgent: "fuzz", transport: transport, cache: cache),
                sec: try SECClient(config: config, configFile: "config.toml", transport: transport, cache: cache,
                                   pacer: RequestPacer(perSecond: 1e9)))
            var accepted = true
            do {
                let summary = try fetcher.run(since: Day(iso: "2026-01-01")!, now: Self.now)
                for fault in summary.faults {
                    let named = (["IWM", "IJR", "loss-making share"] + quarters).contains { fault.hasPrefix("\($0): ") }
                    #expect(named && fault.count <= 400 && !fault.contains(where: \.isNewline), "seed \(seed): \(fault.prefix(400))")
                    accepted = false
                }
                if ["IWM", "IJR"].contains(damaged), summary.funds[damaged] == nil {
                    #expect(summary.faults.contains { $0.hasPrefix("\(damaged): \(damaged) holdings") }, "seed \(seed): \(summary.faults)")
                }
                // The first fund's holdings are the constituents: without them there is no share to store.
                let constituents = try? FundHoldingsFile.parse(String(decoding: publishers.holdings["IWM"]!, as: UTF8.self), label: "IWM")
                if constituents == nil {
                    #expect(try store.loadObservations(LossShareQuarter.SeriesName.share).isEmpty, "seed \(seed)")
                }
            } catch {
                // Without the ticker map nothing can be counted; the run stops with the map's fault.
                #expect(damaged == "tickers", "seed \(seed): the run stopped for \(damaged): \(error)")
                #expect(Self.isLocated("\(error)", label: "company_tickers.json") { $0.hasPrefix("entry \"") }, "seed \(seed): \(error)")
                accepted = false
            }
            for id in try store.observationSeriesIDs(prefix: "") {
                let stored = try store.loadObservations(id)
                for (day, value) in zip(stored.days, stored.values) {
                    if let problem = Store.observationProblem(day: day, value: value, today: testToday) {
                        Issue.record("seed \(seed): \(id) holds \(day) \(value): \(problem)")
                    }
                }
            }
            return accepted
        }
    }
}
