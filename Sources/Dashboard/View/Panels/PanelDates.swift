import Markets
import TermCanvas

/// The date axis and the text fitting the flows and loss-share panels share.
enum PanelDates {
    /// Draws a date axis on row `y` under a plot: a rule, ticks with labels that do not overlap, and the cursor.
    static func drawAxis(y: Int, plot: Rect, range: DayRange, cursor: Day, state: AppState, buffer: inout Buffer) {
        let unicode = state.glyphs.needsUnicode
        let cells = DayAxis(range: range, positions: plot.width)
        buffer.write(String(repeating: unicode ? "─" : "-", count: plot.width), x: plot.x, y: y, style: state.theme.axisStyle)
        let cursorX = plot.x + cells.position(of: cursor)
        var nextFree = plot.x
        for tick in DateTicks.ticks(in: range, maxCount: max(2, plot.width / 10)) {
            let column = cells.position(of: tick.day)
            guard column >= 0, column < plot.width else { continue }
            buffer.set(plot.x + column, y, unicode ? "┴" : "+", style: state.theme.axisStyle)
            let labelX = plot.x + column + 1
            // A label never runs past the plot or under the cursor's mark, so no year is cut.
            guard labelX >= nextFree, labelX + tick.label.count <= plot.maxX,
                  !(labelX..<(labelX + tick.label.count)).contains(cursorX) else { continue }
            nextFree = buffer.write(tick.label, x: labelX, y: y, style: state.theme.text) + 1
        }
        if cursorX >= plot.x, cursorX < plot.maxX { buffer.set(cursorX, y, unicode ? "┼" : "+", style: state.theme.cursorStyle) }
    }

    /// Text cut to a width at a word boundary, with "…" where it was cut; numbers are never split.
    static func fitted(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return "" }
        let head = String(text.prefix(width - 1))
        guard let space = head.lastIndex(of: " ") else { return "" }
        var cut = String(head[..<space])
        while let last = cut.last, last == "·" || last == " " || last == "," || last == ";" { cut.removeLast() }
        return cut.isEmpty ? "" : cut + "…"
    }

    /// Writes lines, most important first, into the rows of an area, one a row: each as the first of its
    /// wordings that fits, else the shortest cut at a word boundary; lines beyond the rows are left out from
    /// the least important.
    static func writeLines(_ lines: [(wordings: [String], style: Style)], in area: Rect, buffer: inout Buffer) {
        for (row, line) in lines.prefix(area.height).enumerated() {
            buffer.write(choose(line.wordings, width: area.width), x: area.x, y: area.y + row, style: line.style, clip: area)
        }
    }

    /// The first wording that fits a width, else the last one cut at a word boundary.
    static func choose(_ wordings: [String], width: Int) -> String {
        wordings.first { $0.count <= width } ?? fitted(wordings.last ?? "", width: width)
    }

    /// A panel title that fits its frame: the first wording that fits, else the last cut at a word boundary.
    static func title(_ wordings: [String], frameWidth: Int) -> String { choose(wordings, width: max(0, frameWidth - 6)) }
}
