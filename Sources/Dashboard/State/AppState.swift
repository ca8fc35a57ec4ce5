import Markets
import TermCanvas

/// Everything that decides what is on the screen, apart from the screen size.
public struct AppState: Sendable {
    /// The data on screen, with the slow numbers derived from it so far (see `Derivation`).
    public var data: MarketData
    /// The visible range and cursor; nil while there is no data.
    public var viewport: Viewport?
    public var mode: ChartMode = .indexed
    /// Log scale starts on: over the full history Bitcoin rises over a hundredfold, which flattens the index on a linear scale.
    public var logScale = true
    public var basis: BreakoutBasis = .high
    public var glyphs: GlyphSet
    public var theme: Theme
    /// The themes `t` cycles through, in order; the runtime fills it from the theme catalog.
    public var themeChoices: [Theme]
    public var showHelp = false
    /// Which analysis panels show and which has the focus.
    public var panels = PanelState()
    /// The derivations asked for and not answered yet.
    public var derivations = DerivationRequests()
    /// The last size the terminal reported; update uses it to turn cursor steps into days.
    public var size: Size
    /// A one-line note for the status bar (a key that did nothing, say).
    public var notice: String?
    /// Where the data came from, for the status bar ("store ~/.local/share/resonance", "DEMO").
    public var sourceLabel: String
    /// Live data: schedule, fetch statuses (see `Live/`).
    public var live = LiveState()
    /// The command that fills an empty store, shown on the empty-state screen.
    public var importHint: [String]

    /// A state over some data, showing all of it.
    public init(data: MarketData, glyphs: GlyphSet = .braille, theme: Theme = .standard,
                size: Size = Size(width: 80, height: 24), sourceLabel: String = "",
                importHint: [String] = AppState.defaultImportHint) {
        self.data = data
        self.viewport = data.bounds.map(Viewport.init(bounds:))
        self.glyphs = glyphs
        self.theme = theme
        self.themeChoices = [theme]
        self.size = size
        self.sourceLabel = sourceLabel
        self.importHint = importHint
    }

    /// The commands that fill an empty store.
    public static let defaultImportHint = [
        "resonance import rut.csv --series rut",
        "resonance import btc.csv --series btc",
    ]

    /// The index's breakouts on the basis in use.
    public var breakouts: [Breakout] { data.breakouts(basis: basis) }

    /// Replaces the data (after a load), keeping the view where it was when possible.
    public mutating func replaceData(_ newData: MarketData) {
        let older = data.derived
        data = newData
        data.derived.carryOver(from: older)
        derivations.newData()
        guard let bounds = newData.bounds else { viewport = nil; return }
        if var v = viewport { v.updateBounds(bounds); viewport = v } else { viewport = Viewport(bounds: bounds) }
    }

    /// The days of every marker (halvings and breakouts) in the data, sorted, for `[` and `]`.
    public var markerDays: [Day] {
        guard let bounds = data.bounds else { return [] }
        let days = HalvingSchedule.halvings(in: bounds).map(\.day) + breakouts.map(\.day)
        return Array(Set(days)).sorted()
    }
}
