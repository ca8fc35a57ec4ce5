/// ASCII stand-ins for the few non-ASCII characters the dashboard writes, for terminals without UTF-8.
public enum ASCIIFallback {
    /// The ASCII text shown in place of a character (the character itself when it is ASCII).
    public static func replacement(for scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return String(scalar) }
        switch scalar {
        case "·", "•", "─", "━", "╌", "┈", "—", "–", "−": return "-"
        case "→": return "->"
        case "←": return "<-"
        case "≥": return ">="
        case "≤": return "<="
        case "│", "┃", "┊", "╎": return "|"
        case "▸", "▶": return ">"
        case "▲": return "^"
        case "▼": return "v"
        case "×": return "x"
        case "÷": return "/"
        case "◆", "●": return "*"
        case "…": return "..."
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
        default: return "?"
        }
    }

    /// A single ASCII character standing in for a character, for one cell.
    public static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.isASCII ? scalar : replacement(for: scalar).unicodeScalars.first!
    }
}
