import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// `resonance --live` runs the fundamentals fetch once a day beside the price refresh, in tmux against
/// the loopback publishers.
@Suite("Live mode's daily fundamentals run in tmux", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct LiveFundamentalsModeTests {
    /// Prices fetched, and one earlier snapshot per fund (the second month end's), so today's file gives a flow.
    func prepare(_ world: FundamentalsWorld) throws {
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let store = try world.store()
        let day = world.monthEnds[1]
        for (fund, shares) in [("iwm", 310e6), ("ijr", 710e6)] {
            try store.upsertObservations([ObservationBatch(series: SeriesID("fund.\(fund).shares"), points: [(day, shares)]),
                                          ObservationBatch(series: SeriesID("fund.\(fund).nav"), points: [(day, 9e9 / shares)])],
                                         source: "ishares", today: world.today)
        }
    }

    func start(_ world: FundamentalsWorld) throws -> Tmux? {
        var environment = world.environment
        environment["TZ"] = "UTC"
        return try Tmux(width: 200, height: 50, command: "\(Processes.resonanceBinary.path) --live", environment: environment)
    }

    @Test("without an SEC contact the snapshots still come, the flows panel fills, and a restart the same day asks nothing")
    func withoutAContact() throws {
        let world = try FundamentalsWorld()
        try prepare(world)
        let tmux = try #require(try start(world))
        let screen = try tmux.waitFor { $0.contains("loss share off: no sec_contact") && $0.contains("over view:") }
        #expect(screen.contains("loss share off: no sec_contact"), "\(screen)")
        #expect(screen.contains("over view: IJR +$0.19bn IWM +$0.42bn"), "\(screen)")
        #expect(world.holdingsRequests().count == 2)
        #expect(world.secRequests.isEmpty)
        #expect(try world.store().fetchStatuses()[.fundamentals]?.source == "ishares")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")

        guard let again = try start(world) else { return }
        _ = try again.waitFor { $0.contains("next 0:") }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(world.holdingsRequests().count == 2, "the store says today's run is done")
        try again.type("q")
        #expect(try again.waitForExit() == "EXIT=0")
    }

    @Test("with a contact both panels update after the run, without a key pressed")
    func withAContact() throws {
        let world = try FundamentalsWorld(contact: "Test Runner test@example.com")
        try prepare(world)
        let tmux = try #require(try start(world))
        let screen = try tmux.waitFor(timeout: 30) { $0.contains("companies matched") && $0.contains("over view:") }
        #expect(screen.contains("300 of 300 companies matched, 240 reported"), "\(screen)")
        #expect(screen.contains("over view: IJR"), "\(screen)")
        #expect(!screen.contains("sec_contact"), "\(screen)")
        #expect(try world.store().fetchStatuses()[.fundamentals]?.source == "ishares+sec")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }

    @Test("a failed run shows its reason like a feed's fault, keeps the rest, and is recorded for every viewer")
    func aFault() throws {
        let world = try FundamentalsWorld(contact: "Test Runner test@example.com")
        world.publishers.script("IWM", .html)
        try prepare(world)
        let tmux = try #require(try start(world))
        let screen = try tmux.waitFor { $0.contains("! fundamentals:") }
        #expect(screen.contains("! fundamentals: IWM: answered an HTML page instead of data (+1 more)"), "\(screen)")
        #expect(screen.contains("RUT yahoo"), "\(screen)")
        let status = try world.store().fetchStatuses()[.fundamentals]
        #expect(status?.fault?.hasPrefix("IWM: answered an HTML page") == true)
        #expect(try world.store().loadObservations("fund.ijr.shares").count == 2)
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }
}
