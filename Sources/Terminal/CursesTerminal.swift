import CNCursesW
import Glibc
import TermCanvas

/// A full-screen terminal driven by ncursesw: the only place in Resonance that talks to curses.
///
/// Start it after `TerminalLocale.setUp()`, draw `Buffer`s, read `InputEvent`s, and call `stop()` on every
/// way out (`defer { terminal.stop() }`). Only one can run at a time in a process.
///
/// ```swift
/// TerminalLocale.setUp()
/// let terminal = try CursesTerminal()
/// defer { terminal.stop() }
/// terminal.draw(view(state, terminal.size))
/// ```
public final class CursesTerminal {
    /// The terminal type curses runs with, such as `xterm-256color`.
    public let termName: String
    /// How many colours are used: the terminal's count, or 0 when colours are off or absent.
    public let colorCount: Int
    /// Whether the terminal can redefine its palette entries.
    public let canChangeColor: Bool

    private var screen: OpaquePointer?
    private let output: UnsafeMutablePointer<FILE>
    let input: UnsafeMutablePointer<FILE>
    private var lastDrawn: Buffer?
    private var pairs: ColorPairCache
    /// Ends a wait for input early when an effect's result is ready (see `makeWaker()`).
    let wakePipe = WakePipe()

    /// Starts curses on a terminal.
    ///
    /// - Parameters:
    ///   - termName: the terminal type; nil reads `TERM`.
    ///   - input: where keys come from; nil is standard input.
    ///   - output: where the screen goes; nil is standard output.
    ///   - colors: false draws with attributes only, as for `NO_COLOR` or `--no-color`.
    ///   - maximumDepth: the most colours to use (`--colors 16` on a 256-colour terminal uses 16). Curses
    ///     draws at most 256 here: 24-bit colours go through the 256-colour table (see `ColorMapping`).
    /// - Throws: `TerminalError.unknownTerminal` when terminfo has no such type,
    ///   `.noCursorAddressing` for terminals such as `dumb`, `.alreadyActive` when another one runs.
    public init(
        termName: String? = nil,
        input: UnsafeMutablePointer<FILE>? = nil,
        output: UnsafeMutablePointer<FILE>? = nil,
        colors: Bool = true,
        maximumDepth: ColorDepth = .trueColor
    ) throws {
        guard ActiveScreen.current == nil else { throw TerminalError.alreadyActive }
        let name = termName ?? getenv("TERM").map { String(cString: $0) } ?? ""
        self.termName = name
        let input = input ?? rs_stdin()
        let output = output ?? rs_stdout()
        self.input = input
        self.output = output

        let settingsFD = isatty(fileno(output)) != 0 ? fileno(output) : fileno(input)
        var original = termios()
        tcgetattr(settingsFD, &original)
        let previousHandlers = TerminalSignals.currentTerminationHandlers()

        // The size comes from the terminal itself, not from LINES/COLUMNS left in the environment.
        use_env(true)
        use_tioctl(true)
        guard let screen = name.withCString({ newterm($0, output, input) }) else {
            throw TerminalError.unknownTerminal(name)
        }
        guard rs_string_capability("cup") != nil else {
            endwin()
            delscreen(screen)
            tcsetattr(settingsFD, TCSANOW, &original)
            throw TerminalError.noCursorAddressing(name)
        }
        self.screen = screen
        ActiveScreen.current = screen

        raw()
        noecho()
        nonl()
        keypad(rs_stdscr(), true)
        scrollok(rs_stdscr(), false)
        curs_set(0)
        set_escdelay(25)
        Self.defineFallbackKeys()

        if colors, maximumDepth != .none, has_colors() {
            start_color()
            use_default_colors()
            colorCount = min(Int(rs_colors()), maximumDepth.paletteSize)
            canChangeColor = can_change_color()
            pairs = ColorPairCache(capacity: Int(rs_color_pairs()))
        } else {
            colorCount = 0
            canChangeColor = false
            pairs = ColorPairCache(capacity: 1)
        }

        let mouseReported = mousemask(MouseDecoding.reportedButtons, nil) != 0
        mouseinterval(0)

        TerminalSignals.arm(
            fd: settingsFD,
            original: original,
            resetSequence: Self.resetSequence(mouse: mouseReported),
            previousTermination: previousHandlers
        )
        ActiveScreen.registerExitRestore()
    }

