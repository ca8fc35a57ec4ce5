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

    /// The background fetchers over the store, configured from config.toml (a bad file stops here): the
    /// price refresh and the daily fundamentals run, sharing the store's fetch lease.
    func makeLive(environment: [String: String]) throws -> (runner: LiveRunner, interval: TimeInterval) {
        let config = try LiveSettings.config(home: storeOptions.home, environment: environment)
        let store = try storeOptions.openStore()
        let quietDays = viewOptions.quietDays
        let holder = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
        let log = FetchLog.resolve(home: storeOptions.home, environment: environment)
        let refresh = LiveRefresh(store: store, config: config, book: BackoffBook(), holder: holder, log: log)
        let fundamentals = FundamentalsRefresh(store: store, config: config, holder: holder,
                                               cache: storeOptions.rawAnswerCache(environment: environment),
                                               configFile: storeOptions.configFilePath(environment: environment), log: log)
        let runner = LiveRunner(refresh: refresh, fundamentals: fundamentals) {
            try StoredChartData.load(from: store, quietDays: quietDays)
        }
        return (runner, config.refreshInterval)
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let unicode = TerminalLocale.setUp()
        // Everything that can fail for ordinary reasons happens before curses takes the screen, so its
        // message lands on a normal terminal.
        let (data, source) = try viewOptions.loadData(store: storeOptions.openStore)
        let liveSetup = try viewOptions.demo ? nil : makeLive(environment: environment)
        let depth = noColor ? .none : themeOptions.depth(environment: environment)
        let terminal = try CursesTerminal(colors: depth != .none, maximumDepth: depth)
        defer { terminal.stop() }
        let themes: (theme: Theme, choices: [Theme], warnings: [String])
        do {
            themes = try themeOptions.themes(environment: environment, colorless: !terminal.supportsColor)
        } catch {
            terminal.stop()
            throw error
        }
        var state = try viewOptions.makeState(data: data, source: source, unicode: unicode, theme: themes.theme,
                                              size: terminal.size)
        state.themeChoices = themes.choices
        var loop = RuntimeLoop(terminal: terminal, memory: RememberedTheme(environment: environment))
        if let live = liveSetup {
            state.live.isAvailable = true
            state.live.isOn = self.live
            state.live.interval = live.interval
            state.live.nextRefresh = Date()
            loop.live = live.runner
        }
        let signal = loop.run(&state)
        terminal.stop()
        printWarnings(themes.warnings)
        if let signal { throw ExitCode(128 + signal) }
    }
}

/// The update loop: draw the view, wait for input or the next tick, apply messages, run the commands.
///
/// Fetches run on the `LiveRunner`'s queue; the wait is short only while one is in flight, otherwise
/// it lasts until the next armed tick (bounded by a second so signals are noticed), and the screen is
/// redrawn only after a message.
struct RuntimeLoop {
    let terminal: CursesTerminal
    /// Where a theme picked with `t` is remembered.
    let memory: RememberedTheme
    /// Runs fetches; nil without live data (demo).
    var live: LiveRunner? = nil
    /// Computes the slow numbers `update` asks for.
    let derivations = DerivationRunner()

    /// Runs until a quit command or a signal; returns the signal that ended it, if any.
    func run(_ state: inout AppState) -> Int32? {
        var nextTick: Date? = live == nil ? nil : Date()
        var needsDraw = true
        defer { live?.stop() }
        // The first message: the terminal's size; its update asks for the panels' slow numbers.
        var pending: [Msg] = [.resize(terminal.size)]
        while true {
            if needsDraw { terminal.draw(themedScreen(state, size: state.size)) }
            needsDraw = false
            if let signal = terminal.pendingSignal { return signal }
            var messages = pending
            pending = []
            let now = Date()
            if let due = nextTick, now >= due {
                nextTick = nil
                messages.append(.tick(now))
            } else {
                let untilTick = nextTick.map { Int(($0.timeIntervalSince(now) * 1000).rounded(.up)) } ?? 1000
                let busy = live?.isBusy == true || derivations.isBusy
                let timeout = !messages.isEmpty ? 0 : busy ? min(50, untilTick) : min(1000, max(0, untilTick))
                if let event = terminal.nextEvent(timeoutMilliseconds: timeout) {
                    switch event {
                    case .key(let key): messages.append(.key(key))
                    case .mouse(let mouse): messages.append(.mouse(mouse))
                    case .resize(let size): messages.append(.resize(size))
                    }
                }
            }
            messages += live?.drain() ?? []
            messages += derivations.drain()
            for msg in messages {
                needsDraw = true
                for cmd in update(&state, msg) {
                    switch cmd {
                    case .quit:
                        return nil
                    case .rememberTheme(let name):
                        do { try memory.write(name) } catch { state.notice = "could not remember the theme: \(error)" }
                    case .fetch(let ids):
                        live?.fetch(ids)
                    case .refreshFundamentals:
                        live?.refreshFundamentals()
                    case .armTick(let date):
                        nextTick = date
                    case .derive(let job):
                        derivations.start(job)
                    }
                }
            }
        }
    }
}
