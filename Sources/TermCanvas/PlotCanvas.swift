/// A drawing surface of sub-cell dots, rendered into a buffer with a glyph set.
///
/// Each cell keeps a dot pattern and the style of the last thing drawn in it. Coordinates are in dots,
/// with (0, 0) the top-left dot; drawing outside the canvas is ignored.
public struct PlotCanvas: Sendable {
    public let glyphs: GlyphSet
    /// Size in cells.
    public let columns: Int
    public let rows: Int
    private var patterns: [UInt8]
    private var styles: [Style]
    /// Per cell, the mark it is drawn with instead of its dots (0 for none); empty until a mark is used.
    private var marks: [UInt32] = []
    /// The character the dots plotted from now on show as, instead of the glyph set's dot pattern: a line
    /// drawn with `*` stays apart from one drawn with dots where colour cannot tell them apart. Nil for dots.
    public var mark: Unicode.Scalar?

    /// A blank canvas of a size in cells.
    public init(columns: Int, rows: Int, glyphs: GlyphSet) {
        self.glyphs = glyphs
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        patterns = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: .plain, count: self.columns * self.rows)
    }

    /// Width in dots.
    public var dotWidth: Int { columns * glyphs.dotsPerColumn }
    /// Height in dots.
    public var dotHeight: Int { rows * glyphs.dotsPerRow }

    /// Sets one dot.
    @inline(__always)
    public mutating func plot(x: Int, y: Int, style: Style) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cx = x / glyphs.dotsPerColumn, cy = y / glyphs.dotsPerRow
        let i = cy * columns + cx
        patterns[i] |= glyphs.bit(dx: x - cx * glyphs.dotsPerColumn, dy: y - cy * glyphs.dotsPerRow)
        styles[i] = style
        if let mark {
            if marks.isEmpty { marks = Array(repeating: 0, count: patterns.count) }
            marks[i] = mark.value
        } else if !marks.isEmpty {
            marks[i] = 0
        }
    }

    /// Sets every dot of a vertical run in one dot column, from `y0` to `y1` inclusive, in either order.
    public mutating func vertical(x: Int, from y0: Int, to y1: Int, style: Style) {
        guard x >= 0, x < dotWidth else { return }
        let lo = max(0, min(y0, y1)), hi = min(dotHeight - 1, max(y0, y1))
        guard lo <= hi else { return }
        for y in lo...hi { plot(x: x, y: y, style: style) }
    }

    /// Draws a straight line between two dots (Bresenham), clipped to the canvas.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Style) {
        if a.x == b.x { vertical(x: a.x, from: a.y, to: b.y, style: style); return }
        var x0 = a.x, y0 = a.y
        let dx = abs(b.x - x0), sx = x0 < b.x ? 1 : -1
        let dy = -abs(b.y - y0), sy = y0 < b.y ? 1 : -1
        var err = dx + dy
        var steps = 0
        let limit = dx - dy + 1
        while steps <= limit {
            plot(x: x0, y: y0, style: style)
            if x0 == b.x && y0 == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
            steps += 1
        }
    }

    /// Whether any dot is set in a cell.
    public func isSet(column: Int, row: Int) -> Bool {
        guard column >= 0, row >= 0, column < columns, row < rows else { return false }
        return patterns[row * columns + column] != 0
    }

    /// Writes the cells that hold dots into a buffer with their top-left at `origin`; empty cells are left as they are.
    public func render(into buffer: inout Buffer, at origin: (x: Int, y: Int)) {
        for row in 0..<rows {
            for column in 0..<columns {
                let i = row * columns + column
                let pattern = patterns[i]
                guard pattern != 0 else { continue }
                var style = styles[i]
                // Keep the background already in the buffer (a cursor column, say) unless the dot style sets one.
                if style.background == .default { style.background = buffer[origin.x + column, origin.y + row].style.background }
                let glyph = marks.isEmpty || marks[i] == 0 ? glyphs.glyph(for: pattern) : Unicode.Scalar(marks[i])!
                buffer.set(origin.x + column, origin.y + row, glyph, style: style)
            }
        }
    }
}
