import Glibc
import TermCanvas
import Testing
@testable import Terminal

/// Curses on a real pseudo-terminal, in this process. Serialized: curses has one screen per process.
@Suite("Curses terminal on a pseudo-terminal", .serialized,
       .enabled(if: PseudoTerminal.isAvailable, "skipped: this system cannot create a pseudo-terminal"))
struct CursesTerminalTests {
    init() {
        // Wide characters need a UTF-8 locale; the test runner may start in the C locale.
        if !TerminalLocale.setUp() { setlocale(LC_ALL, "C.UTF-8") }
    }

    @Test("draws text and braille, then sends only the changed cell, and leaves the tty as it found it")
    func drawsDiffs() throws {
        try #require(TerminalLocale.isUTF8, "needs a UTF-8 locale such as C.UTF-8")
        let pty = try PseudoTerminal(width: 40, height: 10)
        defer { pty.close() }
        let before = pty.settings()

        let terminal = try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        #expect(terminal.size == Size(width: 40, height: 10))
        #expect(terminal.colorCount == 256)
        _ = pty.drain()

        var frame = Buffer(size: terminal.size)
        frame.write("Resonance RUT 2000", x: 1, y: 0, style: Style(foreground: .rgb(255, 165, 0), attributes: .bold))
        frame.write("BTC", x: 1, y: 1, style: Style(foreground: .cyan, background: .indexed(236)))
        frame.set(5, 3, "\u{28FF}", style: Style(foreground: .green))
        frame.set(6, 3, "\u{2502}", style: .plain)
        frame.set(39, 9, "Z", style: Style(attributes: .reverse))
        terminal.draw(frame)
        let first = pty.drain()
        #expect(first.contains(text: "Resonance RUT 2000"))
        #expect(first.contains(text: "BTC"))
        #expect(first.contains(text: "\u{28FF}"))
        #expect(first.contains(text: "\u{2502}"))
        #expect(first.contains(text: "Z"))

        var next = frame
        next.set(2, 1, "X", style: Style(foreground: .cyan, background: .indexed(236)))
        terminal.draw(next)
        let second = pty.drain()
        print("first frame: \(first.count) bytes, one changed cell: \(second.count) bytes")
        #expect(second.contains(text: "X"))
        #expect(second.count > 0 && second.count * 4 < first.count)

        terminal.draw(next)
        #expect(pty.drain().count < 16, "an unchanged frame sends next to nothing")

        terminal.stop()
        terminal.stop()
        let after = pty.settings()
        #expect(sameSettings(before, after), "stty settings are back as they were")
        #expect(pty.drain().contains(text: "\u{1B}[?1049l"), "the alternate screen is left")
    }

    @Test("keys and a resize typed into the terminal come back as events")
    func readsInput() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        let terminal = try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        defer { terminal.stop() }

