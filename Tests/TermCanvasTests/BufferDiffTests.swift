import PropertyBased
import TermCanvas
import Testing

/// `Buffer.diff`: hand-made cases at 0x0, 1x1 and 2x2, and the property that applying the diff of `b`
/// from `a` to `a` gives `b` (shrunk to a small counterexample when it fails).
@Suite("Buffer diff")
struct BufferDiffTests {
    /// What a terminal does with a diff: a new size clears the screen; then each run is written.
    static func applying(_ runs: [CellRun], to previous: Buffer, size: Size) -> Buffer {
        var result = previous.size == size ? previous : Buffer(size: size)
        for run in runs {
            for (offset, cell) in run.cells.enumerated() { result[run.x + offset, run.y] = cell }
        }
        return result
    }

    static func buffer(_ lines: [String]) -> Buffer {
        var buffer = Buffer(size: Size(width: lines.first?.unicodeScalars.count ?? 0, height: lines.count))
        for (y, line) in lines.enumerated() { buffer.write(line, x: 0, y: y, style: .plain) }
        return buffer
    }

    @Test("equal buffers have no runs, 0x0, 1x1 and 2x2 included")
    func equalBuffers() {
        for lines in [[], ["a"], ["ab", "cd"]] {
            let buffer = Self.buffer(lines)
            #expect(buffer.diff(from: buffer).isEmpty)
            #expect(buffer.changedCellCount(from: buffer) == 0)
        }
    }

    @Test("without a previous buffer, or at a new size, every cell is sent, one run per row")
    func everyCell() {
        let buffer = Self.buffer(["ab", "cd"])
        let expected = [CellRun(x: 0, y: 0, cells: [Cell("a"), Cell("b")]), CellRun(x: 0, y: 1, cells: [Cell("c"), Cell("d")])]
        #expect(buffer.diff(from: nil) == expected)
        #expect(buffer.diff(from: Self.buffer(["a"])) == expected)
        #expect(buffer.diff(from: Self.buffer(["ab", "cd", "ef"])) == expected)
        #expect(Buffer(size: Size(width: 0, height: 0)).diff(from: buffer).isEmpty, "a 0x0 buffer sends nothing")
    }

    @Test("a 1x1 change is one run of one cell; a style change counts")
    func oneCell() {
        let a = Self.buffer(["a"])
        #expect(Self.buffer(["b"]).diff(from: a) == [CellRun(x: 0, y: 0, cells: [Cell("b")])])
        var styled = a
        styled.set(0, 0, "a", style: Style(foreground: .red))
        #expect(styled.diff(from: a) == [CellRun(x: 0, y: 0, cells: [Cell("a", style: Style(foreground: .red))])])
    }

    @Test("neighbouring changes join into one run; gaps and rows split runs")
    func runs() {
        let a = Self.buffer(["abcdef", "abcdef"])
        let b = Self.buffer(["aXYdeZ", "Qbcdef"])
        #expect(b.diff(from: a) == [
            CellRun(x: 1, y: 0, cells: [Cell("X"), Cell("Y")]),
            CellRun(x: 5, y: 0, cells: [Cell("Z")]),
            CellRun(x: 0, y: 1, cells: [Cell("Q")]),
        ])
        #expect(b.changedCellCount(from: a) == 4)
    }

    // MARK: - Property

    /// One character drawn at a place, in one of a few styles: buffers built from these share most cells,
    /// as two frames of the dashboard do.
    struct Stroke: Sendable, CustomStringConvertible {
        var x: Int, y: Int, glyph: Int, style: Int
        var description: String { "(\(x),\(y) \(Self.glyphs[glyph]) s\(style))" }

        static let glyphs: [Unicode.Scalar] = [" ", "a", "⣿", "─"]
        static let styles = [Style.plain, Style(foreground: .red), Style(background: .blue, attributes: .bold)]
    }

    static let stroke = zip(Gen.int(in: 0...9), Gen.int(in: 0...5), Gen.int(in: 0...3), Gen.int(in: 0...2))
        .map { Stroke(x: $0.0, y: $0.1, glyph: $0.2, style: $0.3) }
    static let size = zip(Gen.int(in: 0...9), Gen.int(in: 0...5)).map { Size(width: $0, height: $1) }

    static func drawing(_ strokes: [Stroke], size: Size, on base: Buffer? = nil) -> Buffer {
        var buffer = base ?? Buffer(size: size)
        for stroke in strokes { buffer.set(stroke.x, stroke.y, Stroke.glyphs[stroke.glyph], style: Stroke.styles[stroke.style]) }
        return buffer
    }

    @Test("applying b.diff(from: a) to a gives b, and every run holds only changed cells")
    func diffAppliedGivesTheNewBuffer() async {
        await propertyCheck(count: 400, input: Self.size, Self.size.optional(valueRate: 0.2),
                            Self.stroke.array(of: 0...30), Self.stroke.array(of: 0...12)) { sizeA, newSize, strokesA, changes in
            let a = Self.drawing(strokesA, size: sizeA)
            // Mostly the next frame at the same size (a few strokes on top of a); sometimes a resize.
            let b = newSize.map { Self.drawing(strokesA + changes, size: $0) } ?? Self.drawing(changes, size: sizeA, on: a)
            let runs = b.diff(from: a)
            #expect(Self.applying(runs, to: a, size: b.size) == b, "a \(sizeA) \(strokesA), b \(b.size) \(changes)")
            if a.size == b.size {
                for run in runs {
                    for (offset, cell) in run.cells.enumerated() {
                        #expect(a[run.x + offset, run.y] != cell, "run \(run.x),\(run.y)+\(offset) holds an unchanged cell")
                    }
                }
            }
            #expect(runs.allSatisfy { !$0.cells.isEmpty && $0.x >= 0 && $0.x + $0.cells.count <= b.size.width && $0.y < b.size.height })
        }
    }
}
