import TermCanvas
import Testing

/// `Buffer` as ratatui tests its buffer: sizes down to 0x0, reads and writes at and past every edge.
@Suite("Buffer")
struct BufferTests {
    static let red = Style(foreground: .red)

    @Test("a new buffer has width × height blank cells; 0x0, 1x1 and 2x2 included", arguments: [(0, 0), (1, 1), (2, 2), (3, 0), (0, 3), (5, 2)])
    func newBuffer(width: Int, height: Int) {
        let buffer = Buffer(size: Size(width: width, height: height))
        #expect(buffer.cells.count == width * height)
        #expect(buffer.cells.allSatisfy { $0 == .blank })
        #expect(buffer.area == Rect(x: 0, y: 0, width: width, height: height))
        #expect(buffer.lines == Array(repeating: String(repeating: " ", count: width), count: height))
        #expect(buffer.text == Array(repeating: "", count: height).joined(separator: "\n"))
    }

    @Test("reading outside the grid gives a blank cell; writing outside it changes nothing")
    func outsideTheGrid() {
        var buffer = Buffer(size: Size(width: 2, height: 2), fill: Cell("x"))
        let before = buffer
        for (x, y) in [(-1, 0), (0, -1), (2, 0), (0, 2), (2, 2), (Int.min, 0), (0, Int.max)] {
            #expect(buffer[x, y] == .blank, "\(x),\(y)")
            buffer[x, y] = Cell("!")
            buffer.set(x, y, "!", style: Self.red)
        }
        #expect(buffer == before)
        var empty = Buffer(size: Size(width: 0, height: 0))
        empty[0, 0] = Cell("!")
        empty.set(0, 0, "!", style: .plain)
        #expect(empty.write("text", x: 0, y: 0, style: .plain) == 4)
        #expect(empty.cells.isEmpty)
    }

    @Test("a 1x1 buffer holds exactly one cell")
    func oneByOne() {
        var buffer = Buffer(size: Size(width: 1, height: 1))
        buffer.set(0, 0, "a", style: Self.red)
        #expect(buffer[0, 0] == Cell("a", style: Self.red))
        #expect(buffer.write("bc", x: 0, y: 0, style: .plain) == 1, "the column after the last character written")
        #expect(buffer.text == "b")
    }

    @Test("write clips to the grid and to a clip rectangle, and returns the column after the text")
    func writeClips() {
        var buffer = Buffer(size: Size(width: 5, height: 2))
        #expect(buffer.write("abcdefg", x: 2, y: 0, style: .plain) == 5)
        #expect(buffer.write("xyz", x: -2, y: 1, style: .plain) == 1)
        #expect(buffer.lines == ["  abc", "z    "])
        #expect(buffer.write("mmmm", x: 0, y: 1, style: .plain, clip: Rect(x: 1, y: 1, width: 2, height: 1)) == 3)
        #expect(buffer.lines == ["  abc", "zmm  "])
        #expect(buffer.write("never", x: 0, y: 0, style: .plain, clip: Rect(x: 0, y: 1, width: 5, height: 1)) == 5)
        #expect(buffer.write("never", x: 0, y: 2, style: .plain) == 5)
        #expect(buffer.lines == ["  abc", "zmm  "])
    }

    @Test("fill and restyle touch only the part of the rectangle inside the grid")
    func fillAndRestyle() {
        var buffer = Buffer(size: Size(width: 3, height: 3))
        buffer.fill(Rect(x: 1, y: -1, width: 5, height: 2), with: Cell("#"))
        #expect(buffer.lines == [" ##", "   ", "   "])
        buffer.fill(Rect(x: 0, y: 0, width: 0, height: 3), with: Cell("!"))
        buffer.restyle(Rect(x: 2, y: 0, width: 9, height: 9)) { $0.adding(.bold) }
        #expect(buffer[1, 0].style == .plain)
        #expect(buffer[2, 0].style.attributes.contains(.bold) && buffer[2, 2].style.attributes.contains(.bold))
        #expect(buffer[2, 0].scalar == "#", "restyle keeps the characters")
    }

    @Test("text drops trailing spaces per row; lines keep them")
    func textAndLines() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        buffer.write("a b", x: 0, y: 0, style: .plain)
        buffer.write("é", x: 3, y: 2, style: .plain)
        #expect(buffer.lines == ["a b ", "    ", "   é"])
        #expect(buffer.text == "a b\n\n   é")
    }

    @Test("an ASCII-only buffer stores stand-ins for what it is given")
    func asciiOnly() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.asciiOnly = true
        buffer.write("▲→", x: 0, y: 0, style: .plain)
        buffer.set(4, 0, "⣿", style: .plain)
        buffer[5, 0] = Cell("—")
        #expect(buffer.line(0) == "^-> ?-")
    }

    @Test("applyBase gives cells in the terminal's own colours the base colours, and leaves named colours")
    func applyBase() {
        var buffer = Buffer(size: Size(width: 2, height: 1))
        buffer.set(1, 0, "x", style: Style(foreground: .red, background: .blue))
        buffer.applyBase(Style(foreground: .white, background: .black))
        #expect(buffer[0, 0].style == Style(foreground: .white, background: .black))
        #expect(buffer[1, 0].style == Style(foreground: .red, background: .blue))
    }
}
