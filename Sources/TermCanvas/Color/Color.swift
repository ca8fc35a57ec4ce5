/// A colour as a theme names it: the terminal's own, a palette index, or red-green-blue.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// An entry of the terminal's palette, 0–255 (0–7 the basic colours, 8–15 their bright forms).
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightYellow = Color.indexed(11)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)

    /// A short stable name used in snapshots and style maps.
    public var name: String {
        switch self {
        case .default: return "default"
        case .indexed(let i): return "\(i)"
        case let .rgb(r, g, b):
            let hex = [r, g, b].map { v -> String in
                let s = String(v, radix: 16)
                return s.count == 1 ? "0" + s : s
            }
            return "#" + hex.joined()
        }
    }
}

/// Text attributes a terminal can show.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)

    /// Names for snapshots, in a fixed order.
    public var names: [String] {
        var result: [String] = []
        if contains(.bold) { result.append("bold") }
        if contains(.dim) { result.append("dim") }
        if contains(.reverse) { result.append("reverse") }
        if contains(.underline) { result.append("underline") }
        return result
    }
}

/// The look of one cell: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colours with no attributes.
    public static let plain = Style()

    /// This style with attributes added.
    public func adding(_ extra: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(extra)
        return s
    }

    /// This style with another foreground.
    public func with(foreground: Color) -> Style {
        var s = self
        s.foreground = foreground
        return s
    }

    public var description: String {
        var parts = ["fg=\(foreground.name)"]
        if background != .default { parts.append("bg=\(background.name)") }
        parts.append(contentsOf: attributes.names)
        return parts.joined(separator: " ")
    }
}
