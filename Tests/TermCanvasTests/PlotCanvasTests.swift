import TermCanvas
import Testing

/// `PlotCanvas` at 0x0, 1x1 and 2x2 cells, dots at and past every edge, lines, and rendering into a
/// buffer (as ratatui tests its canvas).
@Suite("Plot canvas")
struct PlotCanvasTests {
    static let red = Style(foreground: .red)

    /// The canvas rendered into a blank buffer of its own size, as text lines.
    static func lines(_ canvas: PlotCanvas) -> [String] {
        var buffer = Buffer(size: Size(width: canvas.columns, height: canvas.rows))
        canvas.render(into: &buffer, at: (0, 0))
        return buffer.lines
    }

    @Test("a 0x0 canvas (or a negative size) has no dots and draws nothing")
    func empty() {
        for (columns, rows) in [(0, 0), (-3, 2), (2, -1)] {
            var canvas = PlotCanvas(columns: columns, rows: rows, glyphs: .braille)
            canvas.plot(x: 0, y: 0, style: Self.red)
            canvas.line(from: (-5, -5), to: (5, 5), style: Self.red)
            #expect(canvas.dotWidth == canvas.columns * 2 && canvas.dotHeight == canvas.rows * 4)
            #expect(!canvas.isSet(column: 0, row: 0))
            var buffer = Buffer(size: Size(width: 2, height: 2), fill: Cell("x"))
            canvas.render(into: &buffer, at: (0, 0))
            #expect(buffer.lines == ["xx", "xx"])
        }
    }

    @Test("a 1x1 braille canvas: each dot and all eight", arguments: [false, true])
    func oneByOne(allDots: Bool) {
        var canvas = PlotCanvas(columns: 1, rows: 1, glyphs: .braille)
        #expect(canvas.dotWidth == 2 && canvas.dotHeight == 4)
        if allDots {
            for x in 0..<2 { canvas.vertical(x: x, from: 3, to: 0, style: Self.red) }
            #expect(Self.lines(canvas) == ["⣿"])
        } else {
            canvas.plot(x: 1, y: 3, style: Self.red)
            #expect(Self.lines(canvas) == ["⢀"])
        }
        // Dots past the edges change nothing.
        let before = Self.lines(canvas)
        for (x, y) in [(-1, 0), (2, 0), (0, -1), (0, 4)] { canvas.plot(x: x, y: y, style: .plain) }
        #expect(Self.lines(canvas) == before)
    }

    @Test("a 2x2 block canvas: a diagonal from corner to corner, and a horizontal line")
    func twoByTwo() {
        var diagonal = PlotCanvas(columns: 2, rows: 2, glyphs: .block)
        diagonal.line(from: (0, 0), to: (3, 3), style: Self.red)
        #expect(Self.lines(diagonal) == ["▚ ", " ▚"])
        var horizontal = PlotCanvas(columns: 2, rows: 2, glyphs: .block)
        horizontal.line(from: (3, 2), to: (0, 2), style: Self.red)
        #expect(Self.lines(horizontal) == ["  ", "▀▀"])
        #expect(horizontal.isSet(column: 1, row: 1) && !horizontal.isSet(column: 1, row: 0))
    }

    @Test("a line with its ends outside the canvas is clipped to it")
    func clippedLine() {
        var canvas = PlotCanvas(columns: 2, rows: 1, glyphs: .ascii)
        canvas.line(from: (-10, 1), to: (10, 1), style: Self.red)
        #expect(Self.lines(canvas) == ["--"])
        canvas.vertical(x: 1, from: -20, to: 20, style: Self.red)
        #expect(Self.lines(canvas) == ["-|"])
    }

    @Test("rendering writes only cells with dots, at the origin, keeping the buffer's background")
    func renderAtOrigin() {
        var canvas = PlotCanvas(columns: 2, rows: 2, glyphs: .braille)
        canvas.plot(x: 3, y: 7, style: Self.red)
        var buffer = Buffer(size: Size(width: 4, height: 3), fill: Cell(".", style: Style(background: .blue)))
        canvas.render(into: &buffer, at: (1, 1))
        #expect(buffer.lines == ["....", "....", "..⢀."])
        #expect(buffer[2, 2].style == Style(foreground: .red, background: .blue))
        // Partly outside the buffer: what falls outside is dropped.
        canvas.render(into: &buffer, at: (3, 2))
        #expect(buffer.lines == ["....", "....", "..⢀."])
    }

    @Test("the last style drawn in a cell is the cell's style")
    func lastStyleWins() {
        var canvas = PlotCanvas(columns: 1, rows: 1, glyphs: .braille)
        canvas.plot(x: 0, y: 0, style: Self.red)
        canvas.plot(x: 1, y: 1, style: Style(foreground: .green))
        var buffer = Buffer(size: Size(width: 1, height: 1))
        canvas.render(into: &buffer, at: (0, 0))
        #expect(buffer[0, 0] == Cell("⠑", style: Style(foreground: .green)))
    }
}
