import TermCanvas

/// Draws a box outline with a title, in box-drawing characters or ASCII.
func drawBox(_ rect: Rect, title: String, style: Style, titleStyle: Style, unicode: Bool, buffer: inout Buffer) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    buffer.fill(rect, with: Cell(" ", style: Style(background: style.background)))
    let h: Unicode.Scalar = unicode ? "─" : "-", v: Unicode.Scalar = unicode ? "│" : "|"
    for x in rect.minX + 1..<rect.maxX - 1 {
        buffer.set(x, rect.minY, h, style: style)
        buffer.set(x, rect.maxY - 1, h, style: style)
    }
    for y in rect.minY + 1..<rect.maxY - 1 {
        buffer.set(rect.minX, y, v, style: style)
        buffer.set(rect.maxX - 1, y, v, style: style)
    }
    buffer.set(rect.minX, rect.minY, unicode ? "┌" : "+", style: style)
    buffer.set(rect.maxX - 1, rect.minY, unicode ? "┐" : "+", style: style)
    buffer.set(rect.minX, rect.maxY - 1, unicode ? "└" : "+", style: style)
    buffer.set(rect.maxX - 1, rect.maxY - 1, unicode ? "┘" : "+", style: style)
    // The title sits after "┌─" and keeps "─┐" after it; a long one is cut at a word with "…".
    let fitted = TextFit.words(title, width: rect.width - 6, ascii: buffer.asciiOnly)
    guard !fitted.isEmpty, fitted != "…", fitted != "..." else { return }
    buffer.write(" \(fitted) ", x: rect.minX + 2, y: rect.minY, style: titleStyle, clip: rect.inset(left: 1, right: 1))
}

/// The key list, centred over the dashboard; in two columns when one does not fit the height.
struct HelpOverlay: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let lines = KeyMap.helpLines
        let keyWidth = lines.map { $0.keys.count }.max() ?? 0
        let textWidth = lines.map { $0.summary.count }.max() ?? 0
        let columns = lines.count + 4 > area.height ? 2 : 1
        let rows = (lines.count + columns - 1) / columns
        let columnWidth = keyWidth + 2 + textWidth
        let width = min(area.width, columns * columnWidth + (columns - 1) * 3 + 4)
        let height = min(area.height, rows + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                       width: width, height: height)
        let theme = state.theme
        drawBox(box, title: "Keys", style: theme.text, titleStyle: theme.titleStyle,
                unicode: state.glyphs.needsUnicode, buffer: &buffer)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        let slot = columns == 1 ? inner.width : (inner.width - 3) / 2
        var hidden = 0
        for (i, line) in lines.enumerated() {
            let column = i / rows, row = i % rows
            guard row < inner.height - 1 else { hidden += 1; continue }
            let cell = Rect(x: inner.x + column * (slot + 3), y: inner.y + row, width: slot, height: 1)
            let x = buffer.write(line.keys.padding(toLength: keyWidth), x: cell.x, y: cell.y, style: theme.cursorStyle, clip: cell)
            buffer.write("  " + TextFit.words(line.summary, width: cell.maxX - x - 2, ascii: buffer.asciiOnly), x: x, y: cell.y, style: theme.text, clip: cell)
        }
        // Keys that found no row are counted, never silently left out.
        let footer = FittedLine([
            LinePart("\(hidden) more keys in a taller terminal", style: theme.cursorStyle, priority: 2, shortening: .words),
            LinePart("? or Esc closes", style: theme.dimText, priority: 1, separator: " · "),
        ].filter { hidden > 0 || !$0.text.hasSuffix("terminal") }.enumerated().map { i, part in
            var part = part
            if i == 0 { part.separator = "" }
            return part
        })
        buffer.write(footer, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }
}

/// The screen for an empty store: what is missing and the exact commands that fill it.
struct EmptyState: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        var lines: [(String, Style)] = [
            ("No price history in the store yet.", theme.titleStyle),
            ("", theme.text),
            ("Import daily history from CSV files (Yahoo, Stooq or date,close):", theme.text),
            ("", theme.text),
        ]
        lines += state.importHint.map { ("  " + $0, theme.cursorStyle) }
        lines += [
            ("", theme.text),
            ("Then run resonance again. To try the keys now on synthetic data:", theme.text),
            ("", theme.text),
            ("  resonance --demo", theme.cursorStyle),
            ("", theme.text),
            (state.sourceLabel, theme.dimText),
        ]
        // Lines wider than the screen wrap at words, a command's continuation indented under it.
        let wrapped = lines.flatMap { line in TextFit.wrap(line.0, width: area.width).map { ($0, line.1) } }
        let width = min(area.width, (wrapped.map { TextFit.width($0.0) }.max() ?? 0))
        let x = area.x + max(0, (area.width - width) / 2)
        let y = area.y + max(0, (area.height - wrapped.count) / 2)
        for (i, line) in wrapped.enumerated() { buffer.write(line.0, x: x, y: y + i, style: line.1, clip: area) }
    }
}

/// The whole screen when the terminal is smaller than the dashboard needs.
struct TooSmall: Widget {
    let size: Size
    let theme: Theme

    func render(in area: Rect, buffer: inout Buffer) {
        let need = Layout.minimumSize
        let lines = [
            ["terminal too small: need \(need.width)x\(need.height)", "too small: need \(need.width)x\(need.height)",
             "need \(need.width)x\(need.height)", "small"],
            ["now \(size.width)x\(size.height) · q quits", "q quits"],
        ]
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (row, candidates) in lines.enumerated() where row < area.height {
            let text = candidates.first { $0.unicodeScalars.count <= area.width } ?? String(candidates.last!.prefix(area.width))
            let style = row == 0 ? theme.text.adding(.bold) : theme.dimText
            buffer.write(text, x: area.x + max(0, (area.width - text.unicodeScalars.count) / 2), y: top + row, style: style)
        }
    }
}

extension String {
    /// The string padded with spaces to a number of characters, on the right (left-aligned) or the left.
    func padding(toLength length: Int, leftAligned: Bool = true) -> String {
        let n = unicodeScalars.count
        guard n < length else { return self }
        let pad = String(repeating: " ", count: length - n)
        return leftAligned ? self + pad : pad + self
    }

    /// The string cut to a number of characters with an ellipsis, keeping its start or its end.
    func truncated(to width: Int, keepingEnd: Bool = false) -> String {
        let scalars = Array(unicodeScalars)
        guard scalars.count > width else { return self }
        guard width > 1 else { return "" }
        var view = String.UnicodeScalarView()
        if keepingEnd {
            view.append("…")
            view.append(contentsOf: scalars.suffix(width - 1))
        } else {
            view.append(contentsOf: scalars.prefix(width - 1))
            view.append("…")
        }
        return String(view)
    }
}
