/// A grid of cells that widgets draw into; the terminal receives only what changed between two buffers.
///
/// Drawing outside the grid is ignored, so widgets can be rendered at any size, 0x0 included, without
/// checking bounds themselves.
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// When set, every character written is replaced by an ASCII stand-in (for terminals without UTF-8).
    public var asciiOnly = false

    /// A buffer of blank cells, optionally filled with a background style.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    /// The rectangle covering the whole buffer.
    public var area: Rect { Rect(size: size) }

    /// The cell at a column and row (a blank cell outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            var cell = newValue
            if asciiOnly { cell.scalar = ASCIIFallback.character(for: cell.scalar) }
            cells[y * size.width + x] = cell
        }
    }

    /// Sets one character, keeping the cell's background colour unless the style names one.
    public mutating func set(_ x: Int, _ y: Int, _ scalar: Unicode.Scalar, style: Style) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        cells[y * size.width + x] = Cell(asciiOnly ? ASCIIFallback.character(for: scalar) : scalar, style: style)
    }

    /// Writes text from a point, clipped to `clip` (the whole buffer by default).
    ///
    /// Each Unicode scalar takes one cell; combining marks and wide characters are not used by the dashboard.
    /// Control characters are written as their visible escapes (`SafeText.escaped`): text from outside
    /// the program can never put one in a cell, whether or not its caller escaped it.
    /// - Returns: the column after the last character written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let text = SafeText.isSafe(text) ? text : SafeText.escaped(text)
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.minY, y < bounds.maxY else { return x + text.unicodeScalars.count }
        var column = x
        let scalars = asciiOnly && !text.utf8.allSatisfy({ $0 < 128 })
            ? String.UnicodeScalarView(text.unicodeScalars.flatMap { ASCIIFallback.replacement(for: $0).unicodeScalars })
            : text.unicodeScalars
        for scalar in scalars {
            if column >= bounds.maxX { break }
            if column >= bounds.minX { cells[y * size.width + column] = Cell(scalar, style: style) }
            column += 1
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            let row = y * size.width
            for x in r.minX..<r.maxX { cells[row + x] = cell }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX { cells[y * size.width + x].style = transform(cells[y * size.width + x].style) }
        }
    }

    /// The characters of one row as a string.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var s = String.UnicodeScalarView()
        for x in 0..<size.width { s.append(cells[y * size.width + x].scalar) }
        return String(s)
    }

    /// All rows as text, one line each, trailing spaces kept.
    public var lines: [String] { (0..<size.height).map(line) }

    /// All rows joined by newlines, each with trailing spaces removed.
    ///
    /// Encodes straight into UTF-8 bytes: `render` prints this once per run, and building a `String`
    /// per row and trimming it cost more than drawing the frame.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size.width * size.height * 3 + size.height)
        for y in 0..<size.height {
            if y > 0 { bytes.append(UInt8(ascii: "\n")) }
            let row = y * size.width
            var end = size.width
            while end > 0, cells[row + end - 1].scalar == " " { end -= 1 }
            for x in 0..<end {
                let scalar = cells[row + x].scalar
                if scalar.isASCII {
                    bytes.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Buffer {
    /// Gives every cell left in the terminal's own colours a base style's colours instead.
    ///
    /// A theme with its own background (light, solarized) needs the whole screen painted, including cells
    /// no widget drew on; cells that name their colours keep them. Attributes are left alone.
    public mutating func applyBase(_ base: Style) {
        guard base.foreground != .default || base.background != .default else { return }
        restyle(area) { style in
            var s = style
            if s.foreground == .default { s.foreground = base.foreground }
            if s.background == .default { s.background = base.background }
            return s
        }
    }
}
