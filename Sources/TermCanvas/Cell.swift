/// One terminal cell: a single-width character and its style.
public struct Cell: Hashable, Sendable {
    /// The character shown. Always one column wide: ASCII, braille, block and box-drawing glyphs.
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    /// A blank cell in the terminal's own colours.
    public static let blank = Cell()
}
