import Markets
import TermCanvas

/// The share of Russell 2000 companies with negative trailing-twelve-month net income, by quarter, with the
/// counts behind the cursor's quarter and press figures as separate points.
struct LossSharePanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let share = state.data.analysis.lossShare
        let coverage = state.data.lossShareCoverage
        let source = share.isEmpty ? "" : (coverage.isComputed ? " · SEC filings" : " · imported series")
        let titles = ["Russell 2000 companies with negative trailing-12-month net income · % by quarter" + source,
                      "Russell 2000 companies losing money over 12 months, %" + source,
                      "R2000 loss-making share (12-month net income < 0)" + source,
                      "R2000 loss-making share" + source, "Loss-making share"]
        let inner = PanelChrome(state: state, panel: .lossShare)
            .draw(in: area, title: PanelDates.title(titles, frameWidth: area.width), buffer: &buffer)
        guard inner.height >= 2, inner.width >= 20, let viewport = state.viewport else { return }
        let unicode = state.glyphs.needsUnicode
        let mark = unicode ? "◆" : "*"
        let figures = PressFigures.lossShare.filter { viewport.range.contains($0.asOf) }
        guard !share.isEmpty else {
            var lines: [(String, Style)] = [
                ("No loss-making share in the store. Compute it from SEC filings, or import one:", theme.dimText),
                ("  resonance fetch --fundamentals", theme.cursorStyle),
                ("  resonance import loss_share.csv --loss-share   (date,share_pct)", theme.cursorStyle),
            ]
            let used = lines.reduce(0) { $0 + PanelChrome.wrap($1.0, width: inner.width).count }
            if !figures.isEmpty, inner.height - used >= 2 {
                lines.append(("Reported in the press (definitions differ; not a series):", theme.dimText))
                lines += figures.map { ("\(mark) \($0.label)", theme.halvingStyle) }
            }
            PanelChrome.write(lines, in: inner, buffer: &buffer)
            return
        }
        let available = max(1, inner.height - 4)
        let notes = footerLines(viewport: viewport, figures: figures, mark: mark, rows: available)
        let footerRows = min(notes.count, available)
        let (body, footer) = inner.splitBottom(footerRows)
        let (chart, axisRow) = body.height >= 4 ? body.splitBottom(1) : (body, Rect(x: body.x, y: body.maxY, width: 0, height: 0))
        let (labels, plot) = chart.splitLeft(4)
        guard plot.height >= 1, plot.width >= 4 else { return }
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        guard let axis = ValueAxis(extent: (0, 100), log: false, positions: canvas.dotHeight, padding: 0) else { return }
        let days = DayAxis(range: viewport.range, positions: canvas.dotWidth)
        SeriesPlotter(days: share.days, values: share.values, pyramid: state.data.analysis.lossSharePyramid)
            .draw(on: &canvas, days: days, values: axis, style: theme.negativeStyle)
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        for value in plot.height >= 3 ? [0.0, 50, 100] : [0.0, 100] {
            let row = axis.position(of: value) / state.glyphs.dotsPerRow
            buffer.write(ValueFormat.compact(value) + "%", x: labels.x, y: plot.y + max(0, min(plot.height - 1, row)),
                         style: theme.axisStyle, clip: labels)
        }
        let cells = DayAxis(range: viewport.range, positions: plot.width)
        drawCursorColumn(cells.position(of: viewport.cursor), in: plot, canvas: canvas, state: state, buffer: &buffer)
        for figure in figures {
            let row = axis.position(of: figure.sharePercent) / state.glyphs.dotsPerRow
            let column = cells.position(of: figure.asOf)
            guard column >= 0, column < plot.width else { continue }
            buffer.set(plot.x + column, plot.y + max(0, min(plot.height - 1, row)),
                       mark.unicodeScalars.first!, style: theme.halvingStyle.adding(.bold))
        }
        if axisRow.width > 0 {
            PanelDates.drawAxis(y: axisRow.y, plot: plot, range: viewport.range, cursor: viewport.cursor, state: state, buffer: &buffer)
        }
        PanelDates.writeLines(notes, in: footer, buffer: &buffer)
    }

    /// The cursor quarter's share and counts, where its constituents come from, and the press figures: most
    /// important first, each in wordings from long to short.
    ///
    /// With one row only, the share and its counts share it.
    private func footerLines(viewport: Viewport, figures: [PressLossShareFigure], mark: String,
                             rows: Int) -> [(wordings: [String], style: Style)] {
        let theme = state.theme
        let share = state.data.analysis.lossShare
        let pointer = state.glyphs.needsUnicode ? "▸ " : "> "
        guard let i = share.days.lastIndex(where: { $0 <= viewport.cursor }) else {
            return [([pointer + "\(viewport.cursor.iso): before the first quarter (\(share.days[0].iso))"], theme.text)]
        }
        let head = pointer + "\(share.days[i].iso): \(ValueFormat.fixed(share.values[i], decimals: 1))%"
        var lines: [(wordings: [String], style: Style)] = []
        if let counts = state.data.lossShareCoverage.counts(onOrBefore: viewport.cursor), counts.quarterEnd == share.days[i] {
            let single = counts.quarterSharePercent.map { ValueFormat.fixed($0, decimals: 1) + "%" }
            lines.append(([head + " lost money over 12 months" + (single.map { " · \($0) in the quarter alone" } ?? ""),
                           head + " loss-making (12 months)" + (single.map { " · \($0) in the quarter" } ?? ""),
                           head + " (12 months)" + (single.map { ", quarter \($0)" } ?? ""), head], theme.text))
            let loss = counts.lossMaking.map { grouped($0) }
            let (total, matched, reported) = (grouped(counts.constituents), grouped(counts.matched), grouped(counts.reported))
            lines.append(([
                "\(total) constituents, \(matched) matched to SEC filers, \(reported) with four quarters reported" + (loss.map { ", \($0) loss-making" } ?? ""),
                "\(total) constituents · \(matched) matched · \(reported) with 4 quarters" + (loss.map { " · \($0) losing" } ?? ""),
                "\(total) in · \(matched) matched · \(reported) reported" + (loss.map { " · \($0) losing" } ?? ""),
            ], theme.text))
            if rows == 1 {
                let short = head + " (12 months)"
                let backwards = counts.appliedBackwardsFrom.map { " · holdings of \($0.iso) applied backwards" } ?? ""
                return [([short + " · \(matched) of \(total) matched, \(reported) reported" + (loss.map { ", \($0) losing" } ?? "") + backwards,
                          short + " · \(matched) of \(total) matched, \(reported) reported" + (loss.map { ", \($0) losing" } ?? ""),
                          short + " · \(reported) reported" + (loss.map { ", \($0) losing" } ?? ""), short], theme.text)]
            }
            if let from = counts.appliedBackwardsFrom {
                lines.append((["constituents of \(from.iso), IWM's earliest N-PORT, applied backwards (survivorship)",
                               "IWM's holdings of \(from.iso) applied backwards", "holdings of \(from.iso) applied backwards"], theme.dimText))
            } else {
                lines.append((["constituents: IWM's holdings at that quarter's end (point in time)",
                               "IWM's holdings at the quarter's end (point in time)", "point-in-time constituents"], theme.dimText))
            }
        } else {
            lines.append(([head + " loss-making", head], theme.text))
        }
        if !figures.isEmpty {
            lines.append((["\(mark) press: " + figures.map(\.label).joined(separator: "; "), "\(mark) press figures"], theme.dimText))
        }
        return lines
    }

    private func grouped(_ n: Int) -> String { ValueFormat.groupedDigits(UInt64(max(0, n))) }
}
