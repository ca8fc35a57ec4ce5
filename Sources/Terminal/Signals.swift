import CNCursesW
import Glibc

/// Signal handling while a terminal runs: polite requests to stop, and a last-resort restore on death.
///
/// Termination signals (TERM, HUP, INT, QUIT) only record their number; the input loop wakes because the
/// handlers are installed without `SA_RESTART`, sees `pendingSignal` and stops the terminal on its normal path.
/// A second termination signal while the first is still pending means the app is stuck: the handler then
/// restores the terminal itself and lets the signal kill the process. Crash signals (SEGV, ILL, TRAP, ABRT,
/// BUS, FPE) restore the terminal and hand over to whichever handler was there before, such as the runtime's
/// backtracer. The restore only uses `write` and `tcsetattr`, which are safe inside a handler.
enum TerminalSignals {
    /// Signals that ask the app to finish.
    static let termination: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    /// Signals that mean the process is crashing.
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// The first termination signal received since `arm`, if any.
    static var pending: Int32? {
        let value = rs_load_signal(slots.pending)
        return value == 0 ? nil : value
    }

    /// Remembers how to restore the terminal, then installs the handlers.
    ///
    /// - Parameters:
    ///   - fd: the descriptor whose settings curses changes (its output, when that is a terminal).
    ///   - original: the settings to put back, read before curses started.
    ///   - resetSequence: bytes that undo curses' screen modes (alternate screen, hidden cursor, mouse).
    ///   - previousTermination: the handlers that were there before curses started, to put back on `disarm`.
    static func arm(fd: Int32, original: termios, resetSequence: [UInt8], previousTermination: [Int32: sigaction]) {
        let s = slots
        rs_store_signal(s.pending, 0)
        s.fd.pointee = fd
        s.termios.pointee = original
        let count = min(resetSequence.count, EmergencySlots.resetCapacity)
        resetSequence.withUnsafeBufferPointer { s.reset.update(from: $0.baseAddress!, count: count) }
        s.resetLength.pointee = count
        for signo in termination {
            s.previous[Int(signo)] = previousTermination[signo] ?? sigaction()
            rs_install_handler(signo, onTermination, nil)
        }
        for signo in crash {
            rs_install_handler(signo, onCrash, s.previous + Int(signo))
        }
        rs_store_signal(s.armed, 1)
    }

    /// Puts back the handlers that were there before `arm`.
    static func disarm() {
        let s = slots
        guard rs_load_signal(s.armed) != 0 else { return }
        rs_store_signal(s.armed, 0)
        for signo in termination + crash { sigaction(signo, s.previous + Int(signo), nil) }
        rs_store_signal(s.pending, 0)
    }

    /// The handlers' current settings for the termination signals, read before curses installs its own.
    static func currentTerminationHandlers() -> [Int32: sigaction] {
        var result: [Int32: sigaction] = [:]
        for signo in termination {
            var action = sigaction()
            sigaction(signo, nil, &action)
            result[signo] = action
        }
        return result
    }

    // MARK: - Handlers

    private static let onTermination: @convention(c) (Int32) -> Void = { signo in
        let s = TerminalSignals.slots
        if rs_load_signal(s.pending) != 0 {
            TerminalSignals.restoreTerminal()
            rs_default_handler(signo)
            raise(signo)
            return
        }
        rs_store_signal(s.pending, signo)
    }

    private static let onCrash: @convention(c) (Int32) -> Void = { signo in
        let s = TerminalSignals.slots
        TerminalSignals.restoreTerminal()
        sigaction(signo, s.previous + Int(signo), nil)
        raise(signo)
    }

    /// Writes the reset bytes and puts back the saved terminal settings. Safe inside a signal handler.
    private static func restoreTerminal() {
        let s = slots
        guard rs_load_signal(s.armed) != 0 else { return }
        rs_store_signal(s.armed, 0)
        _ = write(s.fd.pointee, s.reset, s.resetLength.pointee)
        _ = tcsetattr(s.fd.pointee, TCSANOW, s.termios)
    }

    // MARK: - Storage a handler may touch

    /// Fixed memory, allocated once before any handler is installed, so handlers neither allocate nor lock.
    struct EmergencySlots {
        static let resetCapacity = 512
        let pending = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        let armed = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        let fd = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        let termios = UnsafeMutablePointer<Glibc.termios>.allocate(capacity: 1)
        let reset = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
        let resetLength = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        /// The handler each signal had before `arm`, indexed by signal number.
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

        init() {
            pending.initialize(to: 0)
            armed.initialize(to: 0)
            fd.initialize(to: -1)
            termios.initialize(to: Glibc.termios())
            reset.initialize(repeating: 0, count: Self.resetCapacity)
            resetLength.initialize(to: 0)
            previous.initialize(repeating: sigaction(), count: 65)
        }
    }

    nonisolated(unsafe) static let slots = EmergencySlots()
}
