import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// `resonance --live` runs the fundamentals fetch once a day beside the price refresh, in tmux against the
/// loopback SEC, and asks for the SEC's contact once.
@Suite("Live mode's daily fundamentals run in tmux", .serialized,
       .enabled(if: Processes.which("tmux") != nil, "needs tmux (.ci/run installs it)"))
struct LiveFundamentalsModeTests {
    func start(_ world: FundamentalsWorld) throws -> Tmux? {
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        var environment = world.environment
        environment["TZ"] = "UTC"
        return try Tmux(width: 200, height: 50, command: "\(Processes.resonanceBinary.path) --live", environment: environment)
    }

    @Test("without a contact it asks once on the bottom line; the answer is saved (0600) and the panels fill")
    func asksThenFetches() throws {
        let world = try FundamentalsWorld()
        let tmux = try #require(try start(world))
        let asked = try tmux.waitFor { $0.contains("The SEC asks for a contact e-mail") }
        #expect(asked.contains("Esc skips"), "\(asked)")
        #expect(world.secRequests.isEmpty)
        try tmux.type("Test Runner test@example.com")
        try tmux.press("Enter")
        let screen = try tmux.waitFor(timeout: 60) { $0.contains("across 6 funds") && $0.contains("29 matched") }
        #expect(screen.contains("across 6 funds"), "\(screen)")
        let config = world.home.appendingPathComponent("config.toml").path
        #expect(try String(contentsOfFile: config, encoding: .utf8).hasPrefix("sec_contact = \"Test Runner test@example.com\"\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: config)[.posixPermissions] as? Int == 0o600)
        #expect(try world.store().fetchStatuses()[.fundamentals]?.source == "sec")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }

    @Test("Esc skips and is remembered: the next start does not ask, and nothing goes to the SEC")
    func escSkips() throws {
        let world = try FundamentalsWorld()
        let tmux = try #require(try start(world))
        try tmux.waitFor { $0.contains("The SEC asks for a contact e-mail") }
        try tmux.press("Escape")
        try tmux.waitFor { !$0.contains("The SEC asks for a contact e-mail") }
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
        #expect(try String(contentsOf: world.home.appendingPathComponent("config.toml"), encoding: .utf8) == "sec_contact = \"\"\n")
        guard let again = try start(world) else { return }
        let screen = try again.waitFor { $0.contains("next 0:") }
        #expect(!screen.contains("The SEC asks"), "\(screen)")
        #expect(screen.contains("no sec_contact"), "\(screen)")
        try again.type("q")
        #expect(try again.waitForExit() == "EXIT=0")
        #expect(world.secRequests.isEmpty)
    }

    @Test("a failed filing shows its reason like a feed's fault, keeps the rest, and is recorded for every viewer")
    func aFault() throws {
        let world = try FundamentalsWorld(contact: "Test Runner test@example.com")
        world.sec.script("feed:S000004313", .html)
        let tmux = try #require(try start(world))
        let screen = try tmux.waitFor(timeout: 60) { $0.contains("! fundamentals:") }
        #expect(screen.contains("! fundamentals: IJR filings feed page 1: answered an HTML page"), "\(screen)")
        let status = try world.store().fetchStatuses()[.fundamentals]
        #expect(status?.fault?.hasPrefix("IJR filings feed page 1: answered an HTML page") == true)
        #expect(try world.store().loadObservations("flows.iwm").count == world.expectedMonths("IWM").count)
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }
}
