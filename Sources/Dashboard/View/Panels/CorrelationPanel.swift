import Markets
import TermCanvas

/// The rolling correlation of daily log returns, with a zero rule and a date axis, over the chart's date range;
/// `v` shows instead the lead–lag correlation over the whole history and over the range on screen.
struct CorrelationPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        if state.panels.showsSecondView(.correlation) {
            LeadLagView(state: state).render(in: area, buffer: &buffer)
            return
        }
        let theme = state.theme
        let window = state.panels.correlationWindow
        guard let shown = state.data.derived.correlation(window: window) else {
            // Asked for with `Cmd.derive` and not back yet: say so rather than draw nothing.
            let inner = PanelChrome(state: state, panel: .correlation)
                .draw(in: area, title: FittedTable.firstText(of: ["Correlation of daily log returns · \(window)d",
                                                                  "Correlation · \(window)d"], fitting: area.width - 6),
                      buffer: &buffer)
            if !state.data.isEmpty {
                PanelChrome.write([("Computing the \(window)-day correlation…", theme.dimText)], in: inner, buffer: &buffer)
            }
            return
        }
        let (correlation, pyramid) = (shown.correlation, shown.pyramid)
        let now = CorrelationPanel.format(correlation.values.last(where: { !$0.isNaN }))
        let full = CorrelationPanel.format(correlation.fullSample)
        let days = ValueFormat.groupedDigits(UInt64(correlation.alignedDayCount))
        let title = FittedTable.firstText(of: [
            "Correlation of daily log returns · \(window)d · now \(now) · full sample \(full) over \(days) aligned days",
            "Correlation of daily log returns · \(window)d · now \(now) · full \(full), \(days) days",
            "Correlation · \(window)d · now \(now) · full \(full), \(days) days",
            "Correlation · \(window)d · now \(now)", "Correlation · \(window)d",
        ], fitting: area.width - 6)
        let inner = PanelChrome(state: state, panel: .correlation).draw(in: area, title: title, buffer: &buffer)
        guard let viewport = state.viewport, inner.height >= 3, inner.width >= 12 else { return }
        if correlation.alignedDayCount < window + 1 {
            PanelChrome.write([("Not enough days that both markets traded: \(correlation.alignedDayCount) aligned, "
                                + "\(window + 1) needed.", theme.dimText)], in: inner, buffer: &buffer)
            return
        }
        let (body, footer) = inner.splitBottom(1)
        let (plotArea, axisRow) = body.height >= 3 ? body.splitBottom(1) : (body, Rect(x: body.x, y: body.maxY, width: body.width, height: 0))
        let (labels, plot) = plotArea.splitLeft(3)
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        let dayDots = DayAxis(range: viewport.range, positions: canvas.dotWidth)
        guard let axis = ValueAxis(extent: (-1, 1), log: false, positions: canvas.dotHeight, padding: 0) else { return }
        SeriesPlotter(days: correlation.days, values: correlation.values, pyramid: pyramid)
            .draw(on: &canvas, days: dayDots, values: axis, style: theme.bitcoinStyle)
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        let unicode = state.glyphs.needsUnicode
        let zeroRow = axis.position(of: 0) / state.glyphs.dotsPerRow
        drawRule(row: zeroRow, in: plot, canvas: canvas, style: theme.axisStyle, unicode: unicode, buffer: &buffer)
        buffer.write("+1", x: labels.x, y: plot.y, style: theme.axisStyle, clip: labels)
        buffer.write(" 0", x: labels.x, y: plot.y + zeroRow, style: theme.axisStyle, clip: labels)
        if plot.height > 2 { buffer.write("-1", x: labels.x, y: plot.maxY - 1, style: theme.axisStyle, clip: labels) }
        let cells = DayAxis(range: viewport.range, positions: plot.width)
        drawCursorColumn(cells.position(of: viewport.cursor), in: plot, canvas: canvas, state: state, buffer: &buffer)
        if axisRow.height > 0 {
            drawDateLabels(range: viewport.range, cells: cells, row: axisRow.y, plot: plot, buffer: &buffer)
        }
        let value = CorrelationPanel.format(correlation.value(onOrBefore: viewport.cursor))
        let reading = "\(unicode ? "▸" : ">") \(viewport.cursor.iso) r(\(window)d) = \(value)"
        let text = FittedTable.firstText(of: [
            reading + " · returns between days both traded; a Monday includes Bitcoin's weekend",
            reading + " · a Monday return includes Bitcoin's weekend",
            reading + " · Monday incl. BTC's weekend", reading,
        ], fitting: footer.width)
        buffer.write(text, x: footer.x, y: footer.y, style: theme.text, clip: footer)
    }

    /// Date labels under the plot where they fit without touching each other.
    private func drawDateLabels(range: DayRange, cells: DayAxis, row: Int, plot: Rect, buffer: inout Buffer) {
        var nextFree = plot.x
        for tick in DateTicks.ticks(in: range, maxCount: max(2, plot.width / 10)) {
            let x = plot.x + cells.position(of: tick.day)
            let n = tick.label.unicodeScalars.count
            let labelX = min(max(x - n / 2, plot.x), plot.maxX - n)
            guard labelX >= nextFree, labelX + n <= plot.maxX else { continue }
            nextFree = buffer.write(tick.label, x: labelX, y: row, style: state.theme.axisStyle) + 1
        }
    }

    /// A correlation with sign and three decimals, or "n/a" when undefined.
    static func format(_ r: Double?) -> String {
        guard let r, r.isFinite else { return "n/a" }
        return (r >= 0 ? "+" : "-") + ValueFormat.fixed(abs(r), decimals: 3, grouped: false)
    }
}
