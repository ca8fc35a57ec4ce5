import Foundation
import Markets
import TestSupport
import Testing

/// A fixture server with a year of both series, and the environment that points the binary at it.
///
/// It serves a small SEC too, and the environment points the SEC at it, so that live mode's daily
/// fundamentals run stays on the loopback like everything else.
struct FixtureWorld {
    let market = FixtureMarket()
    let sec: FixtureSEC
    let server: FixtureServer
    let home: URL
    let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))

    init() throws {
        market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: 250, last: today.adding(days: -1), start: 2000))
        market.set(.btc, FixtureAnswers.syntheticBars(.btc, count: 365, last: today, start: 60_000))
        sec = FixtureSEC(today: today, companies: 10, firstFilingYear: today.year - 1, firstFrameYear: today.year - 2)
        server = try FixtureServer.providers(market: market, sec: sec)
        home = try Processes.temporaryFolder()
        // The SEC contact question answered "skip", so a live dashboard opens on the chart.
        try "sec_contact = \"\"\n".write(to: home.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    var environment: [String: String] {
        server.providerEnvironment(home: home)
    }
}

@Suite("resonance fetch against the fixture server", .serialized)
struct FetchCommandTests {
    @Test("fetch fills the store, prints a summary per series, and render shows the fetched data")
    func fetchThenRender() throws {
        let world = try FixtureWorld()
        let r = try Processes.resonance(["fetch", "--series", "rut,btc"], environment: world.environment)
        #expect(r.status == 0, "\(r.stderr)")
        let rut = world.market.bars(.rut), btc = world.market.bars(.btc)
        #expect(r.stdout.contains("rut: yahoo, 250 added, 0 updated, \(rut.first!.day.iso) → \(rut.last!.day.iso)"), "\(r.stdout)")
        #expect(r.stdout.contains("btc: yahoo, 365 added, 0 updated"), "\(r.stdout)")
        #expect(r.stdout.contains("fetching rut (1/2)"))
        #expect(!r.stdout.contains("\u{1B}["), "no progress bar when the output is not a terminal")

        let render = try Processes.resonance(["render", "--size", "120x40", "--color", "never"], environment: world.environment)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("\(btc.first!.day.iso) → \(btc.last!.day.iso)"), "\(render.stdout)")
        #expect(render.stdout.contains(ValueFormat.price(rut.last!.close)), "\(render.stdout)")

        // Again: only the last few days are asked for, and nothing changes.
        let again = try Processes.resonance(["fetch", "--series", "rut"], environment: world.environment)
        #expect(again.stdout.contains("rut: yahoo, 0 added, 0 updated"), "\(again.stdout)")
        let period1 = try #require(world.server.requests.last?.query["period1"].flatMap { Int64($0) })
        #expect(Day(unixSeconds: period1) == rut.last!.day.adding(days: -5))
    }

    @Test("when Yahoo fails for Bitcoin, fetch falls over to Coinbase and says so; a failed series exits 1")
    func fallOverAndFailure() throws {
        let world = try FixtureWorld()
        world.market.always(.yahooBTC, .tooManyRequests(retryAfter: "1"))
        world.market.always(.yahooRUT, .html)
        var environment = world.environment
        environment["RESONANCE_HOME"] = world.home.path
        try "[providers]\nrut = [\"yahoo\"]\n".write(to: world.home.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let r = try Processes.resonance(["fetch"], environment: environment)
        #expect(r.status == 1)
        #expect(r.stdout.contains("btc: coinbase, 365 added"), "\(r.stdout)")
        #expect(r.stdout.contains("rut: failed — yahoo: answered an HTML page instead of data"), "\(r.stdout)")
        let log = try String(contentsOf: world.home.appendingPathComponent("fetch.log"), encoding: .utf8)
        #expect(log.contains("rut failed: yahoo: answered an HTML page"))
    }

    @Test("each failed request gets a progress line as it happens, with the provider, the request and the reason")
    func progressLines() throws {
        let world = try FixtureWorld()
        world.market.always(.yahooBTC, .serverError(503))
        let r = try Processes.resonance(["fetch", "--series", "btc"], environment: world.environment)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "fetching btc (1/1)", "\(r.stdout)")
        #expect(lines.contains("  btc: yahoo request 1 failed: HTTP 503"), "\(r.stdout)")
        #expect(lines.last?.hasPrefix("btc: coinbase, 365 added") == true, "\(r.stdout)")
    }

    @Test("a bad config.toml stops with FILE:LINE before anything is fetched")
    func badConfig() throws {
        let world = try FixtureWorld()
        let file = world.home.appendingPathComponent("config.toml")
        try "refresh_interval = 60\n[providers]\nrut = [\"yahoo\", \"bloomberg\"]\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(file.path):3: unknown provider 'bloomberg'"), "\(r.stderr)")
        #expect(world.server.requests.isEmpty)
        try "refresh_interval = 5\n".write(to: file, atomically: true, encoding: .utf8)
        let short = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(short.stderr.contains("\(file.path):1: refresh_interval is 5 s; the minimum is 15 s"), "\(short.stderr)")
        let badURL = try Processes.resonance(["fetch"], environment: world.environment.merging(["RESONANCE_YAHOO_URL": "ftp:/x"]) { $1 })
        #expect(badURL.status != 0)
    }
}
