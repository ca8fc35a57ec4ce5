/// The colours of the dashboard by meaning: what each thing on screen is drawn in.
///
/// Widgets ask the theme for a role's style and never name a colour themselves, so a theme file can
/// change the whole look. The default theme uses the eight basic colours and the terminal's own
/// background, so it reads on any colour terminal.
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

    /// Whether colours are shown at all; without them, roles are told apart by attributes and glyphs.
    public var usesColor: Bool

    /// The dark default theme.
    public static let standard = Theme(
        name: "default", foreground: .default, background: .default, axis: .default, grid: .default,
        title: .cyan, indexSeries: .cyan, bitcoinSeries: .yellow, halving: .magenta, breakout: .green,
        positive: .green, negative: .red, cursor: .white, statusBackground: .blue, statusForeground: .white,
        badge: .red, usesColor: true)

    /// A theme with no colours at all: attributes only.
    public static let mono: Theme = {
        var t = Theme.standard
        t.name = "mono"
        t.usesColor = false
        return t
    }()

    // MARK: - Styles by role

    public var text: Style { style(foreground) }
    public var dimText: Style { style(foreground, .dim) }
    public var axisStyle: Style { style(axis, .dim) }
    public var titleStyle: Style { style(title, .bold) }
    public var indexStyle: Style { style(indexSeries) }
    /// Bitcoin is bold so the two series stay apart without colour.
    public var bitcoinStyle: Style { style(bitcoinSeries, usesColor ? [] : .bold) }
    public var halvingStyle: Style { style(halving) }
    public var halvingEstimateStyle: Style { style(halving, .dim) }
    public var breakoutStyle: Style { style(breakout, .bold) }
    public var positiveStyle: Style { style(positive) }
    public var negativeStyle: Style { style(negative) }
    public var cursorStyle: Style { style(cursor, .bold) }
    public var statusStyle: Style {
        usesColor ? Style(foreground: statusForeground, background: statusBackground) : Style(attributes: .reverse)
    }
    public var badgeStyle: Style {
        usesColor ? Style(foreground: .white, background: badge, attributes: .bold) : Style(attributes: [.reverse, .bold])
    }

    private func style(_ color: Color, _ attributes: Attributes = []) -> Style {
        Style(foreground: usesColor ? color : .default, background: usesColor ? background : .default,
              attributes: attributes)
    }
}