    deinit { stop() }

    /// Whether colours are drawn at all.
    public var supportsColor: Bool { colorCount >= 8 }

    /// The terminal's size in cells, as curses last measured it.
    public var size: Size {
        guard screen != nil else { return Size(width: 0, height: 0) }
        return Size(width: Int(rs_max_x(rs_stdscr())), height: Int(rs_max_y(rs_stdscr())))
    }

    /// The first termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) received, if any.
    ///
    /// The input loop should check this after every `nextEvent` and finish when it is set.
    public var pendingSignal: Int32? { TerminalSignals.pending }

    /// Ends curses and gives the shell back its terminal: settings, cursor, main screen.
    ///
    /// Safe to call more than once; later calls do nothing.
    public func stop() {
        guard let screen else { return }
        mousemask(0, nil)
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        lastDrawn = nil
        ActiveScreen.current = nil
        TerminalSignals.disarm()
        fflush(output)
    }

    /// Stops the process as Ctrl-Z does in a shell, with the terminal given back, and takes the screen again
    /// when the shell continues it (`fg`).
    ///
    /// Raw mode turns Ctrl-Z into a plain key, so the dashboard asks for this itself. The job control stop is
    /// sent to the whole process group, as the terminal driver would. On return the next `draw` repaints
    /// everything: the shell wrote over the screen meanwhile, and its size may have changed.
    public func suspend() {
        guard isRunning else { return }
        endwin()
        fflush(output)
        var previous = sigaction()
        var standard = sigaction()
        standard.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(SIGTSTP, &standard, &previous)
        kill(0, SIGTSTP)
        // Here the process is stopped until the shell sends SIGCONT.
        sigaction(SIGTSTP, &previous, nil)
        doupdate()
        invalidate()
    }

    /// Bytes that undo curses' screen modes, for a restore from inside a signal handler.
    private static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = rs_string_capability(capability) { bytes += Array(String(cString: value).utf8) }
        }
        if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        return bytes
    }

    /// Whether curses is running.
    var isRunning: Bool { screen != nil }

    /// Records a drawn frame, so the next one is sent as a diff.
    func remember(_ buffer: Buffer) { lastDrawn = buffer }
    var previousFrame: Buffer? { lastDrawn }

    /// The pair number for a style's colours, telling curses about new pairs as they appear.
    func colorPair(for style: Style) -> Int16 {
        guard supportsColor else { return 0 }
        let pair = ColorPairCache.Pair(
            foreground: ColorMapping.paletteIndex(for: style.foreground, colorCount: colorCount),
            background: ColorMapping.paletteIndex(for: style.background, colorCount: colorCount)
        )
        let lookup = pairs.lookup(pair)
        if lookup.isNew {
            init_pair(Int16(lookup.number), Int16(pair.foreground), Int16(pair.background))
        }
        return Int16(lookup.number)
    }
}

/// The one curses screen running in this process, and the exit-time restore that watches it.
enum ActiveScreen {
    nonisolated(unsafe) static var current: OpaquePointer?
    nonisolated(unsafe) private static var exitRestoreRegistered = false

    /// Makes sure `exit` from anywhere leaves the terminal usable, even without `stop()`.
    static func registerExitRestore() {
        guard !exitRestoreRegistered else { return }
        exitRestoreRegistered = true
        atexit {
            guard ActiveScreen.current != nil else { return }
            mousemask(0, nil)
            curs_set(1)
            endwin()
            TerminalSignals.disarm()
        }
    }
}

extension CursesTerminal: TerminalBackend {}
