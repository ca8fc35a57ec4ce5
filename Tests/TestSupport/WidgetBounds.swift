import TermCanvas

/// Checks that a widget draws only inside the area it is given.
public enum WidgetBounds {
    /// A cell no widget draws: a buffer filled with it shows every cell a widget touched.
    public static let sentinel = Cell("\u{E000}", style: Style(foreground: .indexed(201), background: .indexed(17)))

    /// The cells outside `area` that a widget changed when rendered into a buffer of `size` (by default
    /// the area and three more cells to its right and below) filled with `sentinel`.
    ///
    /// - Returns: the changed cells as "x,y" (empty when the widget kept to its area).
    public static func cellsDrawnOutside(_ widget: any Widget, area: Rect, in size: Size? = nil) -> [String] {
        var buffer = Buffer(size: size ?? Size(width: area.maxX + 3, height: area.maxY + 3), fill: sentinel)
        widget.render(in: area, buffer: &buffer)
        var outside: [String] = []
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width where !area.contains(x: x, y: y) && buffer[x, y] != sentinel {
                outside.append("\(x),\(y)")
            }
        }
        return outside
    }
}
