import ArgumentParser
import Dashboard
import Foundation
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

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let unicode = TerminalLocale.setUp()
        // Everything that can fail for ordinary reasons happens before curses takes the screen, so its
        // message lands on a normal terminal.
        let (data, source) = try viewOptions.loadData(store: storeOptions.openStore)
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
        let signal = RuntimeLoop(terminal: terminal, memory: RememberedTheme(environment: environment)).run(&state)
        terminal.stop()
        printWarnings(themes.warnings)
        if let signal { throw ExitCode(128 + signal) }
    }
}

/// The update loop: draw the view, wait for input, turn it into a message, apply it, run the commands.
struct RuntimeLoop {
    let terminal: CursesTerminal
    /// Where a theme picked with `t` is remembered.
    let memory: RememberedTheme

    /// Runs until a quit command or a signal; returns the signal that ended it, if any.
    func run(_ state: inout AppState) -> Int32? {
        state.size = terminal.size
        while true {
            terminal.draw(themedScreen(state, size: state.size))
            if let signal = terminal.pendingSignal { return signal }
            // Block until input; the timeout only bounds how late a signal is noticed.
            guard let event = terminal.nextEvent(timeoutMilliseconds: 1000) else { continue }
            let msg: Msg
            switch event {
            case .key(let key): msg = .key(key)
            case .mouse(let mouse): msg = .mouse(mouse)
            case .resize(let size): msg = .resize(size)
            }
            for cmd in update(&state, msg) {
                switch cmd {
                case .quit:
                    return nil
                case .rememberTheme(let name):
                    do { try memory.write(name) } catch { state.notice = "could not remember the theme: \(error)" }
                }
            }
        }
    }
}
