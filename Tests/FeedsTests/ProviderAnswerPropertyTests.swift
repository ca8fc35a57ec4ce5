import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// The answers a scripted provider world gives, by request path and query: the bytes a provider reads.
typealias AnswerScript = @Sendable (_ path: String, _ query: [String: String]) -> HTTPAnswer

/// An HTTP transport that answers from memory with the real bytes of an answer, without a socket.
struct MemoryTransport: HTTPTransport {
    var script: AnswerScript

    func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        return script(components?.path ?? url.path, query)
    }
}

/// Properties of the three price providers over damaged answers, through the real fetch path: the
/// provider chain and `SeriesFetcher` write into a real store in a temporary folder.
///
/// For every answer the fetch never crashes or hangs, and either stores bars that are sorted, one per
/// day, within the span asked for and valid by the store's rules, or fails with a one-line
/// `PROVIDER: what` and leaves the store exactly as it was. Quick by default;
/// `RESONANCE_FUZZ_SECONDS=60 swift test --filter AnswerPropertyTests` runs each property that long.
@Suite("Provider answer properties", .serialized)
struct ProviderAnswerPropertyTests {
    /// 2026-11-25 20:00 UTC: after the index's 14:30 stamp of the day, before its end.
    static let now = Date(timeIntervalSince1970: Double(testToday.unixSeconds) + 72_000)

    // MARK: - Answers

    /// A random Yahoo chart answer for ^RUT, and the bars it holds.
    static func yahoo(_ random: inout SeededRandom) -> (tree: JSONTree, bars: [Bar]) {
        let bars = RandomMarketData.series(&random, today: testToday, maximumCount: 60).bars
        return (JSONTree(parsing: FixtureAnswers.yahoo(symbol: "^RUT", bars: bars, series: .rut)), bars)
    }

    /// Random daily Bitcoin bars with every field, the last on `testToday`, up to three Coinbase pages.
    static func bitcoin(_ random: inout SeededRandom) -> [Bar] {
        let count = random.chance(0.7) ? random.int(1...80) : random.int(250...700)
        return (0..<count).map { index in
            let day = testToday.adding(days: index - count + 1)
            let close = RandomMarketData.price(&random)
            return Bar(day: day, open: close * Double.random(in: 0.95...1.05, using: &random),
                       high: close * Double.random(in: 1...1.1, using: &random), low: close * Double.random(in: 0.9...1, using: &random),
                       close: close, volume: Double(random.int(0...90_000)) / 8)
        }
    }

    /// A Stooq CSV answer for some bars; a missing field is an empty cell.
    static func stooqCSV(_ bars: [Bar]) -> String {
        let cell: (Double?) -> String = { $0.map { "\($0)" } ?? "" }
        return "Date,Open,High,Low,Close,Volume\r\n" + bars.map {
            "\($0.day.iso),\(cell($0.open)),\(cell($0.high)),\(cell($0.low)),\($0.close),\(cell($0.volume))\r\n"
        }.joined()
    }

    /// The status and headers to serve a body with: mostly 200 JSON, sometimes an error status.
    static func envelope(_ body: [UInt8], _ random: inout SeededRandom, contentType: String) -> HTTPAnswer {
        let status = random.chance(0.85) ? 200 : random.pick([400, 404, 429, 500, 503])
        var headers = ["Content-Type": contentType]
        if status == 429, random.chance(0.5) { headers["Retry-After"] = random.pick(["7", "-1", "soon", "1e999", ""]) }
        return HTTPAnswer(status: status, headers: headers, body: Data(body))
    }

    /// A body that is plain noise, or JSON-looking tokens in random order.
    static func noise(_ random: inout SeededRandom) -> [UInt8] {
        if random.chance(0.5) { return random.bytes(random.int(0...300)) }
        let tokens = ["{", "}", "[", "]", ",", ":", "\"chart\"", "\"result\"", "\"timestamp\"", "null", "1700000000", "-1", "\"x\"", "true"]
        return Array((0..<random.int(0...60)).map { _ in random.pick(tokens) }.joined().utf8)
    }

    // MARK: - The check

    /// The bars `bars` would leave in a store that held `before`.
    static func merged(_ before: [Bar], _ bars: [Bar]) -> [Bar] {
        var byDay = Dictionary(before.map { ($0.day, $0) }, uniquingKeysWith: { $1 })
        for bar in bars {
            // A value the new bar lacks keeps the stored one, unless a value it carries contradicts it.
            guard let old = byDay[bar.day] else { byDay[bar.day] = bar; continue }
            var new = bar
            new.open = bar.open ?? old.open
            new.volume = bar.volume ?? old.volume
            new.high = bar.high ?? old.high
            new.low = bar.low ?? old.low
            if let h = new.high, let l = new.low, h < l {
                if bar.high == nil { new.high = nil } else { new.low = nil }
            }
            byDay[bar.day] = new
        }
        return byDay.values.sorted { $0.day < $1.day }
    }

