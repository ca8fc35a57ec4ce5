import TermCanvas

/// What a key asks the dashboard to do.
public enum Action: Hashable, Sendable {
    case zoomIn, zoomOut
    case panLeft, panRight, pageLeft, pageRight
    case goToStart, goToEnd
    /// Show this many months around the cursor.
    case preset(months: Int)
    case showAll
    case cursorLeft, cursorRight, cursorLeftFast, cursorRightFast
    case previousMarker, nextMarker
    case cycleMode, toggleLog, toggleBasis, cycleGlyphs, cycleTheme
    case focusNextPanel, focusPreviousPanel, hidePanel, showAllPanels, maximisePanel, cycleCorrelationWindow
    case switchPanelView, scrollPanelDown, scrollPanelUp
    case toggleHelp, closeOverlay
    case toggleLive
    /// Type a date to put the cursor on (`:`).
    case goToDate
    /// Stop the program and give the shell its terminal (Ctrl-Z); `fg` brings it back.
    case suspend
    case quit
}

/// One line of the key map: the keys, what they do, and how the help overlay names them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var keyLabel: String
    public var summary: String
}

/// The dashboard's keys, in the order the help overlay lists them.
public enum KeyMap {
    /// Every binding; the first that lists a key wins.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.character("+"), .character("=")], action: .zoomIn, keyLabel: "+", summary: "zoom in around the cursor"),
        KeyBinding(keys: [.character("-"), .character("_")], action: .zoomOut, keyLabel: "-", summary: "zoom out"),
        KeyBinding(keys: [.left, .character("h")], action: .panLeft, keyLabel: "h Left", summary: "pan left a tenth of a view"),
        KeyBinding(keys: [.right, .character("l")], action: .panRight, keyLabel: "l Right", summary: "pan right"),
        KeyBinding(keys: [.pageUp], action: .pageLeft, keyLabel: "PgUp", summary: "pan left a whole view"),
        KeyBinding(keys: [.pageDown], action: .pageRight, keyLabel: "PgDn", summary: "pan right a whole view"),
        KeyBinding(keys: [.home], action: .goToStart, keyLabel: "Home", summary: "go to the first day"),
        KeyBinding(keys: [.end], action: .goToEnd, keyLabel: "End", summary: "go to the last day"),
        KeyBinding(keys: [.character(",")], action: .cursorLeft, keyLabel: ", .", summary: "move the cursor one column"),
        KeyBinding(keys: [.character(".")], action: .cursorRight, keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("<")], action: .cursorLeftFast, keyLabel: "< >", summary: "move the cursor ten columns"),
        KeyBinding(keys: [.character(">")], action: .cursorRightFast, keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("[")], action: .previousMarker, keyLabel: "[ ]", summary: "previous / next marker"),
        KeyBinding(keys: [.character("]")], action: .nextMarker, keyLabel: "", summary: ""),
        KeyBinding(keys: [.character(":")], action: .goToDate, keyLabel: ":", summary: "go to a typed date"),
        KeyBinding(keys: [.character("1")], action: .preset(months: 1), keyLabel: "1 3 6", summary: "show 1, 3 or 6 months"),
        KeyBinding(keys: [.character("3")], action: .preset(months: 3), keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("6")], action: .preset(months: 6), keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("y")], action: .preset(months: 12), keyLabel: "y Y", summary: "show 1 or 5 years"),
        KeyBinding(keys: [.character("Y")], action: .preset(months: 60), keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("a"), .character("0")], action: .showAll, keyLabel: "a", summary: "show all the data"),
        KeyBinding(keys: [.character("m")], action: .cycleMode, keyLabel: "m", summary: "chart mode: indexed / dual"),
        KeyBinding(keys: [.character("L")], action: .toggleLog, keyLabel: "L", summary: "log scale on / off"),
        KeyBinding(keys: [.character("b")], action: .toggleBasis, keyLabel: "b", summary: "breakout basis high / close"),
        KeyBinding(keys: [.character("g")], action: .cycleGlyphs, keyLabel: "g", summary: "glyphs braille/block/ascii"),
        KeyBinding(keys: [.character("t")], action: .cycleTheme, keyLabel: "t", summary: "next colour theme (kept)"),
        KeyBinding(keys: [.tab], action: .focusNextPanel, keyLabel: "Tab", summary: "next panel (shift-Tab back)"),
        KeyBinding(keys: [.backTab], action: .focusPreviousPanel, keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("x")], action: .hidePanel, keyLabel: "x X", summary: "hide panel / show all"),
        KeyBinding(keys: [.character("X")], action: .showAllPanels, keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("z")], action: .maximisePanel, keyLabel: "z", summary: "maximise panel / back"),
        KeyBinding(keys: [.character("w")], action: .cycleCorrelationWindow, keyLabel: "w", summary: "corr. window 30/90/180 days"),
        KeyBinding(keys: [.character("v")], action: .switchPanelView, keyLabel: "v", summary: "view: lead-lag / halvings"),
        KeyBinding(keys: [.character("j")], action: .scrollPanelDown, keyLabel: "j k", summary: "scroll the panel's table"),
        KeyBinding(keys: [.character("k")], action: .scrollPanelUp, keyLabel: "", summary: ""),
        KeyBinding(keys: [.character("r")], action: .toggleLive, keyLabel: "r", summary: "live refresh on / off"),
        KeyBinding(keys: [.character("?")], action: .toggleHelp, keyLabel: "?", summary: "this help"),
        KeyBinding(keys: [.escape], action: .closeOverlay, keyLabel: "Esc", summary: "close the help"),
        KeyBinding(keys: [.control("z")], action: .suspend, keyLabel: "^Z", summary: "suspend (fg resumes)"),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, keyLabel: "q ^C", summary: "quit"),
    ]

    private static let table: [Key: Action] = {
        var t: [Key: Action] = [:]
        for b in bindings { for k in b.keys where t[k] == nil { t[k] = b.action } }
        return t
    }()

    /// The action a key is bound to.
    public static func action(for key: Key) -> Action? { table[key] }

    /// The lines of the help overlay: key label and summary, continuation bindings folded in.
    public static var helpLines: [(keys: String, summary: String)] {
        bindings.filter { !$0.summary.isEmpty }.map { ($0.keyLabel, $0.summary) }
    }
}
