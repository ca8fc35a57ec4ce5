/// Why the terminal could not be started.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// The terminfo database has no entry for this terminal type.
    case unknownTerminal(String)
    /// The terminal cannot move its cursor (such as `dumb`), so a full-screen dashboard cannot run on it.
    case noCursorAddressing(String)
    /// Another `CursesTerminal` is still running in this process; stop it first.
    case alreadyActive

    public var description: String {
        switch self {
        case .unknownTerminal(let name):
            return "unknown terminal type '\(name)': set TERM to one your system knows, e.g. xterm-256color"
        case .noCursorAddressing(let name):
            return "terminal type '\(name)' cannot address the cursor, so a full-screen dashboard cannot run on it: "
                + "set TERM to a screen terminal, e.g. xterm-256color, or print one frame as text with `resonance render`"
        case .alreadyActive:
            return "a terminal session is already running in this process"
        }
    }
}
