import Foundation
import Markets
import TestSupport
import Testing

/// Two dashboards in live mode on one store: one fetches, the other reads what it wrote, and takes over
/// when the first quits.
@Suite("Two live dashboards on one store (tmux)", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct SharedStoreLiveTests {
    /// Chart requests the fixture server has answered so far.
    func chartRequests(_ world: FixtureWorld) -> Int { world.server.requests.filter { $0.path.hasPrefix("/v8/") }.count }

    /// Revises Bitcoin's last bar at the provider to a close the screen can be searched for.
    func revise(_ world: FixtureWorld, close: Double) {
        let last = world.market.bars(.btc).last!
        world.market.upsert(.btc, Bar(day: last.day, open: last.open, high: max(close, last.high ?? close) + 1,
                                      low: min(close, last.low ?? close) - 1, close: close, volume: last.volume))
    }

    /// Turns live mode off and on again, which refreshes at once.
    func refresh(_ tmux: Tmux) throws {
        try tmux.type("r")
        _ = try tmux.waitFor { $0.contains("live off") }
        try tmux.type("r")
    }

    @Test("the second dashboard makes no provider calls while the first holds the lease, then takes over")
    func leaseHandOver() throws {
        let world = try FixtureWorld()
        // An hour between refreshes: every fetch below is one a test asked for.
        try "sec_contact = \"\"\nrefresh_interval = 3600\n".write(to: world.home.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let command = "\(Processes.resonanceBinary.path) --live"
        let first = try #require(try Tmux(width: 160, height: 45, command: command, environment: world.environment))
        _ = try first.waitFor { $0.contains("BTC yahoo") }
        let afterFirst = chartRequests(world)

        let second = try #require(try Tmux(width: 160, height: 45, command: command, environment: world.environment))
        let opened = try second.waitFor { $0.contains("BTC yahoo") }
        #expect(opened.contains("BTC yahoo"), "the second shows the statuses the first recorded:\n\(opened)")
        #expect(chartRequests(world) == afterFirst, "the second dashboard fetched while the first held the lease")

        // The first fetches a revision; the second sees it by reading the store, still without fetching.
        revise(world, close: 61_111.11)
        try refresh(first)
        _ = try first.waitFor { $0.contains(ValueFormat.price(61_111.11)) }
        let afterRevision = chartRequests(world)
        #expect(afterRevision > afterFirst)
        try refresh(second)
        let read = try second.waitFor { $0.contains(ValueFormat.price(61_111.11)) }
        #expect(read.contains(ValueFormat.price(61_111.11)), "\(read)")
        #expect(chartRequests(world) == afterRevision, "the second dashboard fetched while the first held the lease")

        // The first quits and gives the lease up; the second now fetches the next revision itself.
        try first.type("q")
        #expect(try first.waitForExit() == "EXIT=0")
        revise(world, close: 62_222.22)
        try refresh(second)
        let tookOver = try second.waitFor { $0.contains(ValueFormat.price(62_222.22)) }
        #expect(tookOver.contains(ValueFormat.price(62_222.22)), "\(tookOver)")
        #expect(chartRequests(world) > afterRevision)
        try second.type("q")
        #expect(try second.waitForExit() == "EXIT=0")
    }
}
