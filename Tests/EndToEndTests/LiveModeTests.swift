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
        try tmux.waitFor { $0.contains("no sec_contact") }
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
        try tmux.waitFor { $0.contains("RUT yahoo") }
        world.market.always(.yahooRUT, .serverError(503))
        try tmux.type("r")
        try tmux.type("r")
        let screen = try tmux.waitFor { $0.contains("HTTP 503") }
        #expect(screen.contains("! yahoo: HTTP 503 server error"), "\(screen)")
        #expect(screen.contains("STALE"), "\(screen)")
        #expect(screen.contains("Russell 2000 (^RUT)"), "\(screen)")
        #expect(screen.contains(ValueFormat.price(world.market.bars(.rut).last!.close)), "\(screen)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
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
        try tmux.waitFor(timeout: 30) { $0.contains("next 0:") && $0.contains("loss share off: no sec_contact") }
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
