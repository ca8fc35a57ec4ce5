import Markets
import TermCanvas

/// What Bitcoin and the index did 30, 90, 180 and 365 days after each breakout, against every day's return,
/// with how few episodes there are; `v` shows instead where each breakout fell in its halving cycle.
///
/// The table never loses a row: it takes the widest layout that fits, and when its lines outnumber the panel's
/// rows it scrolls (`j` `k`) with a mark saying how many lines are above and below.
struct AftermathPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let confound = state.panels.showsSecondView(.aftermath)
        let basis = state.basis == .high ? "daily high" : "close"
        let titles = confound
            ? ["Breakouts in the halving cycle · Bitcoin from the same day since each halving · \(basis) basis",
               "Breakouts in the halving cycle · \(basis) basis", "Breakouts in the halving cycle", "Halving cycle"]
            : ["After each breakout (\(basis) basis) · return since the breakout day, pNN its percentile",
               "After each breakout (\(basis) basis) · returns, percentiles", "After each breakout (\(basis) basis)",
               "After each breakout"]
        let inner = PanelChrome(state: state, panel: .aftermath)
            .draw(in: area, title: FittedTable.firstText(of: titles, fitting: area.width - 6), buffer: &buffer)
        guard inner.height >= 2, inner.width >= 20 else { return }
        guard let content = AftermathPanel.content(state, width: inner.width) else {
            PanelChrome.write([("No index breakout in the data on this basis (b switches basis).", theme.dimText)],
                              in: inner, buffer: &buffer)
            return
        }
        let footer = PanelChrome.wrap(content.footer, width: inner.width)
        let (body, bottom) = inner.splitBottom(min(footer.count, max(1, inner.height - 1)))
        let window = AftermathPanel.scrollWindow(lines: content.lines.count, rows: body.height,
                                                 scroll: state.panels.focused == .aftermath ? state.panels.scroll : 0)
        for (row, line) in content.lines[window.shown].enumerated() {
            buffer.write(line.0, x: body.x, y: body.y + row, style: line.1, clip: body)
        }
        if let mark = window.mark(unicode: state.glyphs.needsUnicode, width: body.width) {
            buffer.write(mark, x: body.x, y: body.maxY - 1, style: theme.cursorStyle, clip: body)
        }
        PanelChrome.write(footer.map { ($0, theme.text.adding(.bold)) }, in: bottom, buffer: &buffer)
    }

    /// Lines of the focused aftermath panel that do not fit its frame: how far `j` can scroll. Zero for the other
    /// panels and when everything shows.
    static func hiddenLines(_ state: AppState) -> Int {
        guard state.panels.focused == .aftermath, Layout.fits(state.size) else { return 0 }
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        guard let frame = layout.panels.first(where: { $0.panel == .aftermath }) else { return 0 }
        let inner = frame.rect.inset(top: 1, left: 1, bottom: 1, right: 1)
        guard inner.height >= 2, let content = content(state, width: inner.width) else { return 0 }
        let footer = min(PanelChrome.wrap(content.footer, width: inner.width).count, max(1, inner.height - 1))
        let rows = inner.height - footer
        guard content.lines.count > rows else { return 0 }
        // With the mark on the last row, rows - 1 lines show at a time.
        return content.lines.count - max(1, rows - 1)
    }

    // MARK: - Scrolling

    /// Which lines show for a scroll position, and the mark that says what is hidden.
    struct ScrollWindow {
        var shown: Range<Int>
        var above: Int
        var below: Int

        /// The mark for the last row, nil when every line shows.
        func mark(unicode: Bool, width: Int) -> String? {
            guard above > 0 || below > 0 else { return nil }
            var parts: [String] = []
            if above > 0 { parts.append("\(unicode ? "▲" : "--") \(above) above") }
            if below > 0 { parts.append("\(unicode ? "▼" : "--") \(below) more") }
            let counts = parts.joined(separator: " · ")
            return FittedTable.firstText(of: [counts + " · j k scroll, z maximise", counts + " · j k scroll", counts],
                                         fitting: width)
        }
    }

    /// The lines to show in `rows` rows when scrolled down `scroll` lines; the last row holds the mark when
    /// the lines do not all fit.
    static func scrollWindow(lines: Int, rows: Int, scroll: Int) -> ScrollWindow {
        guard lines > rows else { return ScrollWindow(shown: 0..<lines, above: 0, below: 0) }
        let visible = max(0, rows - 1)
        let start = min(max(0, scroll), lines - visible)
        return ScrollWindow(shown: start..<start + visible, above: start, below: lines - start - visible)
    }

    // MARK: - Content

    /// The panel's text: the table and its notes, which scroll, and the footer that always shows.
    struct Content {
        var lines: [(String, Style)]
        var footer: String
    }

    /// The returns table or the halving-cycle table for the basis in use, fitted to a width; nil without breakouts.
    static func content(_ state: AppState, width: Int) -> Content? {
        guard let aftermath = state.data.analysis.aftermath[state.basis], aftermath.episodeCount > 0,
              let confound = state.data.analysis.confound[state.basis]
        else { return nil }
        // Nil while the base rates are being computed (`Derivation.baseRates`): the returns show meanwhile.
        let evidence = state.data.derived.baseRates?[state.basis]
        let n = aftermath.episodeCount
        let episodes = "\(n) breakout\(n == 1 ? "" : "s")"
        let footer = FittedTable.firstText(of: [
            "n = \(episodes): far too few to prove anything. Past returns, not a signal.",
            "n = \(episodes): too few to prove anything; not a signal.",
            "n = \(n): proves nothing; not a signal.",
        ], fitting: width)
        let notes: [String]
        let table: FittedTable
        if state.panels.showsSecondView(.aftermath) {
            table = FittedTable.first(of: confoundLayouts(state, aftermath, confound), fitting: width)
            notes = confoundNotes(confound)
        } else {
            table = FittedTable.first(of: returnLayouts(state, aftermath, evidence), fitting: width)
            notes = returnNotes(state, evidence)
        }
        var lines = table.lines
        for note in notes {
            lines += PanelChrome.wrap(note, width: width).map { ($0, state.theme.dimText) }
        }
        return Content(lines: lines, footer: footer)
    }

    // MARK: - The returns table

    /// The returns table in three layouts, widest first: percentiles beside one-decimal returns, beside whole
    /// percents, and on rows of their own.
    static func returnLayouts(_ state: AppState, _ aftermath: BreakoutAftermath, _ evidence: AftermathEvidence?)
        -> [() -> FittedTable] {
        [{ returnTable(state, aftermath, evidence, decimals: 1, percentileRows: false) },
         { returnTable(state, aftermath, evidence, decimals: 0, percentileRows: false) },
         { returnTable(state, aftermath, evidence, decimals: 0, percentileRows: true) }]
    }

    private static func returnTable(_ state: AppState, _ aftermath: BreakoutAftermath, _ evidence: AftermathEvidence?,
                                    decimals: Int, percentileRows: Bool) -> FittedTable {
        let theme = state.theme
        let inView = state.viewport?.range
        func percent(_ value: Double?) -> String {
            value.map { ValueFormat.percent($0, decimals: decimals) } ?? "—"
        }
        // Two digits wide (p 7, p68), so the returns above each other line up at their % signs.
        func rank(_ p: Double?) -> String { p.map { "p" + ValueFormat.fixed($0, decimals: 0).padding(toLength: 2, leftAligned: false) } ?? "" }
        let percentileRows = percentileRows && evidence != nil
        func cells(_ returns: [Double?], _ rates: [BaseRate]?, episode: Int) -> [String] {
            returns.indices.map { h in
                let p = rates?[h].percentiles[episode]
                return percentileRows || returns[h] == nil || p == nil ? percent(returns[h])
                    : percent(returns[h]) + " " + rank(p)
            }
        }
        var rows = [FittedTable.Row(cells: ["breakout", ""] + aftermath.horizons.map { "+\($0)d" }, style: theme.axisStyle)]
        for (e, episode) in aftermath.episodes.enumerated() {
            let style = inView?.contains(episode.breakout.day) == false ? theme.dimText : theme.text
            rows.append(.init(cells: [episode.breakout.day.iso, "BTC"] + cells(episode.bitcoinReturns, evidence?.bitcoin, episode: e),
                              style: style))
            if percentileRows, let evidence {
                rows.append(.init(cells: ["", "pct"] + evidence.bitcoin.map { rank($0.percentiles[e]) }, style: theme.dimText))
            }
            rows.append(.init(cells: ["", "RUT"] + cells(episode.indexReturns, evidence?.index, episode: e), style: style))
            if percentileRows, let evidence {
                rows.append(.init(cells: ["", "pct"] + evidence.index.map { rank($0.percentiles[e]) }, style: theme.dimText))
            }
        }
        rows.append(.init(cells: ["median", "BTC"] + aftermath.bitcoinSummary.map { percent($0.median) }, style: theme.bitcoinStyle))
        rows.append(.init(cells: ["", "RUT"] + aftermath.indexSummary.map { percent($0.median) }, style: theme.indexStyle))
        guard let evidence else { return FittedTable(rows: rows) }
        rows.append(.init(cells: ["all days", "BTC"] + evidence.bitcoin.map { percent($0.median) }, style: theme.bitcoinStyle))
        rows.append(.init(cells: ["", "RUT"] + evidence.index.map { percent($0.median) }, style: theme.indexStyle))
        func share(_ rate: BaseRate) -> String { rate.shareUp.map { ValueFormat.fixed($0 * 100, decimals: 0) + "%" } ?? "—" }
        rows.append(.init(cells: ["% up", "BTC"] + evidence.bitcoin.map(share), style: theme.bitcoinStyle))
        rows.append(.init(cells: ["", "RUT"] + evidence.index.map(share), style: theme.indexStyle))
        return FittedTable(rows: rows)
    }

    /// What the percentiles and the base rates were computed over, and why so many start days say little.
    static func returnNotes(_ state: AppState, _ evidence: AftermathEvidence?) -> [String] {
        guard let evidence else {
            return ["Computing the base rates (every start day's return) for the percentiles…",
                    "— : that day is still ahead. v: where each breakout fell in its halving cycle."]
        }
        func over(_ name: String, _ rates: [BaseRate], _ series: Series) -> String? {
            guard let first = rates.first, let starts = first.starts, let end = series.days.last else { return nil }
            let last = rates.last!
            let counts = rates.count > 1
                ? "\(grouped(first.startCount)) (+\(first.horizon)d) to \(grouped(last.startCount)) (+\(last.horizon)d)"
                : grouped(first.startCount)
            return "\(name) \(counts) start days from \(starts.lowerBound.iso), ends to \(end.iso)"
        }
        let bases = [over("BTC", evidence.bitcoin, state.data.bitcoin), over("RUT", evidence.index, state.data.index)]
            .compactMap { $0 }
        return [
            "pNN: the breakout's return ranked among the returns from every start day (mid-rank percentile). "
                + "all days: their median; % up: share with a gain.",
            "Base: " + (bases.isEmpty ? "no start day with its end in the data" : bases.joined(separator: "; ")) + ". "
                + "Windows from consecutive days overlap, so there are far fewer independent observations than start days.",
            "— : that day is still ahead. v: where each breakout fell in its halving cycle.",
        ]
    }

    // MARK: - The halving-cycle table

    /// The halving-cycle table in two layouts: one-decimal and whole percents.
    static func confoundLayouts(_ state: AppState, _ aftermath: BreakoutAftermath, _ confound: HalvingConfound)
        -> [() -> FittedTable] {
        [{ confoundTable(state, aftermath, confound, decimals: 1) }, { confoundTable(state, aftermath, confound, decimals: 0) }]
    }

    private static func confoundTable(_ state: AppState, _ aftermath: BreakoutAftermath, _ confound: HalvingConfound,
                                      decimals: Int) -> FittedTable {
        let theme = state.theme
        func percent(_ value: Double?) -> String { value.map { ValueFormat.percent($0, decimals: decimals) } ?? "—" }
        var rows = [FittedTable.Row(cells: ["breakout", "day", "cycle"] + confound.horizons.map { "+\($0)d" },
                                    style: theme.axisStyle)]
        for (row, episode) in zip(confound.rows, aftermath.episodes) {
            guard let own = row.halving, let days = row.daysSinceHalving else {
                rows.append(.init(cells: [row.breakout.day.iso, "—", "before H1"] + confound.horizons.map { _ in "" },
                                  style: theme.dimText))
                continue
            }
            rows.append(.init(cells: [row.breakout.day.iso, grouped(days), "\(own.day.year)*"]
                                  + episode.bitcoinReturns.map(percent), style: theme.bitcoinStyle.adding(.bold)))
            for other in row.comparisons {
                rows.append(.init(cells: ["", "", "\(other.halving.day.year)"] + other.returns.map(percent),
                                  style: theme.text))
            }
        }
        return FittedTable(rows: rows)
    }

    /// How to read the halving-cycle table.
    static func confoundNotes(_ confound: HalvingConfound) -> [String] {
        let halvings = HalvingSchedule.known.map(\.day.iso).joined(separator: ", ")
        return [
            "day: days from the halving before the breakout. cycle*: Bitcoin after the breakout itself; "
                + "other cycles: Bitcoin from the same day since their halving (\(halvings)).",
            "Does \"after a breakout\" differ from \"at this point of any cycle\"? With so few cycles, neither proves anything. "
                + "— : before Bitcoin's data or still ahead. v: back to the returns.",
        ]
    }

    private static func grouped(_ n: Int) -> String { ValueFormat.groupedDigits(UInt64(max(0, n))) }
}
