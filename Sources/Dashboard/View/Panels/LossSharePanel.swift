import Markets
import TermCanvas

/// The share of Russell 2000 companies with negative net income, by quarter, with press figures as points.
struct LossSharePanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let share = state.data.analysis.lossShare
        let inner = PanelChrome(state: state, panel: .lossShare)
            .draw(in: area, title: "Russell 2000 companies with negative net income · % by quarter · imported series",
                  buffer: &buffer)
        guard inner.height >= 2, inner.width >= 20, let viewport = state.viewport else { return }
        let unicode = state.glyphs.needsUnicode
        let mark = unicode ? "◆" : "*"
        let figures = PressFigures.lossShare.filter { viewport.range.contains($0.asOf) }
        guard !share.isEmpty else {
            var lines: [(String, Style)] = [
                ("No loss-making share in the store. Fetch it from SEC filings, or import one:", theme.dimText),
                ("  resonance fetch --fundamentals", theme.cursorStyle),
                ("  resonance import loss_share.csv --loss-share   (date,share_pct)", theme.cursorStyle),
            ]
            if !figures.isEmpty { lines.append(("Reported in the press (definitions differ; not a series):", theme.dimText)) }
            lines += figures.map { ("\(mark) \($0.label)", theme.halvingStyle) }
            PanelChrome.write(lines, in: inner, buffer: &buffer)
            return
        }
        let (body, footer) = inner.splitBottom(1)
        let (labels, plot) = body.splitLeft(4)
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        guard let axis = ValueAxis(extent: (0, 100), log: false, positions: canvas.dotHeight, padding: 0) else { return }
        let days = DayAxis(range: viewport.range, positions: canvas.dotWidth)
        SeriesPlotter(days: share.days, values: share.values, pyramid: state.data.analysis.lossSharePyramid)
            .draw(on: &canvas, days: days, values: axis, style: theme.negativeStyle)
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        for value in [0.0, 50, 100] {
            let row = axis.position(of: value) / state.glyphs.dotsPerRow
            buffer.write(ValueFormat.compact(value) + "%", x: labels.x, y: plot.y + min(plot.height - 1, row),
                         style: theme.axisStyle, clip: labels)
        }
        let cells = DayAxis(range: viewport.range, positions: plot.width)
        for figure in figures {
            let row = axis.position(of: figure.sharePercent) / state.glyphs.dotsPerRow
            buffer.set(plot.x + cells.position(of: figure.asOf), plot.y + max(0, min(plot.height - 1, row)),
                       mark.unicodeScalars.first!, style: theme.halvingStyle.adding(.bold))
        }
        var text = ""
        if let i = share.days.lastIndex(where: { $0 <= viewport.cursor }) {
            text = "\(share.days[i].iso): \(ValueFormat.fixed(share.values[i], decimals: 1))%"
        }
        if let counts = state.data.lossShareCoverage.counts(onOrBefore: viewport.cursor) {
            text += " · \(counts.matched) of \(counts.constituents) companies matched, \(counts.reported) reported"
                + " · today's constituents applied to past quarters (survivorship bias)"
        }
        if !figures.isEmpty { text += " · \(mark) press: " + figures.map(\.label).joined(separator: "; ") }
        buffer.write(text, x: footer.x, y: footer.y, style: theme.text, clip: footer)
    }
}
