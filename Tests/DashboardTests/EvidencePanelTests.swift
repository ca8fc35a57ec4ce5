import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

/// The text of the rows inside a panel's frame, one string per row.
private func panelRows(_ state: AppState, _ panel: Panel) -> [String] {
    let buffer = view(state, size: state.size)
    let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
    guard let frame = layout.panels.first(where: { $0.panel == panel })?.rect else { return [] }
    return (frame.minY + 1..<frame.maxY - 1).map { y in
        String(Array(buffer.line(y).unicodeScalars)[(frame.minX + 1)..<(frame.maxX - 1)].map(Character.init))
    }
}

/// A panel's rows as one line of words, so wrapped sentences read whole.
private func flat(_ rows: [String]) -> String {
    rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
}

/// Every line the aftermath panel shows over all its scroll positions, with the largest scroll reached.
private func allAftermathLines(_ state: AppState) -> (lines: Set<String>, scrolls: Int) {
    var state = state
    var lines = Set(panelRows(state, .aftermath))
    var scrolls = 0
    for _ in 0..<60 {
        let before = state.panels.scroll
        state.type("j")
        if state.panels.scroll == before { break }
        scrolls += 1
        lines.formUnion(panelRows(state, .aftermath))
    }
    return (lines, scrolls)
}

@Suite("The evidence on screen: base rates, halving cycle, lead–lag")
struct EvidencePanelTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 160, height: 45),
                        Size(width: 200, height: 50), Size(width: 60, height: 16)]

    /// The aftermath panel focused (shown at every size), optionally maximised or in its second view.
    private func aftermathState(_ size: Size, maximised: Bool = false, secondView: Bool = false) -> AppState {
        var state = Fixtures.state(size: size)
        state.send([.key(.tab), .key(.tab)])
        if maximised { state.type("z") }
        if secondView { state.type("v") }
        state.deriveNow()
        return state
    }

    @Test("the aftermath panel asks for its base rates off the loop and shows the returns meanwhile")
    func baseRatesAreDerived() throws {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        // Not on screen at 80x24 until focused: nothing asked.
        #expect(!jobs(state.send([.resize(state.size)])).contains { $0.derivation == .baseRates })
        let asked = jobs(state.send([.key(.tab), .key(.tab)]))
        #expect(asked.map(\.derivation) == [.baseRates])
        state.type("z")
        let waiting = flat(panelRows(state, .aftermath))
        #expect(waiting.contains("Computing the base rates"))
        #expect(!waiting.contains("% p"))
        let first = try #require(Fixtures.demo.analysis.aftermath[.high]?.episodes.first)
        #expect(waiting.contains(first.breakout.day.iso))
        state.send(asked.map { $0.run() })
        let answered = flat(panelRows(state, .aftermath))
        #expect(!answered.contains("Computing"))
        #expect(answered.contains("all days"))
    }

    @Test("the aftermath table never drops a row: what does not fit is one j away, under a mark", arguments: sizes)
    func noRowDropped(size: Size) throws {
        let aftermath = try #require(Fixtures.demo.analysis.aftermath[.high])
        try #require(aftermath.episodeCount >= 2)
        for maximised in [false, true] {
            for secondView in [false, true] {
                let state = aftermathState(size, maximised: maximised, secondView: secondView)
                // Below 110x34 less 20 rows, the layout shows no panel under the chart; z still shows it.
                if !maximised, size.height < 20 { continue }
                let first = panelRows(state, .aftermath).joined(separator: "\n")
                let (lines, scrolls) = allAftermathLines(state)
                let text = lines.joined(separator: "\n") + flat(Array(lines))
                for episode in aftermath.episodes {
                    #expect(text.contains(episode.breakout.day.iso), "\(size) max \(maximised) v \(secondView)")
                }
                if !secondView {
                    for label in ["median", "all days", "% up", "Base:", "overlap"] {
                        #expect(text.contains(label), "\(label) at \(size) max \(maximised)")
                    }
                }
                #expect(text.contains("not a signal"))
                // Lines beyond the frame are announced, never dropped silently.
                #expect((scrolls > 0) == first.contains(" more"), "\(size) max \(maximised) v \(secondView)")
            }
        }
    }

    @Test("the header of the aftermath table sits over its values at every width", arguments: sizes)
    func headerAligned(size: Size) throws {
        for maximised in [false, true] where maximised || size.height >= 20 {
            let rows = panelRows(aftermathState(size, maximised: maximised), .aftermath)
            let h = try #require(rows.firstIndex { $0.contains("+30d") && $0.contains("+365d") })
            let header = Array(rows[h].unicodeScalars), values = Array(rows[h + 1].unicodeScalars)
            for label in ["+30d", "+90d", "+180d", "+365d"] {
                let end = try #require(rows[h].range(of: label)).upperBound
                let column = rows[h].unicodeScalars.distance(from: rows[h].unicodeScalars.startIndex, to: end)
                // Right-aligned: the value's last character is under the label's last character.
                #expect(column <= values.count && values[column - 1] != " ", "\(label) at \(size)")
                #expect(column == values.count || values[column] == " ", "\(label) at \(size)")
                #expect(header.count >= column)
            }
        }
    }

    @Test("the percentiles and base rates on screen are those of the base-rate computation")
    func percentilesOnScreen() throws {
        let state = aftermathState(Size(width: 200, height: 50), maximised: true)
        let text = panelRows(state, .aftermath).joined(separator: "\n")
        let data = Fixtures.demo
        let evidence = try #require(AftermathEvidence.measure(data.analysis.aftermath, index: data.index,
                                                              bitcoin: data.bitcoin)[.high])
        let aftermath = try #require(Fixtures.demo.analysis.aftermath[.high])
        let p = try #require(evidence.bitcoin[0].percentiles[0])
        let r = try #require(aftermath.episodes[0].bitcoinReturns[0])
        let rank = ValueFormat.fixed(p, decimals: 0)
        #expect(text.contains(ValueFormat.percent(r) + " p" + (rank.count < 2 ? " " : "") + rank))
        let median = try #require(evidence.index[3].median)
        #expect(text.contains(ValueFormat.percent(median)))
        #expect(text.contains("start days from"))
    }

    @Test("v on the aftermath panel shows each breakout's day since its halving and the other cycles")
    func halvingCycleView() throws {
        let state = aftermathState(Size(width: 120, height: 40), maximised: true, secondView: true)
        let text = panelRows(state, .aftermath).joined(separator: "\n")
        let confound = try #require(Fixtures.demo.analysis.confound[.high])
        let row = try #require(confound.rows.first { $0.daysSinceHalving != nil })
        let line = try #require(text.split(separator: "\n").first { $0.contains(row.breakout.day.iso) })
        #expect(line.contains(" \(row.daysSinceHalving!) "))
        #expect(line.contains("\(row.halving!.day.year)*"))
        #expect(text.contains("same day since their halving"))
    }

    /// The derivation jobs among some commands.
    private func jobs(_ commands: [Cmd]) -> [DerivationJob] {
        commands.compactMap { if case .derive(let job) = $0 { return job } else { return nil } }
    }

    @Test("v switches the correlation panel to lead–lag: the whole history, then the zoomed range, with n and the band")
    func leadLagView() throws {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        #expect(state.data.derived.leadLag(range: nil) == nil)
        let asked = jobs(state.type("v"))
        // update computes nothing: it asks, and the panel says it is computing.
        #expect(asked.map(\.derivation) == [.leadLag(range: nil)])
        #expect(flat(panelRows(state, .correlation)).contains("Computing the lead–lag"))
        state.send(asked.map { $0.run() })
        let whole = try #require(state.data.derived.leadLag(range: nil))
        var text = flat(panelRows(state, .correlation))
        #expect(text.contains("all "))
        #expect(text.contains(ValueFormat.groupedDigits(UInt64(whole.returnCount)) + " returns"))
        #expect(text.contains("view: the whole history"))
        #expect(text.contains("Not a signal."))

        let zoomed = jobs(state.type("Y"))
        let range = state.viewport!.range
        #expect(zoomed.map(\.derivation) == [.leadLag(range: range)])
        #expect(flat(panelRows(state, .correlation)).contains("computing"))
        // One range at a time: a pan while it is computed asks for nothing more.
        #expect(jobs(state.type("h")).isEmpty)
        #expect(state.viewport!.range != range)
        // Its answer arrives; the range now on screen is asked for next, and the old range's answer is not kept.
        let next = jobs(state.send(zoomed.map { $0.run() }))
        let panned = state.viewport!.range
        #expect(next.map(\.derivation) == [.leadLag(range: panned)])
        state.send(next.map { $0.run() })
        #expect(state.data.derived.leadLag(range: range) == nil)
        let part = try #require(state.data.derived.leadLag(range: panned))
        #expect(part == LeadLag(Fixtures.demo.index, Fixtures.demo.bitcoin, maxLag: 30, range: panned))
        text = flat(panelRows(state, .correlation))
        #expect(part.returnCount < whole.returnCount)
        #expect(text.contains("view "))
        #expect(text.contains(ValueFormat.groupedDigits(UInt64(part.returnCount)) + " returns"))
        state.type("z")
        text = flat(panelRows(state, .correlation))
        #expect(text.contains("+10") && text.contains("-30"))
        state.type("v")
        #expect(panelRows(state, .correlation).joined().contains("r(90d)"))
    }

    @Test("v on a panel without a second view, and j where nothing scrolls, say so")
    func keysSayWhenTheyDoNothing() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        state.send([.key(.tab)])
        state.type("v")
        #expect(state.notice?.contains("correlation or aftermath") == true)
        #expect(state.panels.secondView.isEmpty)
        state.type("j")
        #expect(state.notice?.contains("nothing to scroll") == true)
        #expect(state.panels.scroll == 0)
        state.send([.key(.tab)])
        state.type("jjk")
        #expect(state.panels.scroll == 1)
        state.send([.key(.tab)])
        #expect(state.panels.scroll == 0)
    }

    @Test("the correlation readout is never cut mid-word and the panel has a date axis", arguments: sizes)
    func correlationReadout(size: Size) throws {
        var state = Fixtures.state(size: size)
        if size.height < 20 { state.type("z") }
        let rows = panelRows(state, .correlation)
        let readout = try #require(rows.last { $0.contains("r(90d) =") })
        let trimmed = readout.trimmingCharacters(in: .whitespaces)
        let endings = ["weekend", "r(90d) = " + trimmed.split(separator: " ").last!]
        #expect(endings.contains { trimmed.hasSuffix($0) }, "\(size): \(trimmed)")
        let ticks = DateTicks.ticks(in: state.viewport!.range, maxCount: 20).map(\.label)
        #expect(rows.contains { row in ticks.contains { row.contains($0) } }, "\(size)")
    }

    @Test("the new keys are in the help")
    func helpListsTheKeys() {
        let keys = KeyMap.helpLines.map(\.keys)
        #expect(keys.contains("v") && keys.contains("j k"))
    }
}
