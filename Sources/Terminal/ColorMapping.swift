import TermCanvas

/// Turns theme colours into palette indices a terminal with a given number of colours can show.
///
/// Pure maths on the xterm palette, so every rule is testable without a terminal.
public enum ColorMapping {
    /// The palette index for a colour, or -1 for the terminal's own colour.
    ///
    /// - `.default` is -1 (curses draws it with `use_default_colors`).
    /// - `.indexed(i)` is `i` when the terminal has that entry, else the nearest of the basic colours it has.
    /// - `.rgb` is the nearest entry of the 6x6x6 cube and grey ramp with 256 colours or more, else the
    ///   nearest of the 16 (or 8) basic colours.
    ///
    /// - Parameters:
    ///   - color: the colour a theme or widget asked for.
    ///   - colorCount: how many colours the terminal has (`COLORS`); below 8 every colour maps to -1.
    public static func paletteIndex(for color: Color, colorCount: Int) -> Int {
        guard colorCount >= 8 else { return -1 }
        switch color {
        case .default:
            return -1
        case .indexed(let index):
            if Int(index) < colorCount { return Int(index) }
            return nearestBasic(to: xtermRGB(Int(index)), colorCount: colorCount)
        case let .rgb(r, g, b):
            let target = RGB(r: Int(r), g: Int(g), b: Int(b))
            if colorCount >= 256 { return nearestExtended(to: target) }
            return nearestBasic(to: target, colorCount: colorCount)
        }
    }

    // MARK: - The xterm palette

    /// A colour as red, green and blue levels, 0–255.
    public struct RGB: Hashable, Sendable {
        public var r: Int, g: Int, b: Int
        public init(r: Int, g: Int, b: Int) { self.r = r; self.g = g; self.b = b }
    }

    /// xterm's default values for the 16 basic colours.
    static let basic: [RGB] = [
        RGB(r: 0, g: 0, b: 0), RGB(r: 205, g: 0, b: 0), RGB(r: 0, g: 205, b: 0), RGB(r: 205, g: 205, b: 0),
        RGB(r: 0, g: 0, b: 238), RGB(r: 205, g: 0, b: 205), RGB(r: 0, g: 205, b: 205), RGB(r: 229, g: 229, b: 229),
        RGB(r: 127, g: 127, b: 127), RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 255, g: 255, b: 0),
        RGB(r: 92, g: 92, b: 255), RGB(r: 255, g: 0, b: 255), RGB(r: 0, g: 255, b: 255), RGB(r: 255, g: 255, b: 255),
    ]

    /// The six levels of each axis of the 6x6x6 colour cube (entries 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The red, green and blue of an xterm-256 palette entry.
    public static func xtermRGB(_ index: Int) -> RGB {
        switch index {
        case ..<0:
            return basic[0]
        case 0..<16:
            return basic[index]
        case 16..<232:
            let i = index - 16
            return RGB(r: cubeLevels[i / 36], g: cubeLevels[(i / 6) % 6], b: cubeLevels[i % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return RGB(r: level, g: level, b: level)
        }
    }

    // MARK: - Nearest colours

    /// How far apart two colours look: squared distance with weights for the eye's sensitivity.
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    /// The nearest of the basic colours: 16 when the terminal has them, else 8.
    static func nearestBasic(to target: RGB, colorCount: Int) -> Int {
        let count = colorCount >= 16 ? 16 : 8
        return (0..<count).min { distance(basic[$0], target) < distance(basic[$1], target) }!
    }

    /// The nearest entry among the cube (16–231) and the grey ramp (232–255).
    ///
    /// The 16 basic colours are left out: users restyle them in their terminal, so they are not fixed colours.
    static func nearestExtended(to target: RGB) -> Int {
        func cubeStep(_ v: Int) -> Int {
            // Nearest of the cube levels along one axis.
            (0..<6).min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }!
        }
        let cube = 16 + 36 * cubeStep(target.r) + 6 * cubeStep(target.g) + cubeStep(target.b)
        let average = (target.r + target.g + target.b) / 3
        let grey = 232 + min(23, max(0, (average - 8 + 5) / 10))
        return distance(xtermRGB(grey), target) < distance(xtermRGB(cube), target) ? grey : cube
    }
}