    /// Whether two bars are the same day and prices, to within a few units in the last place.
    ///
    /// Foundation's `JSONSerialization` on Linux reads some 17-digit numbers up to seven units in the last
    /// place off (`383.64227294921875` as `383.64227294921864`): the platform's doing, not the providers'.
    static func sameBar(_ a: Bar, _ b: Bar) -> Bool {
        func same(_ x: Double?, _ y: Double?) -> Bool {
            guard let x, let y else { return x == nil && y == nil }
            return abs(x - y) <= 1e-14 * max(abs(x), abs(y))
        }
        return a.day == b.day && same(a.open, b.open) && same(a.high, b.high) && same(a.low, b.low) && same(a.close, b.close)
            && same(a.volume, b.volume)
    }

    /// Whether a fault's words fit on the status line: one line, not empty, not the whole answer.
    static func isOneLine(_ message: String) -> Bool {
        !message.isEmpty && message.count <= 240 && !message.contains(where: { $0.isNewline })
    }

    /// Asks the provider directly and through the real chain into `store`, and checks that both agree
    /// and the outcome is valid; returns true when the answer was accepted.
    @discardableResult
    static func check(_ provider: any PriceProvider, _ series: SeriesID, since: Day, store: Store, seed: UInt64,
                      expected: [Bar]? = nil) throws -> Bool {
        let before = try store.load(series).bars
        let direct = Result { try provider.dailyBars(series, from: since, through: testToday, now: now) }
        let chain = ProviderChain(series: series, providers: [provider], book: BackoffBook(), clock: ManualClock(now), rounds: 1)
        let fetched = Result { try SeriesFetcher(store: store, chain: chain).run(since: since) }
        let after = try store.load(series).bars
        switch (direct, fetched) {
        case (.success(let bars), .success(let summary)):
            for (bar, next) in zip(bars, bars.dropFirst()) where bar.day >= next.day {
                Issue.record("seed \(seed): \(provider.name) gave bars out of order or twice at \(next.day)")
            }
            if let bad = bars.first(where: { $0.validationProblem(today: testToday) != nil }) {
                Issue.record("seed \(seed): \(provider.name) accepted \(bad): \(bad.validationProblem(today: testToday)!)")
            }
            if let outside = bars.first(where: { $0.day < since || $0.day > testToday }) {
                Issue.record("seed \(seed): \(provider.name) gave \(outside.day), outside \(since)…\(testToday)")
            }
            if let expected, bars.count != expected.count || zip(bars, expected).contains(where: { !sameBar($0, $1) }) {
                let difference = zip(bars, expected).first { !sameBar($0, $1) }.map { "\($0.0) for \($0.1)" }
                Issue.record("seed \(seed): \(provider.name) changed an undamaged answer: \(difference ?? "\(bars.count) bars for \(expected.count)")")
            }
            let counts = summary.counts
            #expect(counts.added + counts.updated + counts.unchanged == bars.count, "seed \(seed): \(counts) for \(bars.count) bars")
            #expect(after == merged(before, bars), "seed \(seed): the store does not hold what \(provider.name) accepted")
            return true
        case (.failure(let error), .failure(let chainError)):
            #expect(expected == nil, "seed \(seed): \(provider.name) refused an undamaged answer: \(error)")
            guard let fault = error as? FetchFault else {
                Issue.record("seed \(seed): \(provider.name) threw \(type(of: error)), not a FetchFault: \(error)")
                return false
            }
            #expect(String(describing: chainError) == "\(provider.name): \(fault)", "seed \(seed): \(chainError)")
            #expect(isOneLine(fault.description), "seed \(seed): not one readable line: \(fault.description.prefix(400))")
            #expect(after == before, "seed \(seed): a refused answer changed the store")
            return false
        case (.success(let bars), .failure(let error)):
            Issue.record("seed \(seed): \(provider.name) accepted \(bars.count) bars that the fetch could not store: \(error)")
            #expect(after == before, "seed \(seed): a failed fetch changed the store")
            return true
        case (.failure(let error), .success):
            Issue.record("seed \(seed): \(provider.name) refused the answer (\(error)) but the fetch stored it")
            return false
        }
    }

    // MARK: - Properties

