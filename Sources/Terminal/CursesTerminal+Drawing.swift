import CNCursesW
import TermCanvas

extension CursesTerminal {
    /// Shows a frame, sending curses only the cells that changed since the last one.
    ///
    /// When the frame's size differs from the last one the screen is cleared and drawn in full. Cells beyond
    /// the terminal's current size are skipped; the app redraws at the new size after `.resize`.
    public func draw(_ buffer: Buffer) {
        guard isRunning else { return }
        let window = rs_stdscr()
        let previous = previousFrame
        if previous?.size != buffer.size { wclear(window) }
        let limit = size
        for run in buffer.diff(from: previous?.size == buffer.size ? previous : nil) {
            guard run.y < limit.height else { continue }
            for (offset, cell) in run.cells.enumerated() {
                let x = run.x + offset
                guard x < limit.width else { break }
                put(cell, x: x, y: run.y, isLastCell: x == limit.width - 1 && run.y == limit.height - 1)
            }
        }
        remember(buffer)
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets the last frame, so the next `draw` repaints everything (after another program wrote over it).
    public func invalidate() {
        guard isRunning else { return }
        remember(Buffer(size: Size(width: 0, height: 0)))
    }

    /// Writes one cell with the wide-character API.
    ///
    /// The bottom-right cell is inserted rather than added: adding would move the cursor past the end of
    /// the screen, which curses refuses, and which on a real terminal scrolls it.
    private func put(_ cell: Cell, x: Int, y: Int, isLastCell: Bool) {
        var character = cchar_t()
        var text: [wchar_t] = [wchar_t(bitPattern: cell.scalar.value), 0]
        if cell.scalar.value < 0x20 || (0x7F..<0xA0).contains(cell.scalar.value) { text[0] = wchar_t(0x20) }
        setcchar(&character, &text, Self.attributes(for: cell.style.attributes), colorPair(for: cell.style), nil)
        if isLastCell {
            mvwins_wch(rs_stdscr(), Int32(y), Int32(x), &character)
        } else {
            mvwadd_wch(rs_stdscr(), Int32(y), Int32(x), &character)
        }
    }

    /// The curses attribute bits for a cell's attributes.
    static func attributes(for attributes: Attributes) -> attr_t {
        var bits = rs_a_normal()
        if attributes.contains(.bold) { bits |= rs_a_bold() }
        if attributes.contains(.dim) { bits |= rs_a_dim() }
        if attributes.contains(.reverse) { bits |= rs_a_reverse() }
        if attributes.contains(.underline) { bits |= rs_a_underline() }
        return bits
    }
}
