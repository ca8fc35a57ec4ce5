import Markets
import TermCanvas

/// The main chart: the index and Bitcoin over one date axis, with halving rules, breakout marks and the cursor.
struct PriceChart: Widget {
    let state: AppState
    let layout: Layout

    /// How each series is scaled for the mode in use: indexed to 100 on the first visible day, or as is.
    static func scales(_ state: AppState, range: DayRange) -> (index: Double, bitcoin: Double) {
        guard state.mode == .indexed else { return (1, 1) }
        func base(_ s: Series) -> Double {
            let i = s.firstIndex(onOrAfter: range.lowerBound)
            return i < s.count ? 100 / s.closes[i] : 1
        }
        return (base(state.data.index), base(state.data.bitcoin))
    }

    func render(in area: Rect, buffer: inout Buffer) {
        guard let viewport = state.viewport else { return }
        let plot = layout.plot
        guard plot.width >= 2, plot.height >= 2 else { return }
        let theme = state.theme
        let glyphs = state.glyphs
        let unicode = glyphs.needsUnicode
        let range = viewport.range
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: glyphs)
        let dots = DayAxis(range: range, positions: canvas.dotWidth)
        let cells = DayAxis(range: range, positions: plot.width)
        let scales = PriceChart.scales(state, range: range)
        let index = SeriesPlotter(series: state.data.index, pyramid: state.data.indexPyramid, scale: scales.index)
        let bitcoin = SeriesPlotter(series: state.data.bitcoin, pyramid: state.data.bitcoinPyramid, scale: scales.bitcoin)

        // Value axes: one shared in indexed mode, one per series in dual-axis mode.
        let leftAxis: ValueAxis?
        let rightAxis: ValueAxis?
        if state.mode == .indexed {
            let both = [index.extent(in: range), bitcoin.extent(in: range)].compactMap { $0 }
            let extent = both.isEmpty ? nil : (both.map(\.min).min()!, both.map(\.max).max()!)
            leftAxis = ValueAxis(extent: extent, log: state.logScale, positions: canvas.dotHeight)
            rightAxis = leftAxis
        } else {
            leftAxis = ValueAxis(extent: index.extent(in: range), log: state.logScale, positions: canvas.dotHeight)
            rightAxis = ValueAxis(extent: bitcoin.extent(in: range), log: state.logScale, positions: canvas.dotHeight)
        }

        // Series: Bitcoin first so the index, which carries the breakout marks, is drawn on top.
        let bitcoinLook = SeriesLook.bitcoin(state), indexLook = SeriesLook.index(state)
        if let axis = rightAxis {
            bitcoin.draw(on: &canvas, days: dots, values: axis, style: bitcoinLook.style, mark: bitcoinLook.mark)
        }
        if let axis = leftAxis { index.draw(on: &canvas, days: dots, values: axis, style: indexLook.style, mark: indexLook.mark) }
        canvas.render(into: &buffer, at: (plot.x, plot.y))

