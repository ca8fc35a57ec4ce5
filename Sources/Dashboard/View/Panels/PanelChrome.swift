import Markets
import TermCanvas

/// The frame every panel draws: a box with its title, highlighted when the panel has the focus.
struct PanelChrome {
    let state: AppState
    let panel: Panel

    /// Draws the frame and title and returns the inside of the box.
    func draw(in rect: Rect, title: String, buffer: inout Buffer) -> Rect {
        let theme = state.theme
        let focused = state.panels.focused == panel
        let border = focused ? theme.cursorStyle : theme.axisStyle
        let titleStyle = focused ? theme.titleStyle.adding(.reverse) : theme.titleStyle
        drawBox(rect, title: title, style: border, titleStyle: titleStyle, unicode: state.glyphs.needsUnicode,
                buffer: &buffer)
        return rect.inset(top: 1, left: 1, bottom: 1, right: 1)
    }

    /// Writes lines of text from the top of an area, wrapping long lines at spaces and clipping to the area.
    static func write(_ lines: [(String, Style)], in area: Rect, buffer: inout Buffer) {
        var y = area.y
        for (text, style) in lines {
            for piece in wrap(text, width: area.width) where y < area.maxY {
                buffer.write(piece, x: area.x, y: y, style: style, clip: area)
                y += 1
            }
        }
    }

    /// Breaks text into lines of at most `width` characters at spaces; continuation lines are indented two
    /// cells deeper than the text's own indent (see `TextFit.wrap`).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 8 else { return [text] }
        return TextFit.wrap(text, width: width)
    }
}

/// A percent with sign and one decimal, or an em dash when there is no value.
func percentOrDash(_ value: Double?) -> String {
    guard let value else { return "—" }
    return ValueFormat.percent(value)
}

/// A signed amount of US dollars in billions: "+$3.70bn", "-$20.00bn" (or with one decimal, "-$4.2bn").
func billions(_ usd: Double, decimals: Int = 2) -> String {
    let b = usd / 1e9
    return (b < 0 ? "-" : "+") + "$" + ValueFormat.fixed(abs(b), decimals: decimals) + "bn"
}

/// Draws the crosshair down one plot column, on the cells no line occupies.
func drawCursorColumn(_ column: Int, in plot: Rect, canvas: PlotCanvas, state: AppState, buffer: inout Buffer) {
    guard column >= 0, column < plot.width else { return }
    let style = state.theme.cursorStyle.adding(.dim)
    for row in 0..<plot.height where !canvas.isSet(column: column, row: row) {
        buffer.set(plot.x + column, plot.y + row, state.glyphs.needsUnicode ? "│" : "|", style: style)
    }
}

/// Draws a horizontal rule across a plot row for a value (a zero line, say) on empty cells.
func drawRule(row: Int, in plot: Rect, canvas: PlotCanvas, style: Style, unicode: Bool, buffer: inout Buffer) {
    guard row >= 0, row < plot.height else { return }
    for column in 0..<plot.width where !canvas.isSet(column: column, row: row) {
        buffer.set(plot.x + column, plot.y + row, unicode ? "┈" : "-", style: style)
    }
}
