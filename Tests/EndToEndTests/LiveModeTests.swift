import Foundation
import Markets
import TestSupport
import Testing

@Suite("Live mode in tmux against the fixture server", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct LiveModeTests {
    /// The dashboard in a tmux pane, pointed at the fixture server, with both series fetched once.
    func start(_ world: FixtureWorld, width: Int = 180, height: Int = 45) throws -> Tmux? {
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        var environment = world.environment
        environment["TZ"] = "UTC"
        return try Tmux(width: width, height: height, command: "\(Processes.resonanceBinary.path) --live", environment: environment)
    }

    @Test("the last bar changes on screen after a refresh, and the status bar names source, time and countdown")
    func lastBarChanges() throws {
        let world = try FixtureWorld()
        let tmux = try #require(try start(world))
        var screen = try tmux.waitFor { $0.contains("BTC yahoo") && $0.contains("next 0:") }
        #expect(screen.contains("RUT yahoo"), "\(screen)")
        #expect(!screen.contains("STALE"), "\(screen)")
        // The daily fundamentals run asks the SEC nothing: the contact question was skipped here.
        _ = try tmux.waitFor { $0.contains("no sec_contact") }
        #expect(world.server.requests.filter(FixtureSEC.isSECRequest).isEmpty)
        let last = world.market.bars(.btc).last!
        let revised = Bar(day: last.day, open: last.open, high: 99_999, low: last.low, close: 77_777.77, volume: last.volume)
        world.market.upsert(.btc, revised)
        try tmux.type("r")
        screen = try tmux.waitFor { $0.contains("live off") }
        let requestsBefore = world.server.requests.count
        try tmux.type("r")
        screen = try tmux.waitFor { $0.contains(ValueFormat.price(77_777.77)) }
        #expect(screen.contains(ValueFormat.price(77_777.77)), "\(screen)")
        #expect(world.server.requests.count > requestsBefore)
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }

    @Test("a fault shows its reason and STALE, and the chart stays")
    func faultShowsReasonAndStale() throws {
        let world = try FixtureWorld()
        // The index's newest bar is ten days old: stale whatever the weekday.
        world.market.set(.rut, FixtureAnswers.syntheticBars(.rut, count: 250, last: world.today.adding(days: -10), start: 2000))
        let tmux = try #require(try start(world))
        // The whole first refresh done (a countdown shows only then; RUT's status can show before, from the
        // store, while Bitcoin is still being fetched).
        _ = try tmux.waitFor { $0.contains("RUT yahoo") && $0.contains("next 0:") }
        world.market.always(.yahooRUT, .serverError(503))
        try tmux.type("r")
        try tmux.type("r")
        // (While the fetch runs its progress line names the failed request too; wait for the fault itself.)
        let screen = try tmux.waitFor { $0.contains("! yahoo: HTTP 503") }
        #expect(screen.contains("! yahoo: HTTP 503 server error"), "\(screen)")
        #expect(screen.contains("STALE"), "\(screen)")
        #expect(screen.contains("Russell 2000 (^RUT)"), "\(screen)")
        #expect(screen.contains(ValueFormat.price(world.market.bars(.rut).last!.close)), "\(screen)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }

    @Test("with providers that accept and never answer, keys take effect at once and q quits at once")
    func hangingProviders() throws {
        let world = try FixtureWorld()
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0)
        for route in [FixtureMarket.Route.yahooRUT, .yahooBTC, .coinbase] { world.market.always(route, .timeout(120)) }
        var environment = world.environment
        environment["TZ"] = "UTC"
        let tmux = try #require(try Tmux(width: 180, height: 45, command: "\(Processes.resonanceBinary.path) --live",
                                         environment: environment))
        let first = try tmux.waitFor { $0.contains("fetching rut: yahoo, request 1 (waiting)") }
        #expect(first.contains("fetching rut: yahoo, request 1 (waiting)"), "\(first)")
        let header = first.split(separator: "\n").first.map(String.init) ?? ""
        try tmux.type("+")
        // The fetch hangs for two minutes; the zoom shows within the wait's few seconds all the same.
        let zoomed = try tmux.waitFor(timeout: 3) { !$0.hasPrefix(header) && $0.contains("fetching rut") }
        #expect(!zoomed.hasPrefix(header), "\(zoomed)")
        try tmux.type("q")
        #expect(try tmux.waitForExit(timeout: 3) == "EXIT=0")
    }

    @Test("--offline opens on the store and never asks a provider, even when r is pressed")
    func offlineFlag() throws {
        let world = try FixtureWorld()
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0)
        let before = world.server.requests.count
        let tmux = try #require(try Tmux(width: 180, height: 45, command: "\(Processes.resonanceBinary.path) --offline",
                                         environment: world.environment))
        _ = try tmux.waitFor { $0.contains("Russell 2000 (^RUT)") }
        try tmux.type("r")
        let screen = try tmux.waitFor { $0.contains("started with --offline") }
        #expect(screen.contains("started with --offline: nothing is fetched"), "\(screen)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
        #expect(world.server.requests.count == before)
    }

    @Test("with no network the dashboard opens at once and says offline — data as of …")
    func offline() throws {
        let world = try FixtureWorld()
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0)
        var environment = world.environment
        let dead = try FixtureServer.refusingURL().absoluteString
        environment["RESONANCE_YAHOO_URL"] = dead
        environment["RESONANCE_COINBASE_URL"] = dead
        let tmux = try #require(try Tmux(width: 180, height: 45, command: Processes.resonanceBinary.path, environment: environment))
        let screen = try tmux.waitFor { $0.contains("offline — data as of") }
        #expect(screen.contains("offline — data as of"), "\(screen)")
        #expect(screen.contains("connection refused"), "\(screen)")
        #expect(screen.contains("Russell 2000 (^RUT)"))
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }
}

