extension Color {
    /// The basic colours by name, in palette order; `bright_` (or `bright-`, `bright`) before one means 8–15.
    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads a colour as a theme file writes it.
    ///
    /// `""` (or `"default"`) is the terminal's own colour; `"#rrggbb"` (or `"#rgb"`) a 24-bit colour;
    /// `12` or `"12"` a palette index; `"red"`, `"bright_red"`, `"grey"` a basic colour by name.
    /// - Returns: the colour, or the reason it is not one.
    static func parsingThemeValue(_ value: ThemeFile.Value) -> Result<Color, ThemeError.Problem> {
        switch value {
        case .boolean:
            return .failure(.wrongType(expected: "a colour, not true or false"))
        case .other(let kind):
            return .failure(.wrongType(expected: "a colour, not \(kind)"))
        case .integer(let n):
            return (0...255).contains(n) ? .success(.indexed(UInt8(n))) : .failure(.indexOutOfRange(n))
        case .string(let raw):
            let text = raw.trimmingCharacters(in: " \t").lowercased()
            if text.isEmpty || text == "default" || text == "none" { return .success(.default) }
            if text.hasPrefix("#") { return hex(String(text.dropFirst())).map(Result.success) ?? .failure(.badHex(raw)) }
            if let n = Int(text) { return parsingThemeValue(.integer(n)) }
            if let index = basicIndex(of: text) { return .success(.indexed(UInt8(index))) }
            return .failure(.unknownColorName(raw))
        }
    }

    private static func hex(_ digits: String) -> Color? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let full: String
        switch digits.count {
        case 6: full = digits
        case 3: full = digits.map { "\($0)\($0)" }.joined()
        default: return nil
        }
        guard let value = UInt32(full, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    private static func basicIndex(of name: String) -> Int? {
        if name == "grey" || name == "gray" { return 8 }
        if let i = basicNames.firstIndex(of: name) { return i }
        for prefix in ["bright_", "bright-", "bright"] where name.hasPrefix(prefix) {
            if let i = basicNames.firstIndex(of: String(name.dropFirst(prefix.count))) { return i + 8 }
        }
        return nil
    }
}

extension String {
    /// This text without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
