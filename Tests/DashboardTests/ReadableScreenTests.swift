import Foundation
import Markets
import TermCanvas
import Testing
@testable import Dashboard

/// Readable at every size: nothing cut inside a word or a number, what matters given way last.
@Suite("Readable screens")
struct ReadableScreenTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A live state over the demo data (stale by `now`) whose feeds failed with a reason.
    func staleState(width: Int) -> AppState {
        let demo = Fixtures.demo
        var state = AppState(data: MarketData(index: demo.index, bitcoin: demo.bitcoin),
                             size: Size(width: width, height: 24), sourceLabel: "store /home/someone/.local/share/resonance/resonance.sqlite")
        state.live.isAvailable = true
        state.live.isOn = true
        state.live.nextRefresh = now
        let fault = "yahoo: HTTP 503 server error"
        state.send([.tick(now), .fetched(FetchReport(finishedAt: now, data: nil,
                                                     feeds: [.rut: FeedStatus(source: "yahoo", updatedAt: now, fault: fault),
                                                             .btc: FeedStatus(source: "coinbase", updatedAt: now)],
                                                     retryAt: now.addingTimeInterval(30)))])
        return state
    }

    @Test("the status bar keeps both STALE badges and the fault's reason at 80 and 120 columns", arguments: [80, 120])
    func statusBarPriorities(width: Int) {
        let state = staleState(width: width)
        let rows = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)
        let status = String(rows[rows.count - 1])
        #expect(status.contains("RUT STALE") || status.contains("RUT yahoo"), "\(status)")
        #expect(status.components(separatedBy: "STALE").count - 1 == 2, "\(status)")
        #expect(status.contains("! yahoo: HTTP 503 server error"), "\(status)")
        #expect(status.contains("? help"), "\(status)")
    }

    @Test("offline at 80 columns, the status bar still names both stale series and the reason")
    func offlineStatusBar() {
        let demo = Fixtures.demo
        var state = AppState(data: MarketData(index: demo.index, bitcoin: demo.bitcoin), size: Size(width: 80, height: 24),
                             sourceLabel: "store")
        state.live.isAvailable = true
        state.live.nextRefresh = now
        state.send([.tick(now), .fetched(FetchReport(finishedAt: now, data: nil,
                                                     feeds: [.rut: FeedStatus(fault: "yahoo: HTTP 503 server error"),
                                                             .btc: FeedStatus(fault: "coinbase: timed out")],
                                                     retryAt: now.addingTimeInterval(30)))])
        #expect(state.live.isOffline)
        let status = String(view(state, size: state.size).text.split(separator: "\n").last!)
        #expect(status.hasPrefix(" offline · RUT STALE · BTC STALE · ! yahoo: HTTP 503 server error"), "\(status)")
    }

    /// Every panel title on a screen: the text between `┌─ ` and the run of `─` before `┐`.
    static func titles(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") {
            var rest = Substring(line)
            while let start = rest.range(of: "┌─ ") {
                guard let end = rest[start.upperBound...].range(of: "┐") else { break }
                let segment = rest[start.upperBound..<end.lowerBound]
                result.append(String(segment.reversed().drop { $0 == "─" }.reversed()))
                rest = rest[end.upperBound...]
            }
        }
        return result
    }

    @Test("no panel title is cut inside a word, at any size, with every panel in turn at 80x24",
          arguments: [(80, 24), (110, 34), (120, 40), (160, 45), (200, 50)])
    func titlesEndInWholeWords(width: Int, height: Int) {
        var state = Fixtures.state(size: Size(width: width, height: height))
        for _ in 0..<5 {
            let titles = Self.titles(view(state, size: state.size).text)
            #expect(!titles.isEmpty)
            for title in titles {
                // A title ends in a space before the border: whole, or cut with an ellipsis after a whole word.
                #expect(title.hasSuffix(" "), "title runs into the border: '\(title)'")
                let words = title.split(separator: " ")
                if title.contains("…") { #expect(words.last == "…", "'\(title)'") }
            }
            state.send([.key(.tab)])
        }
    }

    @Test("at 80x24 the legend keeps whole numbers, such as Bitcoin's change to one decimal")
    func legendKeepsNumbers() throws {
        let state = Fixtures.state(size: Size(width: 80, height: 24))
        let legend = String(view(state, size: state.size).text.split(separator: "\n")[1])
        let v = try #require(state.viewport)
        let btc = try #require(SeriesReading(state.data.bitcoin, at: v.range.upperBound, base: v.range.lowerBound)?.change)
        let rut = try #require(SeriesReading(state.data.index, at: v.range.upperBound, base: v.range.lowerBound)?.change)
        #expect(legend.contains(ValueFormat.percent(btc)), "\(legend)")
        #expect(legend.contains(ValueFormat.percent(rut)), "\(legend)")
    }

    @Test("the cursor's tick never cuts a year label on the date axis, wherever the cursor is")
    func cursorTickLeavesLabelsWhole() throws {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        var start = try #require(state.viewport)
        start.setCursor(start.bounds.lowerBound)
        state.viewport = start
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        for _ in 0..<layout.plot.width {
            let rows = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)
            let axis = String(rows[layout.plot.maxY])
            let numbers = axis.split { !$0.isNumber }
            #expect(numbers.allSatisfy { $0.count == 4 }, "a year label is cut: \(axis)")
            state.type(".")
        }
    }

    @Test("value-axis labels never repeat, even ten days wide")
    func valueLabelsDistinctAtDeepZoom() throws {
        // Ten days in which both series move about 2.5%: at 200x50 the axis has room for a tick every half
        // point, which compact labels printed as 103, 102, 102, 101, 101, 100.
        let first = Fixtures.day("2014-01-13")
        let days = (0...10).map { first.adding(days: $0) }
        let index = Series(id: .rut, days: days, closes: days.indices.map { 1150 * (1 + 0.0025 * Double($0)) })
        let bitcoin = Series(id: .btc, days: days, closes: days.indices.map { 800 * (1 + 0.0022 * Double($0)) })
        var state = AppState(data: MarketData(index: index, bitcoin: bitcoin), size: Size(width: 200, height: 50))
        for log in [true, false] {
            state.logScale = log
            let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
            let rows = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)
            let labels = rows[layout.plot.minY..<layout.plot.maxY].compactMap { row -> String? in
                let text = String(row.prefix(Layout.axisWidth - 1)).trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            #expect(labels.count >= 4, "\(labels)")
            #expect(Set(labels).count == labels.count, "repeated labels (log \(log)): \(labels)")
        }
    }

    @Test("tick labels that would read the same get the decimals that tell them apart")
    func distinctLabels() {
        let values = [101.0, 101.5, 102.0, 102.5]
        #expect(Set(values.map(ValueFormat.compact)).count < values.count, "compact labels repeat here")
        #expect(ValueAxis.distinctLabels(values) == ["101.0", "101.5", "102.0", "102.5"])
        #expect(ValueAxis.distinctLabels([100, 1_000, 10_000]) == ["100", "1,000", "10k"])
    }

    @Test("without colour in ASCII, Bitcoin is drawn in its own mark and the legend shows it")
    func asciiMarksWithoutColour() throws {
        var state = Fixtures.state(size: Size(width: 120, height: 40), glyphs: .ascii)
        state.theme = state.theme.withoutColor()
        let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
        let rows = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)
        let plot = rows[layout.plot.minY..<layout.plot.maxY].joined()
        #expect(plot.contains("*"))
        #expect(plot.contains(where: { "'-.:|".contains($0) }), "the index keeps its dots")
        #expect(rows[1].contains("** Bitcoin"), "\(rows[1])")
        #expect(rows[1].contains("-- Russell 2000"), "\(rows[1])")
        state.theme = .standard
        let coloured = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!coloured[layout.plot.minY..<layout.plot.maxY].joined().contains("*"))
    }

    @Test("the halving-cycles panel has a days-since axis and reads every cycle at the cursor")
    func cyclesAxisAndReadout() throws {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        while state.panels.focused != .cycles { state.send([.key(.tab)]) }
        let frame = try #require(Layout(size: state.size, mode: state.mode, panels: state.panels).panels.first { $0.panel == .cycles })
        let rows = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)
        let inside = rows[frame.rect.minY..<frame.rect.maxY].map { String($0.dropFirst(frame.rect.x).prefix(frame.rect.width)) }
        let axis = try #require(inside.first { $0.contains("halving") && $0.contains("+1y") }, "\(inside.joined(separator: "\n"))")
        #expect(axis.contains("+2y") && axis.contains("+3y"))
        let readout = try #require(inside.first { $0.contains("day ") && $0.contains(":") })
        #expect(readout.contains("2016 ×") && readout.contains("2020 ×"), "\(readout)")
    }

    @Test("the series never reaches the chart's right border, in either mode")
    func rightBorder() throws {
        for keys in ["", "m"] {
            var state = Fixtures.state(size: Size(width: 120, height: 40))
            state.type(keys)
            let layout = Layout(size: state.size, mode: state.mode, panels: state.panels)
            let buffer = view(state, size: state.size)
            for y in layout.plot.minY..<layout.plot.maxY {
                let c = buffer[layout.plot.maxX, y].scalar
                #expect(c == "│" || c == "├", "row \(y) mode '\(keys)': \(c)")
            }
        }
    }

    @Test("the estimated fifth halving is shown as an estimate at the end of the data")
    func fifthHalving() {
        let state = Fixtures.state(size: Size(width: 200, height: 50))
        let labels = String(view(state, size: state.size).text.split(separator: "\n")[2])
        #expect(labels.contains("H5 ~2028-04 (est.) →"), "\(labels)")
    }

    @Test("Bitcoin's change says since its own first day when its data start after the view")
    func bitcoinSince() throws {
        let demo = Fixtures.demo
        let late = demo.bitcoin.slice(Fixtures.day("2014-09-17")...demo.bitcoin.days.last!)
        let state = AppState(data: MarketData(index: demo.index, bitcoin: late), size: Size(width: 200, height: 50))
        let readout = view(state, size: state.size).text.split(separator: "\n").first { $0.hasPrefix("▸") }.map(String.init) ?? ""
        #expect(readout.contains("since 2014-09-17"), "\(readout)")
        #expect(readout.contains("since 2014-01-02"), "\(readout)")
        let btc = try #require(readout.range(of: "BTC"))
        #expect(readout[btc.upperBound...].contains("since 2014-09-17"))
        // At 80 columns the index's since gives way first, never Bitcoin's late one alone.
        var narrow = state
        narrow.size = Size(width: 80, height: 24)
        let short = view(narrow, size: narrow.size).text.split(separator: "\n").first { $0.hasPrefix("▸") }.map(String.init) ?? ""
        #expect(!short.contains("since 2014-01-02") || short.contains("since 2014-09-17"), "\(short)")
    }

    @Test("a long command on the empty screen wraps with its indent kept")
    func emptyScreenWrapsCommands() {
        let hint = ["resonance import /home/someone/Downloads/russell-2000-daily-history.csv --series rut"]
        let state = AppState(data: .empty, size: Size(width: 60, height: 20), sourceLabel: "store", importHint: hint)
        let rows = view(state, size: state.size).text.split(separator: "\n").map(String.init)
        let first = rows.firstIndex { $0.contains("resonance import") }!
        let indent = rows[first].prefix { $0 == " " }.count
        let last = rows.firstIndex { $0.contains("--series rut") }!
        #expect(last > first, "\(rows.joined(separator: "\n"))")
        for row in rows[(first + 1)...last] {
            #expect(row.prefix { $0 == " " }.count > indent, "continuation not indented under the command:\n\(rows.joined(separator: "\n"))")
        }
        #expect(rows.allSatisfy { !$0.hasSuffix("russell-2000-daily-hi") })
    }
}

@Suite("The help overlay at small sizes")
struct HelpOverlaySizeTests {
    @Test("keys that do not fit are counted in the footer, never dropped silently", arguments: [(60, 16), (80, 24), (120, 40)])
    func helpCountsWhatItLeavesOut(width: Int, height: Int) {
        var state = Fixtures.state(size: Size(width: width, height: height))
        state.type("?")
        let text = view(state, size: state.size).text
        let shown = KeyMap.helpLines.filter { line in
            text.split(separator: "\n").contains { $0.contains(" \(line.keys)  ") || $0.contains("│ \(line.keys) ") }
        }.count
        let missing = KeyMap.helpLines.count - shown
        if missing > 0 {
            #expect(text.contains("\(missing) more keys in a taller terminal"), "\(text)")
        } else {
            #expect(!text.contains("more keys"))
        }
        #expect(text.contains("? or Esc closes"))
    }
}