@Suite("Idle CPU of live mode")
struct LiveIdleCPUTests {
    /// `RESONANCE_MEASURE_IDLE=1 swift test --filter LiveIdleCPUTests` measures live mode at a 60 s
    /// interval between two refreshes (45 s after the first refresh and the daily fundamentals run have
    /// finished) and prints the share of one core used.
    @Test("live mode at a 60 s interval idles under 0.5% of one core",
          .enabled(if: ProcessInfo.processInfo.environment["RESONANCE_MEASURE_IDLE"] == "1",
                   "a minute long: set RESONANCE_MEASURE_IDLE=1 to run"))
    func idleCPU() throws {
        let world = try FixtureWorld()
        _ = try Processes.resonance(["fetch"], environment: world.environment)
        let tmux = try #require(try Tmux(width: 160, height: 45, command: "\(Processes.resonanceBinary.path) --live",
                                         environment: world.environment))
        _ = try tmux.waitFor(timeout: 30) { $0.contains("next 0:") && $0.contains("loss share off: no sec_contact") }
        let shell = try tmux.run(["display", "-p", "-t", "main", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").first.map(String.init))
        // User and system time of the dashboard and of the children it has reaped: each request runs in
        // a `resonance-http` of its own, and that work is the dashboard's too.
        func ticks() throws -> Double {
            let fields = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8).split(separator: ")")[1].split(separator: " ")
            return fields[11...14].reduce(0) { $0 + Double($1)! }
        }
        let start = try ticks(), started = Date()
        Thread.sleep(forTimeInterval: 45)
        let used = (try ticks() - start) / Double(sysconf(Int32(_SC_CLK_TCK)))
        let share = used / Date().timeIntervalSince(started) * 100
        print(String(format: "idle CPU over %.0f s of live mode between refreshes: %.3f s of CPU = %.3f%% of one core (requests: %d)",
                     Date().timeIntervalSince(started), used, share, world.server.requests.count))
        #expect(share < 0.5)
        try tmux.type("q")
    }
}
