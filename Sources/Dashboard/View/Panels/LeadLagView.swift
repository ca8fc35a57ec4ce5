import Markets
import TermCanvas

/// The correlation panel's second view: r(k) of the index's return on aligned day t and Bitcoin's on t + k, over
/// the whole history and over the range on screen, with the ±1.96/√n band and the lag of the largest |r|.
///
/// The text comes first: when the panel is short only the numbers show, and the plot joins them once there
/// are rows for it (`z` maximises).
struct LeadLagView: Widget {
    let state: AppState

    /// The lead–lag over the range on screen.
    enum Visible {
        /// The range covers the whole history: its numbers are those of the whole.
        case whole
        case computed(LeadLag)
        /// Asked for and not back yet.
        case computing(DayRange)
    }

    /// The lead–lag over the visible range, as derived so far (see `Derivation.leadLag`).
    static func visible(_ state: AppState) -> Visible {
        guard let range = state.leadLagRange else { return .whole }
        return state.data.derived.leadLag(range: range).map(Visible.computed) ?? .computing(range)
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let title = FittedTable.firstText(of: [
            "Lead–lag · r(k) of RUT's daily return on day t and BTC's on day t+k · k > 0: the index leads",
            "Lead–lag · r(k): RUT day t, BTC day t+k · k > 0: index leads",
            "Lead–lag r(k) · k > 0: index leads", "Lead–lag r(k)",
        ], fitting: area.width - 6)
        let inner = PanelChrome(state: state, panel: .correlation).draw(in: area, title: title, buffer: &buffer)
        guard inner.height >= 1, inner.width >= 12 else { return }
        guard let whole = state.data.derived.leadLag(range: nil) else {
            PanelChrome.write([("Computing the lead–lag correlation over the whole history…", theme.dimText)],
                              in: inner, buffer: &buffer)
            return
        }
        let visible = LeadLagView.visible(state)
        let width = inner.width
        let unicode = state.glyphs.needsUnicode
        // Each line starts with the mark of its curve on the plot: the two differ in colour, and without
        // colour the range on screen is bold.
        let (allMark, viewMark) = unicode ? ("━ ", "━ ") : ("-- ", "== ")
        var numbers = [(allMark + LeadLagView.summary("all", whole, width: width - allMark.count, unicode: unicode), theme.indexStyle)]
        switch visible {
        case .whole:
            numbers.append((FittedTable.firstText(of: ["view: the whole history (zoom in for the range on screen)",
                                                       "view: the whole history", "view = all"], fitting: width),
                            theme.dimText))
        case .computed(let part):
            numbers.append((viewMark + LeadLagView.summary("view", part, width: width - viewMark.count, unicode: unicode),
                            theme.bitcoinStyle))
        case .computing(let range):
            numbers.append((FittedTable.firstText(of: [
                "view \(range.lowerBound.iso)\(unicode ? "→" : "..")\(range.upperBound.iso): computing…",
                "view: computing…",
            ], fitting: width), theme.dimText))
        }
        let plotRows = inner.height - numbers.count - 2
        let withPlot = plotRows >= 3
        let note = (withPlot ? "" : "z: plot. ")
            + "k in aligned days; a Monday return includes Bitcoin's weekend. The band is "
            + (unicode ? "±1.96/√n" : "+/-1.96/sqrt(n)") + " at one lag: "
            + "of 61 lags, a few cross it by chance. Not a signal."
        var lines = numbers
        lines += PanelChrome.wrap(note, width: width).map { ($0, theme.dimText) }
        let textRows = min(lines.count, inner.height)
        let (top, bottom) = inner.splitBottom(withPlot ? min(textRows, inner.height - 4) : textRows)
        PanelChrome.write(lines, in: bottom, buffer: &buffer)
        if withPlot || top.height >= 4 {
            var parts = [whole]
            if case .computed(let part) = visible { parts.append(part) }
            drawPlot(parts, in: top, buffer: &buffer)
        }
    }

