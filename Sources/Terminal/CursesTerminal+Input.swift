import CNCursesW
import Glibc
import TermCanvas

extension CursesTerminal {
    /// Waits for the next key, mouse action or resize.
    ///
    /// Sleeps in `poll` on the terminal's input and the wake pipe, so waiting costs no CPU and a waker call
    /// from another thread ends the wait at once. Codes that mean nothing to the dashboard are skipped within
    /// the same wait.
    /// - Parameter timeoutMilliseconds: how long to wait; negative waits until something arrives.
    /// - Returns: the event, or nil when the time ran out, the waker was called, or a signal interrupted the
    ///   wait (check `pendingSignal`).
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard isRunning else { return nil }
        let deadline = timeoutMilliseconds < 0 ? nil : Self.now() + timeoutMilliseconds
        while true {
            // Whatever curses has already read (the rest of a paste, a resize it noticed) comes first.
            if let event = readEvent(timeoutMilliseconds: 0) { return event }
            let remaining = deadline.map { max(0, $0 - Self.now()) } ?? -1
            var fds = [pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: remaining))
            if ready < 0 {
                // A signal: a resize (curses' own SIGWINCH handler queued KEY_RESIZE) or a termination.
                if let event = readEvent(timeoutMilliseconds: 0) { return event }
                if pendingSignal != nil || errno != EINTR { return nil }
                continue
            }
            if fds[1].revents != 0 {
                wakePipe.drain()
                return readEvent(timeoutMilliseconds: 0)
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                // Bytes are there; give an escape sequence the escape delay to complete.
                if let event = readEvent(timeoutMilliseconds: 50) { return event }
            } else if fds[0].revents != 0 {
                return nil  // the terminal hung up; the SIGHUP that follows ends the session
            }
            if let deadline, Self.now() >= deadline { return nil }
        }
    }

    /// A closure any thread may call to end the current or next `nextEvent` wait.
    public func makeWaker() -> @Sendable () -> Void {
        let pipe = wakePipe
        return { pipe.wake() }
    }

    /// One `wget_wch` with a timeout, skipping codes the dashboard does not use; nil when nothing came.
    private func readEvent(timeoutMilliseconds: Int) -> InputEvent? {
        let window = rs_stdscr()
        let deadline = Self.now() + timeoutMilliseconds
        while true {
            wtimeout(window, Int32(clamping: max(0, deadline - Self.now())))
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == rs_err() { return nil }
            if let event = event(status: status, code: code) { return event }
            if Self.now() >= deadline { return nil }
        }
    }

    /// The event for one result of `wget_wch`, or nil when it is not one the dashboard uses.
    private func event(status: Int32, code: wint_t) -> InputEvent? {
        guard status == rs_key_code_yes() else {
            return KeyDecoding.key(for: .character(UInt32(code))).map(InputEvent.key)
        }
        let keyCode = Int32(bitPattern: code)
        if keyCode == rs_key_resize() {
            lastDrawnSizeChanged()
            return .resize(size)
        }
        if keyCode == rs_key_mouse() {
            var mouse = MEVENT()
            guard getmouse(&mouse) == rs_ok() else { return nil }
            guard let kind = MouseDecoding.kind(forButtonState: mouse.bstate) else { return nil }
            return .mouse(MouseEvent(kind: kind, x: Int(mouse.x), y: Int(mouse.y)))
        }
        return KeyDecoding.key(for: .keyCode(keyCode)).map(InputEvent.key)
    }

    /// Teaches curses the cursor-key sequences terminals send outside keypad mode.
    ///
    /// terminfo lists only one sequence per key (for xterm, the keypad-mode `ESC O A`); terminals and
    /// multiplexers that ignore keypad mode send `ESC [ A` instead, which would otherwise arrive as three keys.
    static func defineFallbackKeys() {
        let fallbacks: [(String, Int32)] = [
            ("\u{1B}[A", rs_key_up()), ("\u{1B}[B", rs_key_down()),
            ("\u{1B}[C", rs_key_right()), ("\u{1B}[D", rs_key_left()),
            ("\u{1B}[H", rs_key_home()), ("\u{1B}[F", rs_key_end()),
            ("\u{1B}[1~", rs_key_home()), ("\u{1B}[4~", rs_key_end()),
            ("\u{1B}OH", rs_key_home()), ("\u{1B}OF", rs_key_end()),
        ]
        for (sequence, code) in fallbacks where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// After a resize the screen contents are stale: make the next frame a full redraw.
    private func lastDrawnSizeChanged() {
        invalidate()
    }

    /// A monotonic clock in milliseconds.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
