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
                  message: "my.toml:2: expected key = \"value\", got 'index_series \"red\"'"),
        Rejection(kind: "a key with spaces", text: "index series = \"red\"\n",
                  message: "my.toml:1: 'index series' is not a key (letters, digits, _ and - only)"),
        Rejection(kind: "no value", text: "\n\ncursor =\n", message: "my.toml:3: cursor: no value after '='"),
        Rejection(kind: "an unterminated string", text: "title = \"#ff0000\n",
                  message: "my.toml:1: title: the quoted value has no closing quote"),
        Rejection(kind: "text after the value", text: "title = \"red\" blue\n",
                  message: "my.toml:1: title: unexpected 'blue' after the value"),
        Rejection(kind: "an unquoted word", text: "title = red\n",
                  message: "my.toml:1: title: 'red' must be quoted: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a bad hex colour", text: "axis = \"#12345g\"\n",
                  message: "my.toml:1: axis: '#12345g' is not a hex colour: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a hex colour of the wrong length", text: "axis = \"#1234\"\n",
                  message: "my.toml:1: axis: '#1234' is not a hex colour: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a palette index out of range", text: "grid = 256\n",
                  message: "my.toml:1: grid: palette index 256 is outside 0-255"),
        Rejection(kind: "a negative palette index in quotes", text: "grid = \"-1\"\n",
                  message: "my.toml:1: grid: palette index -1 is outside 0-255"),
        Rejection(kind: "an unknown colour name", text: "halving = \"purpleish\"\n",
                  message: "my.toml:1: halving: 'purpleish' is not a colour name: expected \"#rrggbb\", a palette index 0-255, "
                      + "a colour name such as \"red\" or \"bright_blue\", or \"\" for the terminal's own colour"),
        Rejection(kind: "a boolean for a colour", text: "negative = true\n",
                  message: "my.toml:1: negative: expected a colour, not true or false"),
        Rejection(kind: "a colour for use_color", text: "use_color = \"no\"\n",
                  message: "my.toml:1: use_color: expected true or false"),
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
        let text = "# only two keys\nindex_series = \"#0000ff\"\nsparkle = \"#ffffff\"\n[panels]\nindex_series = 4\n"
        let loaded = try Theme.load(text: text, path: "partial.toml", name: "partial")
        #expect(loaded.theme.indexSeries == .blue)
        #expect(loaded.theme.bitcoinSeries == Theme.standard.bitcoinSeries)
        #expect(loaded.theme.statusBackground == Theme.standard.statusBackground)
        #expect(loaded.theme.name == "partial")
        #expect(loaded.warnings == [
            "partial.toml:4: sections are not used in theme files; '[panels]' is ignored",
            "partial.toml:3: unknown key 'sparkle' ignored",
            "partial.toml:5: index_series: repeats line 2; the later value is used",
        ])
    }

    @Test("text quoted from the file is on one line and cut short (a lone CR or U+2028 broke the message in two)")
    func quotedTextIsShown() {
        let cases: [(String, String)] = [
            ("grid = \"red\" x\u{2028}y", "t.toml:1: grid: unexpected 'x\\u{2028}y' after the value"),
            ("grid = re\rd", "t.toml:1: grid: 're\\rd' must be quoted"),
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
