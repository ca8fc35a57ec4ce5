import TermCanvas
import Testing

@Suite("Theme loader")
struct ThemeLoaderTests {
    /// A file's text and the message it must be rejected with.
    struct Rejection: Sendable, CustomTestStringConvertible {
        var kind: String
        var text: String
        var message: String
        var testDescription: String { kind }
    }

    static let rejections: [Rejection] = [
        Rejection(kind: "a line that is not key = value", text: "# ok\nindex_series \"red\"\n",
                  message: "my.toml:2: key-value pair: expected '=', saw '\"'"),
        Rejection(kind: "a key with spaces", text: "index series = \"red\"\n",
                  message: "my.toml:1: key-value pair: expected '=', saw 's'"),
        Rejection(kind: "no value", text: "\n\ncursor =\n", message: "my.toml:3: key-value pair: expected value, saw '\\n'"),
        Rejection(kind: "an unterminated string", text: "title = \"#ff0000\n",
                  message: "my.toml:1: string: unescaped control characters other than TAB (U+0009) are explicitly prohibited"),
        Rejection(kind: "text after the value", text: "title = \"red\" blue\n",
                  message: "my.toml:1: key-value pair: expected a comment or whitespace, saw 'b'"),
        Rejection(kind: "an unquoted word", text: "title = red\n", message: "my.toml:1: value: could not determine value type (text needs quotes, such as \"red\")"),
        Rejection(kind: "a bad hex colour", text: "axis = \"#12345g\"\n",
                  message: "my.toml:1: axis: '#12345g' is not a hex colour: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a hex colour of the wrong length", text: "axis = \"#1234\"\n",
                  message: "my.toml:1: axis: '#1234' is not a hex colour: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a palette index out of range", text: "grid = 256\n",
                  message: "my.toml:1: grid: palette index 256 is outside 0-255"),
        Rejection(kind: "a palette index out of range in hex", text: "\ngrid = 0x1_00\n",
                  message: "my.toml:2: grid: palette index 256 is outside 0-255"),
        Rejection(kind: "a negative palette index in quotes", text: "grid = \"-1\"\n",
                  message: "my.toml:1: grid: palette index -1 is outside 0-255"),
        Rejection(kind: "an unknown colour name", text: "halving = \"purpleish\"\n",
                  message: "my.toml:1: halving: 'purpleish' is not a colour name: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a boolean for a colour", text: "negative = true\n",
                  message: "my.toml:1: negative: expected a colour, not true or false"),
        Rejection(kind: "a float for a colour", text: "negative = 1.5\n",
                  message: "my.toml:1: negative: expected a colour, not a floating-point number"),
        Rejection(kind: "an array for a colour, over several lines", text: "# x\nnegative = [\n  1,\n  2,\n]\n",
                  message: "my.toml:2: negative: expected a colour, not an array"),
        Rejection(kind: "a colour for use_color", text: "use_color = \"no\"\n",
                  message: "my.toml:1: use_color: expected true or false"),
        Rejection(kind: "a key set twice", text: "grid = 1\ngrid = 2\n",
                  message: "my.toml:2: key-value pair: cannot redefine existing integer 'grid'"),
    ]

    @Test("each kind of mistake is rejected as FILE:LINE: KEY: what is wrong", arguments: rejections)
    func rejects(_ r: Rejection) {
        #expect {
            _ = try Theme.load(text: r.text, path: "my.toml", name: "my")
        } throws: { error in
            (error as? ThemeError)?.description == r.message
        }
    }

    @Test("every colour form reads as the colour it names")
    func colourForms() throws {
        let text = """
            background = ""            # the terminal's own
            foreground = "#FFaa00"
            axis = "#abc"
            grid = 244
            title = "17"
            index_series = "bright_cyan"
            bitcoin_series = 'bright-yellow'
            halving = "Magenta"
            breakout = "grey"
            cursor = "default"
            """
        let theme = try Theme.load(text: text, path: "forms.toml", name: "forms").theme
        #expect(theme.background == .default)
        #expect(theme.foreground == .rgb(255, 0xAA, 0))
        #expect(theme.axis == .rgb(0xAA, 0xBB, 0xCC))
        #expect(theme.grid == .indexed(244))
        #expect(theme.title == .indexed(17))
        #expect(theme.indexSeries == .brightCyan)
        #expect(theme.bitcoinSeries == .brightYellow)
        #expect(theme.halving == .magenta)
        #expect(theme.breakout == .brightBlack)
        #expect(theme.cursor == .default)
    }

    @Test("unknown keys are skipped with a warning; missing keys come from the default theme")
    func unknownAndMissingKeys() throws {
        let text = "# only two keys\nindex_series = \"#0000ff\"\nsparkle = \"#ffffff\"\nfg = 3\n[panels]\nindex_series = 4\n"
        let loaded = try Theme.load(text: text, path: "partial.toml", name: "partial")
        #expect(loaded.theme.indexSeries == .rgb(0, 0, 0xFF), "a key inside a table is not the theme key")
        #expect(loaded.theme.bitcoinSeries == Theme.standard.bitcoinSeries)
        #expect(loaded.theme.statusBackground == Theme.standard.statusBackground)
        #expect(loaded.theme.name == "partial")
        #expect(loaded.theme.foreground == .yellow)
        #expect(loaded.warnings == [
            "partial.toml:3: unknown key 'sparkle' ignored",
            "partial.toml:6: unknown key 'panels.index_series' ignored",
        ])
    }

    @Test("text quoted from the file is on one line and cut short (a lone CR or U+2028 broke the message in two)")
    func quotedTextIsShown() {
        let cases: [(String, String)] = [
            ("grid = \"red\u{2028}x\\nnext\"", "t.toml:1: grid: 'red\\u{2028}x\\nnext' is not a colour name"),
            ("grid = \"re\\rd\"", "t.toml:1: grid: 're\\rd' is not a colour name"),
            ("grid = \"#\(String(repeating: "f", count: 500))\"", "t.toml:1: grid: '#\(String(repeating: "f", count: 59))…' is not a hex colour"),
        ]
        for (text, prefix) in cases {
            do {
                _ = try Theme.load(text: text, path: "t.toml", name: "t")
                Issue.record("accepted \(text.prefix(40))")
            } catch {
                let message = "\(error)"
                #expect(message.hasPrefix(prefix), "\(message.prefix(200))")
                #expect(!message.contains { $0.isNewline })
            }
        }
    }
}
