import Markets
import TermCanvas

/// Small-cap ETF net flows: the group's monthly bars (inflows and outflows in their own colours) with the index
/// drawn over them on its own scale, the cursor year's total in the title, and the cursor month read out.
///
/// Press figures are separate labelled points, never joined into the series; one beyond the bars' scale sits at
/// the edge with its value written beside it, so it cannot squash the bars. The latest month and the N-PORT lag
/// are stated so that months not yet public are not read as zero.
struct FlowsPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let analysis = state.data.analysis
        let monthly = analysis.monthlyFlows
        let funds = analysis.flows.map { (name: Self.fundName($0.id), months: monthlySums($0)) }
        let inner = PanelChrome(state: state, panel: .flows)
            .draw(in: area, title: PanelDates.title(titles(funds: funds), frameWidth: area.width), buffer: &buffer)
        guard inner.height >= 2, inner.width >= 20, let viewport = state.viewport else { return }
        let unicode = state.glyphs.needsUnicode
        let mark = unicode ? "◆" : "*"
        let figures = PressFigures.flows.filter { viewport.range.overlaps($0.period) }
        guard !monthly.isEmpty else {
            var lines: [(String, Style)] = [
                ("No fund flows in the store. Fetch the funds' monthly flows from SEC N-PORT filings, or import a vendor table:", theme.dimText),
                ("  resonance fetch --fundamentals", theme.cursorStyle),
                ("  resonance import flows.csv --flows   (date,fund,net_flow_usd)", theme.cursorStyle),
            ]
            let used = lines.reduce(0) { $0 + PanelChrome.wrap($1.0, width: inner.width).count }
            // The press figures only with their heading, and only where at least one of them fits under it.
            if !figures.isEmpty, inner.height - used >= 2 {
                lines.append(("Reported in the press (not a series):", theme.dimText))
                lines += figures.map { ("\(mark) \($0.label) — \($0.dataProvider)", theme.halvingStyle) }
            }
            PanelChrome.write(lines, in: inner, buffer: &buffer)
            return
        }
        let available = max(1, inner.height - 4)
        let notes = footerLines(funds: funds, monthly: monthly, viewport: viewport, figures: figures, mark: mark, rows: available)
        let footerRows = min(notes.count, available)
        let (body, footer) = inner.splitBottom(footerRows)
        let (chart, axisRow) = body.height >= 4 ? body.splitBottom(1) : (body, Rect(x: body.x, y: body.maxY, width: 0, height: 0))
        let (labels, plot) = chart.splitLeft(8)
        guard plot.height >= 1, plot.width >= 4 else { return }
        let visible = monthly.indices(in: viewport.range.lowerBound.adding(days: -31)...viewport.range.upperBound)
        let values = visible.map { monthly.values[$0] }
        // The bars set the scale; press figures beyond it are drawn at the edge with their value.
        let extent = (min(0, values.min() ?? 0), max(0, values.max() ?? 0))
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        guard let axis = ValueAxis(extent: extent == (0, 0) ? (-1e9, 1e9) : extent, log: false, positions: canvas.dotHeight) else { return }
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
        // The index over the bars, on its own scale: the contrast of the index rising while money leaves.
        let index = SeriesPlotter(series: state.data.index, pyramid: state.data.indexPyramid, scale: 1)
        if let indexAxis = ValueAxis(extent: index.extent(in: viewport.range), log: false, positions: canvas.dotHeight) {
            index.draw(on: &canvas, days: days, values: indexAxis, style: theme.indexStyle)
        }
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        drawRule(row: zero / state.glyphs.dotsPerRow, in: plot, canvas: canvas, style: theme.axisStyle, unicode: unicode, buffer: &buffer)
        for value in axis.ticks(maxCount: max(2, plot.height / 2)) {
            let row = axis.position(of: value) / state.glyphs.dotsPerRow
            guard row >= 0, row < plot.height else { continue }
            buffer.write(billions(value).replacingOccurrences(of: ".00", with: ""), x: labels.x, y: plot.y + row,
                         style: theme.axisStyle, clip: labels)
        }
        let cells = DayAxis(range: viewport.range, positions: plot.width)
        drawCursorColumn(cells.position(of: viewport.cursor), in: plot, canvas: canvas, state: state, buffer: &buffer)
        drawPressFigures(figures, axis: axis, cells: cells, plot: plot, viewport: viewport, mark: mark, buffer: &buffer)
        if axisRow.width > 0 {
            PanelDates.drawAxis(y: axisRow.y, plot: Rect(x: plot.x, y: plot.y, width: plot.width, height: plot.height),
                                range: viewport.range, cursor: viewport.cursor, state: state, buffer: &buffer)
        }
        PanelDates.writeLines(notes, in: footer, buffer: &buffer)
    }

    /// A press figure at the end of the period it covers; beyond the scale, at the edge with its value.
    private func drawPressFigures(_ figures: [PressFlowFigure], axis: ValueAxis, cells: DayAxis, plot: Rect, viewport: Viewport,
                                  mark: String, buffer: inout Buffer) {
        let style = state.theme.halvingStyle.adding(.bold)
        var taken: [(row: Int, from: Int, to: Int)] = []
        // The largest first, so a smaller figure of the same period moves inward rather than over it.
        for figure in figures.sorted(by: { abs($0.netFlowUSDBillions) > abs($1.netFlowUSDBillions) }) {
            let column = cells.position(of: min(figure.period.upperBound, viewport.range.upperBound))
            guard column >= 0, column < plot.width else { continue }
            let position = axis.position(of: figure.netFlowUSDBillions * 1e9) / state.glyphs.dotsPerRow
            let offScale = position < 0 || position >= plot.height
            let label = offScale ? figure.qualifier.symbol + billions(figure.netFlowUSDBillions * 1e9).replacingOccurrences(of: ".00", with: "") : ""
            let from = column + 1 + label.count <= plot.width ? column : max(0, column - label.count)
            let to = from + label.count
            var row = max(0, min(plot.height - 1, position))
            let inward = position < 0 ? 1 : -1
            while taken.contains(where: { $0.row == row && $0.from <= to && from <= $0.to }), (0..<plot.height).contains(row + inward) {
                row += inward
            }
            taken.append((row, from, to))
            buffer.set(plot.x + column, plot.y + row, mark.unicodeScalars.first!, style: style)
            if offScale {
                let x = from == column ? plot.x + column + 1 : plot.x + from
                buffer.write(label, x: x, y: plot.y + row, style: style, clip: plot)
            }
        }
    }

    /// `Small-cap ETF net flows, monthly · 2025: -$4.2bn across 6 funds` for the cursor's year, longest first.
    private func titles(funds: [(name: String, months: ValueSeries)]) -> [String] {
        let name = "Small-cap ETF net flows, monthly"
        guard let cursor = state.viewport?.cursor, !funds.isEmpty else { return [name, "ETF net flows"] }
        let year = cursor.year
        let range = Day(year: year, month: 1, day: 1)!...Day(year: year, month: 12, day: 31)!
        var total = 0.0, counted = 0
        var months = Set<Int>()
        for fund in funds {
            let inYear = fund.months.indices(in: range)
            guard !inYear.isEmpty else { continue }
            counted += 1
            for i in inYear {
                total += fund.months.values[i]
                months.insert(fund.months.days[i].components.month)
            }
        }
        guard counted > 0, let first = months.min(), let last = months.max() else {
            return [name + " · no flows in \(year)", "ETF flows · none in \(year)"]
        }
        let span = months.count == 12 ? "\(year)" : "\(year) \(DateTicks.monthNames[first - 1])–\(DateTicks.monthNames[last - 1])"
        let sum = "\(span): \(billions(total, decimals: 1)) across \(counted) fund\(counted == 1 ? "" : "s")"
        return [name + " · " + sum, "ETF net flows · " + sum, "ETF flows " + sum, sum]
    }

    /// The readout at the cursor, the latest month and the lag, the Vanguard and press notes: most important
    /// first, each in wordings from long to short.
    private func footerLines(funds: [(name: String, months: ValueSeries)], monthly: ValueSeries, viewport: Viewport,
                             figures: [PressFlowFigure], mark: String, rows: Int) -> [(wordings: [String], style: Style)] {
        let theme = state.theme
        let pointer = state.glyphs.needsUnicode ? "▸ " : "> "
        let (year, month, _) = viewport.cursor.components
        let first = Day(year: year, month: month, day: 1)!
        let latest = monthly.days.last!
        var value: String
        if let i = monthly.days.firstIndex(of: first) {
            let reporting = funds.filter { $0.months.days.contains(first) }.count
            value = "\(billions(monthly.values[i])) across \(reporting) fund\(reporting == 1 ? "" : "s")"
        } else {
            value = first > latest ? "not public yet" : "no flows"
        }
        let head = pointer + String(first.iso.prefix(7)) + ": " + value
        let latestMonth = String(latest.iso.prefix(7))
        // With one row, the latest public month rides on the readout, so the footer still says where the data stop.
        let publicTo = rows == 1 ? " · public to \(latestMonth)" : ""
        var readout = [head + publicTo, head]
        if let i = state.data.index.lastIndex(onOrBefore: viewport.cursor) {
            let rut = " · RUT " + ValueFormat.fixed(state.data.index.closes[i], decimals: 0)
            readout = [head + rut + " (the line, own scale)" + publicTo, head + rut + publicTo, head + publicTo, head]
        }
        var lines: [(wordings: [String], style: Style)] = [(readout, theme.text)]
        lines.append(([
            "latest public month \(latestMonth): N-PORT months come out about 60 days after each fund's fiscal quarter, so later months are missing, not zero",
            "latest public month \(latestMonth) · N-PORT lags ~60 days: later months are missing, not zero",
            "public to \(latestMonth) · N-PORT lags ~60 days: later months not out, not zero",
            "public to \(latestMonth) · N-PORT lags ~60 days; later ones not zero",
            "public to \(latestMonth) · later months not out yet",
        ], theme.dimText))
        let vanguard = funds.map(\.name).filter { ["VB", "VTWO", "VBR", "VBK", "VIOO"].contains($0) }.joined(separator: ", ")
        let press = figures.isEmpty ? nil : "\(mark) press figures (off the scale: at the edge with their value)"
        if !vanguard.isEmpty {
            lines.append(([
                "\(vanguard): Vanguard's N-PORT covers the ETF and mutual-fund shares together" + (press.map { " · " + $0 } ?? ""),
                "\(vanguard): Vanguard's N-PORT covers the ETF and mutual-fund shares together",
                "\(vanguard): Vanguard files ETF and mutual-fund shares as one",
                "\(vanguard): ETF and mutual-fund shares together",
            ], theme.dimText))
        } else if let press {
            lines.append(([press, "\(mark) press figures"], theme.dimText))
        }
        return lines
    }

    /// `IWM` for `flows.iwm`.
    static func fundName(_ id: SeriesID) -> String { id.rawValue.replacingOccurrences(of: "flows.", with: "").uppercased() }
}
