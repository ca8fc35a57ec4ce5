/// Something that draws itself into an area of a buffer.
///
/// Widgets never touch the terminal; composition is rendering into sub-areas. A widget must accept any
/// area, empty or tiny, without crashing.
public protocol Widget {
    /// Draws into `area` of `buffer`.
    func render(in area: Rect, buffer: inout Buffer)
}
