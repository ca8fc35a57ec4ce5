import CNCursesW
import TermCanvas

/// How many colours to use: from `--colors`, `NO_COLOR`, terminfo, `COLORTERM` and `TERM`, in that order.
public enum TerminalColors {
    /// The colour depth for a terminal.
    ///
    /// - `NO_COLOR` set to anything but the empty string: none.
    /// - A terminfo entry with fewer than 8 colours (`vt100`, `dumb`): none, whatever `COLORTERM` says.
    /// - `COLORTERM=truecolor` or `24bit`: true colour (the terminal emulator's own claim; terminfo rarely
    ///   says so, as `xterm-256color` stays 256 even in terminals that do 24-bit colour).
    /// - Otherwise terminfo's `colors`: 8, 16 (88 counts as 16), 256, or true colour for `*-direct` types.
    /// - No terminfo entry: guessed from the name (`*256color*` → 256, `*-direct` → true colour, `dumb` or
    ///   empty → none, anything else → 8).
    ///
    /// - Parameters:
    ///   - terminfoColors: terminfo's `colors` for `TERM` (-1 for none), or nil when there is no entry.
    ///   - environment: the process environment.
    public static func depth(terminfoColors: Int?, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if let colors = terminfoColors, colors < 8 { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        if let colors = terminfoColors { return ColorDepth(colorCount: colors) }
        let term = environment["TERM"] ?? ""
        if term.hasSuffix("-direct") { return .trueColor }
        if term.contains("256color") { return .palette256 }
        if term.isEmpty || term == "dumb" { return .none }
        return .eight
    }

    /// The colour depth for the environment's `TERM`, reading its terminfo entry.
    public static func depth(environment: [String: String]) -> ColorDepth {
        depth(terminfoColors: terminfoColors(term: environment["TERM"] ?? ""), environment: environment)
    }

    /// terminfo's `colors` for a terminal type: -1 when it has no colours, nil when there is no such entry.
    public static func terminfoColors(term: String) -> Int? {
        guard !term.isEmpty else { return nil }
        let colors = term.withCString { rs_terminfo_colors($0) }
        return colors == -2 ? nil : Int(colors)
    }
}
