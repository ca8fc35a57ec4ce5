import TermCanvas

/// Rows of text cells laid out in columns as wide as their widest cell, header included, so every header sits
/// over its values.
///
/// A panel builds its table in a few layouts, widest first, and draws the first that fits its width
/// (`first(of:fitting:)`): numbers are never cut, the table gets narrower instead.
struct FittedTable {
    /// One line of the table: its cells (the first left-aligned, the rest right-aligned) and its style.
    struct Row {
        var cells: [String]
        var style: Style
    }

    var rows: [Row]
    /// Spaces between columns.
    var gap = 2

    /// The width of each column: its widest cell.
    var columnWidths: [Int] {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.cells.enumerated() {
                let n = cell.unicodeScalars.count
                if i < widths.count { widths[i] = max(widths[i], n) } else { widths.append(n) }
            }
        }
        return widths
    }

    /// The width of the widest line.
    var width: Int {
        let widths = columnWidths
        return widths.reduce(0, +) + gap * max(0, widths.count - 1)
    }

    /// The table as lines of text with their styles.
    var lines: [(String, Style)] {
        let widths = columnWidths
        let spacer = String(repeating: " ", count: gap)
        return rows.map { row in
            let text = row.cells.enumerated().map { i, cell in
                cell.padding(toLength: widths[i], leftAligned: i == 0)
            }.joined(separator: spacer)
            return (trailingSpacesRemoved(text), row.style)
        }
    }

    /// The first table no wider than `width`, else the narrowest; each layout is built only when the ones
    /// before it did not fit (a million days hold hundreds of breakouts, so a layout is worth not building).
    static func first(of layouts: [() -> FittedTable], fitting width: Int) -> FittedTable {
        var narrowest: FittedTable?
        for build in layouts {
            let table = build()
            if table.width <= width { return table }
            if narrowest.map({ table.width < $0.width }) ?? true { narrowest = table }
        }
        return narrowest ?? FittedTable(rows: [])
    }

    /// The first text no wider than `width` (counted in characters), else the shortest.
    static func firstText(of candidates: [String], fitting width: Int) -> String {
        candidates.first { $0.unicodeScalars.count <= width }
            ?? candidates.min { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? ""
    }

    private func trailingSpacesRemoved(_ text: String) -> String {
        var s = Substring(text)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
