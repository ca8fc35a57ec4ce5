import Markets
import TermCanvas

/// Small-cap ETF net flows: monthly bars (inflows and outflows in their own colours) and running totals.
///
/// Press figures are drawn as separate labelled points, never joined into the series.
struct FlowsPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let analysis = state.data.analysis
        let inner = PanelChrome(state: state, panel: .flows)
            .draw(in: area, title: "Small-cap ETF net flows · monthly, USD", buffer: &buffer)
        guard inner.height >= 2, inner.width >= 20, let viewport = state.viewport else { return }
        let unicode = state.glyphs.needsUnicode
        let mark = unicode ? "◆" : "*"
        let figures = PressFigures.flows.filter { viewport.range.overlaps($0.period) }
        guard !analysis.monthlyFlows.isEmpty else {
            var lines: [(String, Style)] = [
                ("No fund flow data in the store. Fetch fund snapshots, or import a vendor export:", theme.dimText),
                ("  resonance fetch --fundamentals", theme.cursorStyle),
                ("  resonance import flows.csv --flows   (date,fund,net_flow_usd)", theme.cursorStyle),
            ]
            if !figures.isEmpty { lines.append(("Reported in the press (not a series):", theme.dimText)) }
            lines += figures.map { ("\(mark) \($0.label) — \($0.dataProvider)", theme.halvingStyle) }
            PanelChrome.write(lines, in: inner, buffer: &buffer)
            return
        }
        let (body, footer) = inner.splitBottom(1)
        let (labels, plot) = body.splitLeft(8)
        let monthly = analysis.monthlyFlows
        let visible = monthly.indices(in: viewport.range.lowerBound.adding(days: -31)...viewport.range.upperBound)
        let values = visible.map { monthly.values[$0] }
        // Press figures are part of the picture, so the scale takes them in.
        let pressValues = figures.map { $0.netFlowUSDBillions * 1e9 }
        let extent = (min(0, (values + pressValues).min() ?? 0), max(0, (values + pressValues).max() ?? 0))
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        guard let axis = ValueAxis(extent: extent, log: false, positions: canvas.dotHeight) else { return }
        let days = DayAxis(range: viewport.range, positions: canvas.dotWidth)
        let zero = axis.position(of: 0)
        for i in visible {
            let start = monthly.days[i], end = start.adding(months: 1).adding(days: -1)
            let x0 = max(0, days.position(of: start)), x1 = min(canvas.dotWidth - 1, days.position(of: end) - 1)
            let y = axis.position(of: monthly.values[i])
            let style = monthly.values[i] >= 0 ? theme.positiveStyle : theme.negativeStyle
            guard x0 <= x1 else { continue }
            for x in x0...x1 { canvas.vertical(x: x, from: zero, to: y, style: style) }
        }
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        drawRule(row: zero / state.glyphs.dotsPerRow, in: plot, canvas: canvas, style: theme.axisStyle, unicode: unicode,
                 buffer: &buffer)
        for value in axis.ticks(maxCount: max(2, plot.height / 2)) {
            let row = axis.position(of: value) / state.glyphs.dotsPerRow
            guard row >= 0, row < plot.height else { continue }
            buffer.write(billions(value).replacingOccurrences(of: ".00", with: ""), x: labels.x, y: plot.y + row,
                         style: theme.axisStyle, clip: labels)
        }
        // Press figures: a mark at the end of the period they cover, at their value.
        let cells = DayAxis(range: viewport.range, positions: plot.width)
        for figure in figures {
            let column = cells.position(of: min(figure.period.upperBound, viewport.range.upperBound))
            let row = axis.position(of: figure.netFlowUSDBillions * 1e9) / state.glyphs.dotsPerRow
            buffer.set(plot.x + column, plot.y + max(0, min(plot.height - 1, row)), mark.unicodeScalars.first!,
                       style: theme.halvingStyle.adding(.bold))
        }
        // Running totals over the visible range, per fund and summed.
        var text = "over view:"
        var total = 0.0
        for fund in analysis.flows {
            let r = fund.indices(in: viewport.range)
            let sum = r.reduce(0) { $0 + fund.values[$1] }
            total += sum
            text += " \((fund.id.flowsFund ?? fund.id.rawValue).uppercased()) \(billions(sum))"
        }
        text += " · total \(billions(total))"
        text += " · fetched flows estimated from shares outstanding \(unicode ? "×" : "x") NAV"
        if !figures.isEmpty { text += " · \(mark) press figures" }
        buffer.write(text, x: footer.x, y: footer.y, style: theme.text, clip: footer)
    }
}
