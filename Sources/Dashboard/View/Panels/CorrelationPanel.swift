import Markets
import TermCanvas

/// The rolling correlation of daily log returns, with a zero rule, over the chart's date range.
struct CorrelationPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let window = state.panels.correlationWindow
        guard let shown = state.data.derived.correlation(window: window) else {
            // Asked for with `Cmd.derive` and not back yet: say so rather than draw nothing.
            let inner = PanelChrome(state: state, panel: .correlation)
                .draw(in: area, title: "Correlation of daily log returns · \(window)d", buffer: &buffer)
            if !state.data.isEmpty {
                PanelChrome.write([("Computing the \(window)-day correlation…", theme.dimText)], in: inner, buffer: &buffer)
            }
            return
        }
        let (correlation, pyramid) = (shown.correlation, shown.pyramid)
        let now = correlation.values.last(where: { !$0.isNaN })
        let title = "Correlation of daily log returns · \(window)d · now \(CorrelationPanel.format(now))"
            + " · full sample \(CorrelationPanel.format(correlation.fullSample)) over \(correlation.alignedDayCount) aligned days"
        let inner = PanelChrome(state: state, panel: .correlation).draw(in: area, title: title, buffer: &buffer)
        guard let viewport = state.viewport, inner.height >= 3, inner.width >= 12 else { return }
        if correlation.alignedDayCount < window + 1 {
            PanelChrome.write([("Not enough days that both markets traded: \(correlation.alignedDayCount) aligned, "
                                + "\(window + 1) needed.", theme.dimText)], in: inner, buffer: &buffer)
            return
        }
        let (body, footer) = inner.splitBottom(1)
        let (labels, plot) = body.splitLeft(3)
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        let days = DayAxis(range: viewport.range, positions: canvas.dotWidth)
        guard let axis = ValueAxis(extent: (-1, 1), log: false, positions: canvas.dotHeight, padding: 0) else { return }
        SeriesPlotter(days: correlation.days, values: correlation.values, pyramid: pyramid)
            .draw(on: &canvas, days: days, values: axis, style: theme.bitcoinStyle)
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        let unicode = state.glyphs.needsUnicode
        let zeroRow = axis.position(of: 0) / state.glyphs.dotsPerRow
        drawRule(row: zeroRow, in: plot, canvas: canvas, style: theme.axisStyle, unicode: unicode, buffer: &buffer)
        buffer.write("+1", x: labels.x, y: plot.y, style: theme.axisStyle, clip: labels)
        buffer.write(" 0", x: labels.x, y: plot.y + zeroRow, style: theme.axisStyle, clip: labels)
        buffer.write("-1", x: labels.x, y: plot.maxY - 1, style: theme.axisStyle, clip: labels)
        let cursorColumn = DayAxis(range: viewport.range, positions: plot.width).position(of: viewport.cursor)
        drawCursorColumn(cursorColumn, in: plot, canvas: canvas, state: state, buffer: &buffer)
        let value = correlation.value(onOrBefore: viewport.cursor)
        let pointer = unicode ? "▸ " : "> "
        let text = "\(pointer)\(viewport.cursor.iso) r(\(window)d) = \(CorrelationPanel.format(value))"
            + " · returns between days both traded; a Monday includes Bitcoin's weekend"
        buffer.write(text, x: footer.x, y: footer.y, style: theme.text, clip: footer)
    }

    /// A correlation with sign and three decimals, or "n/a" when undefined.
    static func format(_ r: Double?) -> String {
        guard let r, r.isFinite else { return "n/a" }
        return (r >= 0 ? "+" : "-") + ValueFormat.fixed(abs(r), decimals: 3, grouped: false)
    }
}
