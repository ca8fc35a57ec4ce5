import ArgumentParser
import Dashboard
import Feeds
import Foundation
import Markets
import Runtime
import TermCanvas
import Terminal

/// `resonance` (the default): the interactive dashboard in the terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default when no subcommand is given).")

    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var themeOptions: ThemeOptions

    @Flag(name: .long, help: "Draw without colour (as NO_COLOR does).")
    var noColor = false

    @Flag(name: .long, help: "Start in live mode: refresh on the interval from config.toml (r toggles it).")
    var live = false

    @Flag(name: .long, help: "Never touch the network: show the store as it is (no refresh at start, r does nothing).")
    var offline = false

    func validate() throws {
        if live && offline { throw ValidationError("--live and --offline contradict each other: pick one") }
    }

    /// The background fetchers over the store, configured from config.toml (a bad file stops here): the
    /// price refresh and the daily fundamentals run, sharing the store's fetch lease.
    func makeLive(environment: [String: String]) throws -> (live: DashboardEffects.Live, interval: TimeInterval, asksForContact: Bool) {
        let config = try LiveSettings.config(home: storeOptions.home, environment: environment)
        let store = try storeOptions.openStore()
        let quietDays = viewOptions.quietDays
        let holder = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
        let log = FetchLog.resolve(home: storeOptions.home, environment: environment)
        let refresh = LiveRefresh(store: store, config: config, book: BackoffBook(), holder: holder, log: log)
        let fundamentals = FundamentalsRefresh(store: store, config: config, holder: holder,
                                               cache: storeOptions.rawAnswerCache(environment: environment),
                                               configFile: storeOptions.configFilePath(environment: environment), log: log)
        let live = DashboardEffects.Live(refresh: refresh, fundamentals: fundamentals) {
            try StoredChartData.load(from: store, quietDays: quietDays)
        }
        return (live, config.refreshInterval, !config.fundamentals.secContactAsked)
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let unicode = TerminalLocale.setUp()
        // Everything that can fail for ordinary reasons happens before curses takes the screen, so its
        // message lands on a normal terminal.
        let (data, source) = try viewOptions.loadData(store: storeOptions.openStore)
        let liveSetup = viewOptions.demo || offline ? nil : try makeLive(environment: environment)
        let depth = noColor ? .none : themeOptions.depth(environment: environment)
        let terminal = try CursesTerminal(colors: depth != .none, maximumDepth: depth)
        defer { terminal.stop() }
        let themes: (theme: Theme, choices: [Theme], warnings: [String])
        do {
            themes = try themeOptions.themes(environment: environment, home: storeOptions.home, colorless: !terminal.supportsColor)
        } catch {
            terminal.stop()
            throw error
        }
        var state = try viewOptions.makeState(data: data, source: source, unicode: unicode, theme: themes.theme,
                                              size: terminal.size)
        state.themeChoices = themes.choices
        if offline { state.live.unavailableReason = "started with --offline: nothing is fetched" }
        if let live = liveSetup {
            state.live.isAvailable = true
            state.live.isOn = self.live
            state.live.interval = live.interval
            // A plain start refreshes once now (and retries a failure at the provider's backoff); --live
            // then keeps refreshing on the interval.
            state.live.nextRefresh = Date()
            // Asked once, where the SEC would be asked: in live mode, which runs the daily fundamentals fetch.
            if live.asksForContact, self.live { state.secContactPrompt = SECContactPrompt() }
        }
        let memory = RememberedTheme(environment: environment, home: storeOptions.home)
        let effects = DashboardEffects(live: liveSetup?.live, remember: { try memory.write($0) },
                                       configFile: storeOptions.configFilePath(environment: environment))
        let signal = Runtime(backend: terminal, effects: effects).run(&state)
        terminal.stop()
        printWarnings(themes.warnings)
        if let signal { throw ExitCode(128 + signal) }
    }
}