    /// The largest |r| with its lag and band, over what the numbers were computed on; fitted to a width.
    static func summary(_ label: String, _ leadLag: LeadLag, width: Int, unicode: Bool) -> String {
        guard let best = leadLag.strongest, let days = leadLag.days else {
            return "\(label): too few returns for a correlation"
        }
        let k = best.lag > 0 ? "+\(best.lag)" : "\(best.lag)"
        let r = CorrelationPanel.format(best.correlation)
        let band = ValueFormat.fixed(best.band, decimals: 3, grouped: false)
        let pm = unicode ? "±" : "+/-"
        let n = grouped(leadLag.returnCount)
        let span = "\(days.lowerBound.iso)\(unicode ? "→" : "..")\(days.upperBound.iso)"
        return FittedTable.firstText(of: [
            "\(label) \(span) · \(n) returns · largest |r| at k = \(k): \(r) · band \(pm)\(band)",
            "\(label) \(span), \(n) returns: max |r| k=\(k) \(r), band \(pm)\(band)",
            "\(label) \(span), n=\(n): max |r| k=\(k) \(r), band \(pm)\(band)",
            "\(label) \(span) n=\(n): k=\(k) \(r) \(pm)\(band)",
            "\(label) \(n) returns: max |r| k=\(k) \(r), band \(pm)\(band)",
            "\(label): k=\(k) \(r) \(pm)\(band)",
        ], fitting: width)
    }

    /// r(k) against k, the whole history first and the range on screen over it, between the band's rules.
    private func drawPlot(_ parts: [LeadLag], in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let (plotArea, axisRow) = area.splitBottom(1)
        let (labels, plot) = plotArea.splitLeft(6)
        guard plot.height >= 2, plot.width >= 10, let whole = parts.first else { return }
        let maxLag = whole.maxLag
        var canvas = PlotCanvas(columns: plot.width, rows: plot.height, glyphs: state.glyphs)
        let lags = DayAxis(range: Day(rawValue: 0)...Day(rawValue: Int32(2 * maxLag)), positions: canvas.dotWidth)
        let band = whole.point(lag: 0)?.band ?? .nan
        let values = parts.flatMap { $0.points.map(\.correlation) }.filter { !$0.isNaN }
        let reach = band.isNaN ? 0.05 : band
        let low = max(-1, min(values.min() ?? 0, -reach) * 1.15), high = min(1, max(values.max() ?? 0, reach) * 1.15)
        guard let axis = ValueAxis(extent: (low, high), log: false, positions: canvas.dotHeight, padding: 0)
        else { return }
        for (i, part) in parts.enumerated() {
            let days = part.points.map { Day(rawValue: Int32($0.lag + maxLag)) }
            let values = part.points.map(\.correlation)
            SeriesPlotter(days: days, values: values, pyramid: MinMaxPyramid(values))
                .draw(on: &canvas, days: lags, values: axis, style: i == 0 ? theme.indexStyle : theme.bitcoinStyle)
        }
        canvas.render(into: &buffer, at: (plot.x, plot.y))
        let unicode = state.glyphs.needsUnicode
        let dotsPerRow = state.glyphs.dotsPerRow
        drawRule(row: axis.position(of: 0) / dotsPerRow, in: plot, canvas: canvas, style: theme.axisStyle,
                 unicode: unicode, buffer: &buffer)
        if !band.isNaN {
            for value in [band, -band] {
                drawRule(row: axis.position(of: value) / dotsPerRow, in: plot, canvas: canvas,
                         style: theme.halvingStyle, unicode: unicode, buffer: &buffer)
            }
        }
        let zeroRow = axis.position(of: 0) / dotsPerRow
        if zeroRow > 0 {
            buffer.write(String(CorrelationPanel.format(high).dropLast()), x: labels.x, y: plot.y, style: theme.axisStyle, clip: labels)
        }
        buffer.write("  0", x: labels.x, y: plot.y + zeroRow, style: theme.axisStyle, clip: labels)
        if zeroRow < plot.height - 1 {
            buffer.write(String(CorrelationPanel.format(low).dropLast()), x: labels.x, y: plot.maxY - 1,
                         style: theme.axisStyle, clip: labels)
        }
        // Lags under the plot, every ten.
        let cells = DayAxis(range: lags.range, positions: plot.width)
        var nextFree = plot.x
        for lag in stride(from: -(maxLag / 10) * 10, through: maxLag, by: 10) {
            let label = lag > 0 ? "+\(lag)" : "\(lag)"
            let n = label.count
            let x = min(max(plot.x + cells.position(of: Day(rawValue: Int32(lag + maxLag))) - n / 2, plot.x), plot.maxX - n)
            guard x >= nextFree else { continue }
            nextFree = buffer.write(label, x: x, y: axisRow.y, style: theme.axisStyle, clip: axisRow) + 1
        }
        buffer.write("k", x: labels.x, y: axisRow.y, style: theme.axisStyle, clip: axisRow)
    }
}

private func grouped(_ n: Int) -> String { ValueFormat.groupedDigits(UInt64(max(0, n))) }
