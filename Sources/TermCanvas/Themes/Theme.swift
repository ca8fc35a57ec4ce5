/// The colours of the dashboard by meaning: what each thing on screen is drawn in.
///
/// Widgets ask the theme for a role's style and never name a colour themselves, so a theme file can
/// change the whole look (see `ThemeFile` for the file format and `ThemeKey` for the role names). The
/// default theme uses the eight basic colours and the terminal's own background, so it reads on any
/// colour terminal.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var foreground: Color
    public var background: Color
    public var axis: Color
    public var grid: Color
    public var title: Color
    public var indexSeries: Color
    public var bitcoinSeries: Color
    public var halving: Color
    public var breakout: Color
    public var positive: Color
    public var negative: Color
    public var cursor: Color
    public var statusBackground: Color
    public var statusForeground: Color
    public var badge: Color
    /// Text on a badge (the DEMO label).
    public var badgeForeground: Color = .white
    /// Secondary text: sources, hints, dates outside the view. The terminal's own colour, dimmed, when unset.
    public var muted: Color = .default
    /// A status that is fine (data fresh, feed connected).
    public var statusOK: Color = .green
    /// A status that needs a look (data stale, a retry pending).
    public var statusWarn: Color = .yellow
    /// A status that failed (a feed down, a store error).
    public var statusError: Color = .red

    /// Whether colours are shown at all; without them, roles are told apart by attributes and glyphs.
    public var usesColor: Bool

    /// The dark default theme; `Themes/default.toml` says the same, and a test keeps the two equal.
    public static let standard = Theme(
        name: "default", foreground: .default, background: .default, axis: .default, grid: .default,
        title: .cyan, indexSeries: .cyan, bitcoinSeries: .yellow, halving: .magenta, breakout: .green,
        positive: .green, negative: .red, cursor: .white, statusBackground: .blue, statusForeground: .white,
        badge: .red, usesColor: true)

    /// A theme with no colours at all: attributes only.
    public static let mono: Theme = Theme.standard.withoutColor(named: "mono")

    /// This theme with colours off, for `NO_COLOR`, `--colors none` and terminals without colour.
    public func withoutColor(named newName: String? = nil) -> Theme {
        var t = self
        t.name = newName ?? name
        t.usesColor = false
        return t
    }

    // MARK: - Styles by role

    /// The look of a cell nobody drew on: the theme's foreground and background.
    public var base: Style { Style(foreground: usesColor ? foreground : .default, background: usesColor ? background : .default) }
    public var text: Style { style(foreground) }
    public var dimText: Style { muted == .default || !usesColor ? style(foreground, .dim) : style(muted) }
    public var axisStyle: Style { style(axis, .dim) }
    public var gridStyle: Style { style(grid, .dim) }
    public var titleStyle: Style { style(title, .bold) }
    public var indexStyle: Style { style(indexSeries) }
    /// Bitcoin is bold so the two series stay apart without colour.
    public var bitcoinStyle: Style { style(bitcoinSeries, usesColor ? [] : .bold) }
    public var halvingStyle: Style { style(halving) }
    public var halvingEstimateStyle: Style { style(halving, .dim) }
    public var breakoutStyle: Style { style(breakout, .bold) }
    public var positiveStyle: Style { style(positive) }
    /// Without colour a loss is underlined, so gains and losses differ by more than their sign.
    public var negativeStyle: Style { style(negative, usesColor ? [] : .underline) }
    public var cursorStyle: Style { style(cursor, .bold) }
    public var statusOKStyle: Style { style(statusOK) }
    public var statusWarnStyle: Style { style(statusWarn, .bold) }
    public var statusErrorStyle: Style { style(statusError, usesColor ? .bold : [.bold, .reverse]) }
    public var statusStyle: Style {
        usesColor ? Style(foreground: statusForeground, background: statusBackground) : Style(attributes: .reverse)
    }
    public var badgeStyle: Style {
        usesColor ? Style(foreground: badgeForeground, background: badge, attributes: .bold) : Style(attributes: [.reverse, .bold])
    }

    private func style(_ color: Color, _ attributes: Attributes = []) -> Style {
        Style(foreground: usesColor ? color : .default, background: usesColor ? background : .default,
              attributes: attributes)
    }
}
