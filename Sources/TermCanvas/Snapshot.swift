extension Buffer {
    /// A text picture of the buffer plus a style map, for golden-file tests.
    ///
    /// The first block is the characters, framed by `|` so trailing spaces show. The second block puts a
    /// letter in every cell naming its style (`.` for the plain style), and a legend lists each letter's style.
    public var snapshot: String {
        var letters: [Style: Character] = [.plain: "."]
        var legend: [(Character, Style)] = []
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var styleLines: [String] = []
        for y in 0..<size.height {
            var line = ""
            for x in 0..<size.width {
                let style = self[x, y].style
                if let letter = letters[style] {
                    line.append(letter)
                } else {
                    let letter = legend.count < alphabet.count ? alphabet[legend.count] : "?"
                    letters[style] = letter
                    legend.append((letter, style))
                    line.append(letter)
                }
            }
            styleLines.append(line)
        }
        var out = "size \(size)\n"
        for l in lines { out += "|" + l + "|\n" }
        out += "styles\n"
        for l in styleLines { out += "|" + l + "|\n" }
        for (letter, style) in legend { out += "\(letter) \(style)\n" }
        return out
    }
}
