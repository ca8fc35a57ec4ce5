/// One terminal cell: a single-width character and its style.
public struct Cell: Hashable, Sendable {
    /// The character shown. Always one column wide: ASCII, braille, block and box-drawing glyphs.
    ///
    /// Never a control character: one given is stored as U+FFFD (`SafeText.visible`), so nothing drawn
    /// can send a terminal an escape sequence, whatever text reached the cell.
    public var scalar: Unicode.Scalar {
        get { storedScalar }
        set { storedScalar = SafeText.visible(newValue) }
    }
    public var style: Style
    private var storedScalar: Unicode.Scalar

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.storedScalar = SafeText.visible(scalar)
        self.style = style
    }

    /// A blank cell in the terminal's own colours.
    public static let blank = Cell()
}
