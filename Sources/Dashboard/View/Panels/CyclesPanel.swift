import Markets
import TermCanvas

/// Bitcoin's halving cycles compared: the close as a multiple of the halving-day close, against days since.
///
/// The x axis is days since each halving, not dates, so the chart's zoom does not apply; the cursor does:
/// its day, counted from the halving before it, is marked and read out for every cycle.
struct CyclesPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let cycles = state.data.analysis.cycles.cycles
        let inner = PanelChrome(state: state, panel: .cycles)
            .draw(in: area, title: "Halving cycles · close ÷ close on halving day · log", buffer: &buffer)
        guard inner.height >= 3, inner.width >= 12 else { return }
        guard !cycles.isEmpty else {
            PanelChrome.write([("No Bitcoin history from a halving day on.", theme.dimText),
                               ("Import it: resonance import btc.csv --series btc", theme.cursorStyle)],
                              in: inner, buffer: &buffer)
            return
        }
        let (body, footer) = inner.splitBottom(1)
        let (labels, plot) = body.splitLeft(6)
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        let lastDay = max(1458, cycles.compactMap(\.lastDaySinceHalving).max() ?? 1)
        let xAxis = DayAxis(range: Day(rawValue: 0)...Day(rawValue: Int32(lastDay)), positions: canvas.dotWidth)
        let pyramids = state.data.analysis.cyclePyramids
        let extent = zip(cycles, pyramids).compactMap { $1.minMax(in: 0..<$0.multiples.count) }
        guard !extent.isEmpty,
              let axis = ValueAxis(extent: (extent.map(\.min).min()!, extent.map(\.max).max()!), log: true,
                                   positions: canvas.dotHeight)
        else { return }
        for (cycle, pyramid) in zip(cycles, pyramids) {
            let days = cycle.daysSinceHalving.map { Day(rawValue: Int32($0)) }
            SeriesPlotter(days: days, values: cycle.multiples, pyramid: pyramid)
                .draw(on: &canvas, days: xAxis, values: axis, style: style(for: cycle))
        }
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        var lastRow = -10
        for value in axis.ticks(maxCount: max(2, plot.height / 2)) {
            let row = axis.position(of: value) / state.glyphs.dotsPerRow
            guard row >= 0, row < plot.height, abs(row - lastRow) >= 2 else { continue }
            lastRow = row
            buffer.write("×" + ValueFormat.compact(value), x: labels.x, y: plot.y + row, style: theme.axisStyle, clip: labels)
        }
        // The cursor's day since the halving before it.
        guard let viewport = state.viewport else { return }
        let unicode = state.glyphs.needsUnicode
        var text = ""
        if let halving = HalvingSchedule.latest(onOrBefore: viewport.cursor), !halving.isEstimate {
            let n = halving.day.distance(to: viewport.cursor)
            let column = DayAxis(range: xAxis.range, positions: plot.width).position(of: Day(rawValue: Int32(n)))
            drawCursorColumn(column, in: plot, canvas: canvas, state: state, buffer: &buffer)
            text = "\(unicode ? "▸" : ">") day \(n):"
            for cycle in cycles {
                let m = cycle.multiple(atDay: n).map { "×" + ValueFormat.fixed($0, decimals: $0 < 10 ? 2 : 1, grouped: true) } ?? "—"
                text += " \(cycle.halving.day.year) \(m)"
            }
        } else {
            text = "the cursor is before the first halving"
        }
        let notes = state.data.analysis.cycles.baseNotes
        if !notes.isEmpty { text += " · " + notes.joined(separator: "; ") }
        var x = buffer.write(text, x: footer.x, y: footer.y, style: theme.text, clip: footer)
        x += 2
        for cycle in cycles where x < footer.maxX {
            x = buffer.write("━\(cycle.halving.day.year) ", x: x, y: footer.y, style: style(for: cycle), clip: footer)
        }
    }

    /// Each cycle in its own style; the current one bold in Bitcoin's colour.
    private func style(for cycle: HalvingCycle) -> Style {
        let theme = state.theme
        if cycle.isCurrent { return theme.bitcoinStyle.adding(.bold) }
        switch cycle.halving.number {
        case 1: return theme.dimText
        case 2: return theme.halvingStyle
        default: return theme.indexStyle
        }
    }
}
