import Markets
import TermCanvas

/// The date axis and the text fitting the flows and loss-share panels share.
enum PanelDates {
    /// Draws a date axis on row `y` under a plot: a rule, ticks with labels that do not overlap, and the cursor.
    static func drawAxis(y: Int, plot: Rect, range: DayRange, cursor: Day, state: AppState, buffer: inout Buffer) {
        let unicode = state.glyphs.needsUnicode
        let cells = DayAxis(range: range, positions: plot.width)
        buffer.write(String(repeating: unicode ? "─" : "-", count: plot.width), x: plot.x, y: y, style: state.theme.axisStyle)
        var nextFree = plot.x
        for tick in DateTicks.ticks(in: range, maxCount: max(2, plot.width / 10)) {
            let column = cells.position(of: tick.day)
            guard column >= 0, column < plot.width else { continue }
            buffer.set(plot.x + column, y, unicode ? "┴" : "+", style: state.theme.axisStyle)
            let labelX = plot.x + column + 1
            guard labelX >= nextFree, labelX + tick.label.count <= plot.maxX else { continue }
            nextFree = buffer.write(tick.label, x: labelX, y: y, style: state.theme.text) + 1
        }
        let column = cells.position(of: cursor)
        if column >= 0, column < plot.width { buffer.set(plot.x + column, y, unicode ? "┼" : "+", style: state.theme.cursorStyle) }
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

    /// Writes lines, most important first, into the rows of an area (one line a row; what does not fit is cut
    /// at a word boundary, and lines beyond the area's rows are left out from the least important).
    static func writeLines(_ lines: [(String, Style)], in area: Rect, buffer: inout Buffer) {
        for (row, (text, style)) in lines.prefix(area.height).enumerated() {
            buffer.write(fitted(text, width: area.width), x: area.x, y: area.y + row, style: style, clip: area)
        }
    }
}