        #expect(terminal.nextEvent(timeoutMilliseconds: 20) == nil, "nothing typed: a timeout")
        pty.type("q\u{1B}OA\u{1B}[B\u{1B}[H\u{03}\u{7F}\u{1B}[5~\u{1B}[Z\u{1B}OP")
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(timeoutMilliseconds: 200) { events.append(event) }
        #expect(events == [
            .key(.character("q")), .key(.up), .key(.down), .key(.home), .key(.control("c")), .key(.backspace),
            .key(.pageUp), .key(.backTab), .key(.function(1)),
        ])

        pty.resize(width: 50, height: 12)
        kill(getpid(), SIGWINCH)
        usleep(50_000)
        #expect(terminal.nextEvent(timeoutMilliseconds: 500) == .resize(Size(width: 50, height: 12)))
        #expect(terminal.size == Size(width: 50, height: 12))
    }

    @Test("mouse wheel and clicks arrive as mouse events")
    func readsMouse() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        let terminal = try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        defer { terminal.stop() }
        // xterm's SGR mouse reports: wheel up and down at column 3 row 2, then a left press and, a moment
        // later as from a hand, its release. (Typed together, curses folds the press into the release.)
        var events: [InputEvent] = []
        for report in ["\u{1B}[<64;3;2M\u{1B}[<65;3;2M\u{1B}[<0;5;4M", "\u{1B}[<0;5;4m"] {
            pty.type(report)
            while let event = terminal.nextEvent(timeoutMilliseconds: 200) { events.append(event) }
        }
        #expect(events == [
            .mouse(MouseEvent(kind: .wheelUp, x: 2, y: 1)), .mouse(MouseEvent(kind: .wheelDown, x: 2, y: 1)),
            .mouse(MouseEvent(kind: .press, x: 4, y: 3)), .mouse(MouseEvent(kind: .release, x: 4, y: 3)),
        ])
    }

    @Test("a termination signal is recorded, wakes the wait, and its old handler returns after stop")
    func recordsSignals() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        var original = sigaction()
        sigaction(SIGTERM, nil, &original)

        let terminal = try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        #expect(terminal.pendingSignal == nil)
        // Sent to the process, not this thread: test threads block signals, as the app's main thread does not.
        kill(getpid(), SIGTERM)
        for _ in 0..<100 where terminal.pendingSignal == nil { usleep(10_000) }
        #expect(terminal.pendingSignal == SIGTERM)
        #expect(terminal.nextEvent(timeoutMilliseconds: 10) == nil)
        terminal.stop()

        var restored = sigaction()
        sigaction(SIGTERM, nil, &restored)
        #expect(unsafeBitCast(restored.__sigaction_handler, to: Int.self)
            == unsafeBitCast(original.__sigaction_handler, to: Int.self))
    }

    @Test("an unknown terminal type throws, and the process lives on")
    func unknownTerminal() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) {
            try CursesTerminal(termName: "no-such-terminal-xyz", input: pty.input, output: pty.output)
        }
        let message = TerminalError.unknownTerminal("foo").description
        #expect(message == "unknown terminal type 'foo': set TERM to one your system knows, e.g. xterm-256color")
        // Still here, and a good terminal type still starts.
        let terminal = try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        terminal.stop()
    }

    @Test("a terminal without cursor addressing is refused")
    func dumbTerminal() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        let before = pty.settings()
        #expect(throws: TerminalError.noCursorAddressing("dumb")) {
            try CursesTerminal(termName: "dumb", input: pty.input, output: pty.output)
        }
        #expect(sameSettings(before, pty.settings()))
    }

    @Test("colours can be switched off: attributes only")
    func noColor() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        let terminal = try CursesTerminal(
            termName: "xterm-256color", input: pty.input, output: pty.output, colors: false)
        defer { terminal.stop() }
        #expect(terminal.colorCount == 0)
        #expect(!terminal.supportsColor)
        _ = pty.drain()
        var frame = Buffer(size: terminal.size)
        frame.write("plain", x: 0, y: 0, style: Style(foreground: .red, background: .blue, attributes: .bold))
        terminal.draw(frame)
        let bytes = pty.drain()
        #expect(bytes.contains(text: "plain"))
        #expect(!bytes.contains(text: "\u{1B}[31m") && !bytes.contains(text: "\u{1B}[44m"))
        #expect(!bytes.contains(text: "38;5;") && !bytes.contains(text: "48;5;"))
    }

    @Test("only one terminal runs at a time")
    func oneAtATime() throws {
        let pty = try PseudoTerminal(width: 30, height: 8)
        defer { pty.close() }
        let terminal = try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        defer { terminal.stop() }
        #expect(throws: TerminalError.alreadyActive) {
            try CursesTerminal(termName: "xterm-256color", input: pty.input, output: pty.output)
        }
    }
}

/// Whether two sets of terminal settings agree on everything `stty -a` shows.
func sameSettings(_ a: termios, _ b: termios) -> Bool {
    var a = a, b = b
    let sameCC = withUnsafeBytes(of: &a.c_cc) { x in withUnsafeBytes(of: &b.c_cc) { y in x.elementsEqual(y) } }
    return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag && a.c_lflag == b.c_lflag
        && sameCC && cfgetospeed(&a) == cfgetospeed(&b)
}
