/// A run of changed cells on one row: the terminal redraws exactly these.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension Buffer {
    /// The runs of cells that differ from a previous buffer, row by row, left to right.
    ///
    /// When the sizes differ every cell counts as changed: the terminal clears and redraws.
    public func diff(from previous: Buffer?) -> [CellRun] {
        var runs: [CellRun] = []
        let same = previous?.size == size
        for y in 0..<size.height {
            var x = 0
            let row = y * size.width
            while x < size.width {
                if same, let previous, previous.cells[row + x] == cells[row + x] { x += 1; continue }
                let start = x
                while x < size.width, !(same && previous!.cells[row + x] == cells[row + x]) { x += 1 }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(row + start)..<(row + x)])))
            }
        }
        return runs
    }

    /// How many cells differ from a previous buffer.
    public func changedCellCount(from previous: Buffer?) -> Int {
        diff(from: previous).reduce(0) { $0 + $1.cells.count }
    }
}
