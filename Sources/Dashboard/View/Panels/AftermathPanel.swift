import Markets
import TermCanvas

/// What Bitcoin and the index did 30, 90, 180 and 365 days after each breakout, with how few episodes there are.
struct AftermathPanel: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let basisName = state.basis == .high ? "daily high" : "close"
        let inner = PanelChrome(state: state, panel: .aftermath)
            .draw(in: area, title: "After each breakout (\(basisName) basis) · return since the breakout day", buffer: &buffer)
        guard inner.height >= 2, inner.width >= 20 else { return }
        guard let aftermath = state.data.analysis.aftermath[state.basis], aftermath.episodeCount > 0 else {
            PanelChrome.write([("No index breakout in the data on this basis (b switches basis).", theme.dimText)],
                              in: inner, buffer: &buffer)
            return
        }
        let horizons = aftermath.horizons
        let inView = state.viewport?.range
        func cells(_ values: [Double?]) -> String {
            values.map { percentOrDash($0).padding(toLength: 8, leftAligned: false) }.joined(separator: " ")
        }
        var lines: [(String, Style)] = []
        let header = "breakout          " + horizons.map { "+\($0)d".padding(toLength: 8, leftAligned: false) }.joined(separator: " ")
        lines.append((header, theme.axisStyle))
        for episode in aftermath.episodes {
            let style = inView?.contains(episode.breakout.day) == false ? theme.dimText : theme.text
            lines.append(("\(episode.breakout.day.iso) BTC  " + cells(episode.bitcoinReturns), style))
            lines.append(("           RUT  " + cells(episode.indexReturns), style))
        }
        func summary(_ list: [ReturnSummary]) -> String {
            list.map { s in
                (s.median.map { ValueFormat.percent($0) } ?? "—").padding(toLength: 8, leftAligned: false)
            }.joined(separator: " ")
        }
        lines.append(("median     BTC  " + summary(aftermath.bitcoinSummary), theme.bitcoinStyle))
        lines.append(("           RUT  " + summary(aftermath.indexSummary), theme.indexStyle))
        // The caveat always shows: it is the bottom line, and the table gives way above it.
        let n = aftermath.episodeCount
        let caveat = "n = \(n) episode\(n == 1 ? "" : "s"): far too few to prove anything. Past returns, not a signal."
            + " — : that day is still ahead."
        let caveatLines = PanelChrome.wrap(caveat, width: inner.width)
        let (table, footer) = inner.splitBottom(min(caveatLines.count, max(1, inner.height - 1)))
        PanelChrome.write(lines, in: table, buffer: &buffer)
        PanelChrome.write([(caveat, theme.text.adding(.bold))], in: footer, buffer: &buffer)
    }
}