        drawHalvings(range: range, cells: cells, canvas: canvas, buffer: &buffer, unicode: unicode)
        drawCursorColumn(cells.position(of: viewport.cursor), in: layout.plot, canvas: canvas, state: state, buffer: &buffer)
        if let axis = leftAxis {
            drawBreakouts(range: range, cells: cells, axis: axis, scale: scales.index, dotsPerRow: glyphs.dotsPerRow,
                          buffer: &buffer, unicode: unicode)
        }
        drawValueAxis(leftAxis, side: .left, dotsPerRow: glyphs.dotsPerRow, buffer: &buffer, unicode: unicode,
                      style: state.mode == .dualAxis ? theme.indexStyle : theme.axisStyle)
        // The right border: Bitcoin's axis in dual mode, a plain rule otherwise; the plot never reaches it.
        drawValueAxis(state.mode == .dualAxis ? rightAxis : nil, side: .right, dotsPerRow: glyphs.dotsPerRow,
                      buffer: &buffer, unicode: unicode, style: theme.bitcoinStyle)
        drawDateAxis(range: range, cells: cells, cursor: viewport.cursor, buffer: &buffer, unicode: unicode)
    }

    // MARK: - Markers

    private func drawHalvings(range: DayRange, cells: DayAxis, canvas: PlotCanvas, buffer: inout Buffer, unicode: Bool) {
        let plot = layout.plot
        let labelRow = layout.chart.y
        var labelEnd = Int.min
        for halving in HalvingSchedule.halvings(in: range) {
            let column = cells.position(of: halving.day)
            guard column >= 0, column < plot.width else { continue }
            let style = halving.isEstimate ? state.theme.halvingEstimateStyle : state.theme.halvingStyle
            for row in 0..<plot.height where !canvas.isSet(column: column, row: row) {
                buffer.set(plot.x + column, plot.y + row, unicode ? "┊" : ":", style: style)
            }
            // Label above the rule: the long form when it fits without touching the previous label, else short.
            for label in [halving.label, halving.shortLabel] {
                let x = max(plot.x, min(plot.x + column, plot.maxX - label.count))
                guard x > labelEnd else { continue }
                labelEnd = buffer.write(label, x: x, y: labelRow, style: style.adding(.bold), clip: layout.chart)
                break
            }
        }
        // The next halving, an estimate, lies after the data: when the view reaches the last day, say where it is.
        let next = HalvingSchedule.next
        if next.day > range.upperBound, let last = state.viewport?.bounds.upperBound, range.upperBound == last {
            let arrow = unicode ? " →" : " ->"
            for label in [next.label + arrow, "H\(next.number) ~" + next.day.iso.prefix(7) + arrow, next.shortLabel + arrow] {
                let x = plot.maxX - label.unicodeScalars.count
                guard x > labelEnd else { continue }
                buffer.write(label, x: x, y: labelRow, style: state.theme.halvingEstimateStyle, clip: layout.chart)
                break
            }
        }
    }

    private func drawBreakouts(range: DayRange, cells: DayAxis, axis: ValueAxis, scale: Double, dotsPerRow: Int,
                               buffer: inout Buffer, unicode: Bool) {
        let plot = layout.plot
        let series = state.data.index
        for breakout in state.breakouts where range.contains(breakout.day) {
            let column = cells.position(of: breakout.day)
            let row = axis.position(of: series.closes[breakout.index] * scale) / dotsPerRow
            // Put the mark on the line, or just above it when that cell is free, so the line stays readable.
            let y = plot.y + max(0, min(plot.height - 1, row - 1))
            buffer.set(plot.x + column, y, unicode ? "▲" : "^", style: state.theme.breakoutStyle)
        }
    }

    // MARK: - Axes

    private enum Side { case left, right }

    private func drawValueAxis(_ axis: ValueAxis?, side: Side, dotsPerRow: Int, buffer: inout Buffer, unicode: Bool,
                               style: Style) {
        let plot = layout.plot
        let width = Layout.axisWidth
        let ruleX = side == .left ? plot.x - 1 : plot.maxX
        for y in plot.minY..<plot.maxY { buffer.set(ruleX, y, unicode ? "│" : "|", style: state.theme.axisStyle) }
        guard let axis else { return }
        var lastRow = -100
        var placed: [(row: Int, value: Double)] = []
        for value in axis.ticks(maxCount: max(2, plot.height / 3)) {
            let row = axis.position(of: value) / dotsPerRow
            guard row >= 0, row < plot.height, abs(row - lastRow) >= 2 else { continue }
            lastRow = row
            placed.append((row, value))
        }
        for (row, label) in zip(placed.map(\.row), ValueAxis.distinctLabels(placed.map(\.value))) {
            let y = plot.y + row
            if side == .left {
                buffer.set(ruleX, y, unicode ? "┤" : "+", style: state.theme.axisStyle)
                buffer.write(label, x: max(layout.chart.x, ruleX - 1 - label.count), y: y, style: style)
            } else {
                buffer.set(ruleX, y, unicode ? "├" : "+", style: state.theme.axisStyle)
                buffer.write(String(label.prefix(width - 2)), x: ruleX + 2, y: y, style: style)
            }
        }
    }

    private func drawDateAxis(range: DayRange, cells: DayAxis, cursor: Day, buffer: inout Buffer, unicode: Bool) {
        let plot = layout.plot
        let y = plot.maxY
        let axisStyle = state.theme.axisStyle
        buffer.write(String(repeating: unicode ? "─" : "-", count: plot.width), x: plot.x, y: y, style: axisStyle)
        buffer.set(plot.x - 1, y, unicode ? "└" : "+", style: axisStyle)
        buffer.set(plot.maxX, y, unicode ? "┘" : "+", style: axisStyle)
        let cursorColumn = cells.position(of: cursor)
        var nextFree = plot.x
        for tick in DateTicks.ticks(in: range, maxCount: max(2, plot.width / 10)) {
            let column = cells.position(of: tick.day)
            guard column >= 0, column < plot.width else { continue }
            let x = plot.x + column
            buffer.set(x, y, unicode ? "┴" : "+", style: axisStyle)
            let labelX = x + 1
            // A label never runs under the cursor's tick, which would cut it ("202┼").
            let covers = (column + 1...column + tick.label.count).contains(cursorColumn)
            guard labelX >= nextFree, labelX + tick.label.count <= plot.maxX, !covers else { continue }
            nextFree = buffer.write(tick.label, x: labelX, y: y, style: state.theme.text) + 1
        }
        if cursorColumn >= 0, cursorColumn < plot.width {
            buffer.set(plot.x + cursorColumn, y, unicode ? "┼" : "+", style: state.theme.cursorStyle)
        }
    }
}
