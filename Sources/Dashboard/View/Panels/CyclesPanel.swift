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
        let (rest, footer) = inner.splitBottom(1)
        // A row for the days-since-halving axis when there is room for a plot above it.
        let (body, axisRow) = rest.height >= 4 ? rest.splitBottom(1) : (rest, Rect(x: rest.x, y: rest.maxY, width: 0, height: 0))
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
        let cells = DayAxis(range: xAxis.range, positions: plot.width)
        let cursorDay = state.viewport.flatMap { v in
            HalvingSchedule.latest(onOrBefore: v.cursor).flatMap { $0.isEstimate ? nil : $0.day.distance(to: v.cursor) }
        }
        drawAxis(in: axisRow, plotX: plot.x, cells: cells, lastDay: lastDay, cursorColumn: cursorDay.map { cells.position(of: Day(rawValue: Int32($0))) }, buffer: &buffer)
        // The cursor's day since the halving before it, and every cycle's multiple on that day.
        guard state.viewport != nil else { return }
        let unicode = state.glyphs.needsUnicode
        var parts: [LinePart] = []
        if let n = cursorDay {
            drawCursorColumn(cells.position(of: Day(rawValue: Int32(n))), in: plot, canvas: canvas, state: state, buffer: &buffer)
            parts.append(LinePart("\(unicode ? "▸" : ">") day \(n):", style: theme.text, priority: 90))
            for cycle in cycles {
                let m = cycle.multiple(atDay: n).map { "×" + ValueFormat.fixed($0, decimals: $0 < 10 ? 2 : 1, grouped: true) } ?? "—"
                parts.append(LinePart("\(cycle.halving.day.year) \(m)", style: style(for: cycle),
                                      priority: cycle.isCurrent ? 85 : 80, separator: " "))
            }
        } else {
            parts.append(LinePart("the cursor is before the first halving", style: theme.text, priority: 90, shortening: .words))
        }
        let notes = state.data.analysis.cycles.baseNotes
        if !notes.isEmpty {
            parts.append(LinePart(notes.joined(separator: "; "), style: theme.dimText, priority: 10, shortening: .words, separator: " · "))
        }
        for cycle in cycles {
            parts.append(LinePart("━\(cycle.halving.day.year)", style: style(for: cycle), priority: 20, separator: " ", trailing: true))
        }
        buffer.write(FittedLine(parts, gap: 2), in: footer)
    }

    /// The x axis under the plot: a tick and a label at the halving day and every year after it, none under
    /// the cursor's tick.
    private func drawAxis(in row: Rect, plotX: Int, cells: DayAxis, lastDay: Int, cursorColumn: Int?, buffer: inout Buffer) {
        guard row.height > 0, row.width > 0 else { return }
        let unicode = state.glyphs.needsUnicode
        let axisStyle = state.theme.axisStyle
        let width = cells.positions
        buffer.write(String(repeating: unicode ? "─" : "-", count: width), x: plotX, y: row.y, style: axisStyle, clip: row)
        buffer.write("days", x: row.x, y: row.y, style: axisStyle, clip: row)
        var nextFree = plotX
        for year in 0...(lastDay / 365) {
            let column = cells.position(of: Day(rawValue: Int32(year * 365)))
            guard column >= 0, column < width else { continue }
            buffer.set(plotX + column, row.y, unicode ? "┴" : "+", style: axisStyle)
            let label = year == 0 ? "halving" : "+\(year)y"
            let x = plotX + column + 1
            let covers = cursorColumn.map { (column + 1...column + label.count).contains($0) } ?? false
            guard x >= nextFree, x + label.count <= plotX + width, !covers else { continue }
            nextFree = buffer.write(label, x: x, y: row.y, style: state.theme.text, clip: row) + 1
        }
        if let c = cursorColumn, c >= 0, c < width {
            buffer.set(plotX + c, row.y, unicode ? "┼" : "+", style: state.theme.cursorStyle)
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
