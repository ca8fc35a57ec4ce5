/// The keys of a theme file and the theme property each one sets.
///
/// Keys are snake_case like btop's (`index_series`, `status_bg`); a few spellings are accepted for the same
/// role. The order is the order a theme file lists them in.
public struct ThemeKey: Sendable {
    public var name: String
    /// Other spellings that set the same role.
    public var aliases: [String]
    public var property: WritableKeyPath<Theme, Color> & Sendable
    /// What the role colours, for documentation and the theme files' comments.
    public var summary: String

    /// Every colour key a theme file may set.
    public static let all: [ThemeKey] = [
        ThemeKey(name: "background", aliases: ["bg"], property: \.background, summary: "the screen behind everything"),
        ThemeKey(name: "foreground", aliases: ["fg", "text"], property: \.foreground, summary: "ordinary text"),
        ThemeKey(name: "muted", aliases: ["dim"], property: \.muted, summary: "secondary text (empty: foreground, dimmed)"),
        ThemeKey(name: "axis", aliases: [], property: \.axis, summary: "axis rules and ticks"),
        ThemeKey(name: "grid", aliases: [], property: \.grid, summary: "grid lines"),
        ThemeKey(name: "title", aliases: [], property: \.title, summary: "the title and panel titles"),
        ThemeKey(name: "index_series", aliases: ["index"], property: \.indexSeries, summary: "the Russell 2000 line"),
        ThemeKey(name: "bitcoin_series", aliases: ["bitcoin"], property: \.bitcoinSeries, summary: "the Bitcoin line"),
        ThemeKey(name: "halving", aliases: [], property: \.halving, summary: "halving rules and labels"),
        ThemeKey(name: "breakout", aliases: [], property: \.breakout, summary: "breakout marks"),
        ThemeKey(name: "positive", aliases: [], property: \.positive, summary: "gains"),
        ThemeKey(name: "negative", aliases: [], property: \.negative, summary: "losses"),
        ThemeKey(name: "cursor", aliases: [], property: \.cursor, summary: "the crosshair and its readout"),
        ThemeKey(name: "status_ok", aliases: [], property: \.statusOK, summary: "a status that is fine"),
        ThemeKey(name: "status_warn", aliases: [], property: \.statusWarn, summary: "a status that needs a look"),
        ThemeKey(name: "status_error", aliases: [], property: \.statusError, summary: "a status that failed"),
        ThemeKey(name: "status_bg", aliases: ["status_background"], property: \.statusBackground, summary: "the status bar"),
        ThemeKey(name: "status_fg", aliases: ["status_foreground"], property: \.statusForeground, summary: "text on the status bar"),
        ThemeKey(name: "badge", aliases: ["badge_bg"], property: \.badge, summary: "the DEMO badge"),
        ThemeKey(name: "badge_fg", aliases: ["badge_foreground"], property: \.badgeForeground, summary: "text on the badge"),
    ]

    /// The key that turns colour off for the whole theme (`use_color = false`), leaving attributes and glyphs.
    public static let useColor = "use_color"

    /// The key a name or alias belongs to.
    public static func named(_ name: String) -> ThemeKey? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
