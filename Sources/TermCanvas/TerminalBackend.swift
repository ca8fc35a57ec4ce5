/// A terminal the runtime drives: its size, a frame to show, the next input, and the signals that end a session.
///
/// The curses terminal is one; a remote session (an SSH channel writing escape sequences) would be another, and
/// tests drive the runtime with a scripted one. All but `makeWaker()`'s closure are called from the runtime's
/// own thread.
public protocol TerminalBackend: AnyObject {
    /// The size frames are drawn at.
    var size: Size { get }

    /// Shows a frame, sending only what changed since the last one.
    func draw(_ frame: Buffer)

    /// Waits for the next key, mouse action or resize.
    ///
    /// - Parameter timeoutMilliseconds: how long to wait at most; negative waits until something happens.
    /// - Returns: the event, or nil when the time ran out, the waker was called, or a signal came
    ///   (check `pendingSignal`).
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?

    /// A termination signal that arrived (SIGTERM, SIGHUP, ...), or nil; the runtime then ends the session.
    var pendingSignal: Int32? { get }

    /// A closure any thread may call to end the current (or the next) `nextEvent` wait early: the runtime's
    /// effects call it when their results are ready, so waiting costs nothing and answers show at once.
    func makeWaker() -> @Sendable () -> Void

    /// Gives the terminal back as it was (on quit and on a signal).
    func stop()

    /// Gives the terminal back and stops the process until it is continued (Ctrl-Z, then `fg`), then takes
    /// the screen again and draws it whole.
    func suspend()
}

extension TerminalBackend {
    /// A backend with no process of its own to stop (a remote session) ignores Ctrl-Z.
    public func suspend() {}
}