    @Test("Yahoo chart answers, damaged: valid bars stored, or one line and the store untouched")
    func yahooAnswers() throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("fuzz.sqlite").path)
        try FuzzBudget.checkTwoOutcomes("yahoo", quickCases: 250) { seed, random in
            let (tree, bars) = Self.yahoo(&random)
            let since = random.chance(0.7) ? bars[0].day : random.pick(bars).day
            let kind = random.int(0...9)
            let answer: HTTPAnswer
            switch kind {
            case 0: answer = HTTPAnswer(status: 200, headers: ["Content-Type": "application/json"], body: Data(tree.bytes))
            case 1: answer = Self.envelope(Self.noise(&random), &random, contentType: "application/json")
            default: answer = Self.envelope(JSONMutation.mutate(tree, &random), &random, contentType: "application/json")
            }
            let provider = YahooChartProvider(transport: MemoryTransport { _, _ in answer })
            return try Self.check(provider, .rut, since: since, store: store, seed: seed,
                                  expected: kind == 0 ? bars.filter { $0.day >= since } : nil)
        }
    }

    @Test("Coinbase candle pages, one of them damaged: valid bars stored, or one line and the store untouched")
    func coinbaseAnswers() throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("fuzz.sqlite").path)
        try FuzzBudget.checkTwoOutcomes("coinbase", quickCases: 150) { seed, random in
            let bars = Self.bitcoin(&random)
            let pages = (bars.count + CoinbaseCandlesProvider.pageSize - 1) / CoinbaseCandlesProvider.pageSize
            let damaged = random.chance(0.1) ? nil : random.int(0...pages - 1)
            let mutationSeed = random.next()
            let script: AnswerScript = { _, query in
                let start = query["start"].flatMap { Day(iso: $0.prefix(10)) } ?? testToday
                let end = query["end"].flatMap { Day(iso: $0.prefix(10)) } ?? testToday
                let body = FixtureAnswers.coinbase(bars.filter { $0.day >= start && $0.day <= end })
                guard Int(testToday.rawValue - end.rawValue) / CoinbaseCandlesProvider.pageSize == damaged else {
                    return HTTPAnswer(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
                }
                // The same damage on every request for this page, so both fetches read the same bytes.
                var random = SeededRandom(seed: mutationSeed)
                let bytes = random.chance(0.1) ? Self.noise(&random) : JSONMutation.mutate(JSONTree(parsing: body), &random)
                return Self.envelope(bytes, &random, contentType: "application/json")
            }
            let provider = CoinbaseCandlesProvider(transport: MemoryTransport(script: script), pagePause: 0, sleep: { _ in })
            return try Self.check(provider, .btc, since: bars[0].day, store: store, seed: seed, expected: damaged == nil ? bars : nil)
        }
    }

    @Test("Stooq CSV answers, damaged: valid bars stored, or one line and the store untouched")
    func stooqAnswers() throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("fuzz.sqlite").path)
        try FuzzBudget.checkTwoOutcomes("stooq", quickCases: 300) { seed, random in
            let bars = RandomMarketData.series(&random, today: testToday, maximumCount: 60).bars
            let text = Self.stooqCSV(bars)
            let intact = random.chance(0.1)
            let body = intact ? Array(text.utf8) : CSVMutation.mutate(Array(text.utf8), &random)
            let answer = intact ? HTTPAnswer(status: 200, body: Data(body)) : Self.envelope(body, &random, contentType: "text/csv")
            let provider = StooqDailyProvider(apiKey: "k", transport: MemoryTransport { _, _ in answer })
            return try Self.check(provider, .rut, since: bars[0].day, store: store, seed: seed, expected: intact ? bars : nil)
        }
    }

    @Test("damaged answers over loopback HTTP give the same outcomes as from memory")
    func overLoopback() throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("fuzz.sqlite").path)
        let transport = HTTPHelperTransport(requestTimeout: 5, resourceTimeout: 20)
        try FuzzBudget.checkTwoOutcomes("loopback", quickCases: 24) { seed, random in
            let (tree, bars) = Self.yahoo(&random)
            let body = random.chance(0.2) ? tree.bytes : JSONMutation.mutate(tree, &random)
            let answer = Self.envelope(body, &random, contentType: "application/json")
            let server = try FixtureServer { _ in .bytes(status: answer.status, headers: answer.headers, body: Array(answer.body)) }
            let overHTTP = YahooChartProvider(baseURL: server.baseURL, transport: transport)
            let fromMemory = YahooChartProvider(transport: MemoryTransport { _, _ in answer })
            let accepted = try Self.check(overHTTP, .rut, since: bars[0].day, store: store, seed: seed)
            let expected = Result { try fromMemory.dailyBars(.rut, from: bars[0].day, through: testToday, now: Self.now) }
            let received = Result { try overHTTP.dailyBars(.rut, from: bars[0].day, through: testToday, now: Self.now) }
            switch (expected, received) {
            case (.success(let a), .success(let b)): #expect(a == b, "seed \(seed)")
            case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "seed \(seed)")
            default: Issue.record("seed \(seed): over HTTP \(received), from memory \(expected)")
            }
            return accepted
        }
    }
}

