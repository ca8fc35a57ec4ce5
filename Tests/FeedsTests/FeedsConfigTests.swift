import Feeds
import Foundation
import Markets
import TestSupport
import Testing

@Suite("config.toml for the providers")
struct FeedsConfigTests {
    @Test("a full file is read, and the environment overrides the URLs")
    func fullFile() throws {
        let text = """
            # live data
            refresh_interval = 90
            user_agent = "Custom/1.0"   # a comment
            [providers]
            rut = ["stooq", "yahoo"]
            btc = ['coinbase']
            [yahoo]
            url = "http://127.0.0.1:9/yahoo"
            [stooq]
            key = "abc#def"
            """
        let config = try FeedsConfig.load(text: text, path: "config.toml", environment: ["RESONANCE_COINBASE_URL": "http://localhost:8"])
        #expect(config.refreshInterval == 90)
        #expect(config.userAgent == "Custom/1.0")
        #expect(config.providerOrder[.rut] == ["stooq", "yahoo"])
        #expect(config.stooqKey == "abc#def")
        #expect(config.yahooURL.absoluteString == "http://127.0.0.1:9/yahoo")
        #expect(config.coinbaseURL.absoluteString == "http://localhost:8")
        #expect(config.providers(for: .rut).map(\.name) == ["stooq", "yahoo"])
        #expect(config.providers(for: .btc).map(\.name) == ["coinbase"])
    }

    @Test("defaults without a file: 60 s, Yahoo first, Stooq left out without a key")
    func defaults() throws {
        let config = try FeedsConfig.load(text: nil, path: "config.toml", environment: [:])
        #expect(config.refreshInterval == 60)
        #expect(config.providers(for: .btc).map(\.name) == ["yahoo", "coinbase"])
        #expect(config.providers(for: .rut).map(\.name) == ["yahoo"])
    }

    @Test("each mistake is FILE:LINE: what is wrong; a bad value names its key path", arguments: [
        ("refresh_interval = 10", "c.toml:1: refresh_interval is 10 s; the minimum is 15 s"),
        ("refresh_interval = \"60\"", "c.toml:1: refresh_interval must be a whole number of seconds, not a string"),
        ("refresh_interval = 60.5", "c.toml:1: refresh_interval must be a whole number of seconds, not a floating-point number"),
        ("\n[providers]\nspx = [\"yahoo\"]", "c.toml:3: unknown series 'providers.spx' (expected providers.rut, providers.btc or providers.iwm)"),
        ("[providers]\nrut = [\"coinbase\"]", "c.toml:2: coinbase serves only btc"),
        ("providers.rut = [\n  \"yahoo\",\n  1,\n]", "c.toml:1: providers.rut must be a list of providers, such as [\"yahoo\", \"coinbase\"]"),
        ("[yahoo]\nurl = \"query1.finance.yahoo.com\"", "c.toml:2: yahoo.url: 'query1.finance.yahoo.com' is not an http(s) URL"),
        ("# inline\n\nyahoo = { url = 5 }", "c.toml:3: yahoo.url must be a quoted string, not an integer"),
        ("colour = 1", "c.toml:1: unknown setting 'colour'"),
        ("[yahoo]\nurl = \"http://x\"\nproxy = \"y\"", "c.toml:3: unknown setting 'yahoo.proxy'"),
        ("user_agent = \"open", "c.toml:1: string: encountered end-of-file"),
        ("[yahoo", "c.toml:1: table header: encountered end-of-file"),
        ("\njust words", "c.toml:2: key-value pair: expected '=', saw 'w'"),
        ("refresh_interval = 20\nrefresh_interval = 30", "c.toml:2: key-value pair: cannot redefine existing integer 'refresh_interval'"),
        ("user_agent = \"a\"\n\u{0}", "c.toml:2: a NUL character, which TOML does not allow"),
    ])
    func mistakes(_ text: String, _ message: String) {
        let error = #expect(throws: ConfigError.self) { try FeedsConfig.load(text: text, path: "c.toml", environment: [:]) }
        #expect(error?.description == message)
    }

    @Test("TOML as other tools write it: escapes, literal strings, multi-line arrays, comments after values, dotted keys, inline tables")
    func realTOML() throws {
        let text = #"""
            refresh_interval = 1_20   # two minutes
            user_agent = "tab\there \u00e9 \"q\" \\"
            providers.rut = [
              "stooq",  # first
              'yahoo',
            ]
            providers.btc = ["coinbase"]
            stooq = { key = 'C:\raw\path', url = "https://stooq.example" }
            [yahoo]
            url = """
            http://127.0.0.1:9/yahoo"""
            """#
        let config = try FeedsConfig.load(text: text, path: "c.toml", environment: [:])
        #expect(config.refreshInterval == 120)
        #expect(config.userAgent == "tab\there é \"q\" \\")
        #expect(config.providerOrder[.rut] == ["stooq", "yahoo"])
        #expect(config.providerOrder[.btc] == ["coinbase"])
        #expect(config.stooqKey == #"C:\raw\path"#)
        #expect(config.stooqURL.absoluteString == "https://stooq.example")
        #expect(config.yahooURL.absoluteString == "http://127.0.0.1:9/yahoo")
        let entries = try ConfigFile(parsing: text, path: "c.toml").entries
        #expect(entries.map(\.keyPath) == ["refresh_interval", "user_agent", "providers.rut", "providers.btc", "stooq.key", "stooq.url", "yahoo.url"])
        #expect(entries.map(\.line) == [1, 2, 3, 7, 8, 8, 10])
    }

    @Test("a file saved with Windows line ends, and a byte order mark, reads as the same file with LF (it was refused)")
    func windowsLineEnds() throws {
        let text = "refresh_interval = 90\nuser_agent = \"x\"   # note\n[providers]\nbtc = [\"coinbase\"]\n[stooq]\nkey = 'k'\n"
        let unix = try FeedsConfig.load(text: text, path: "c.toml", environment: [:])
        let windows = try FeedsConfig.load(text: "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"), path: "c.toml", environment: [:])
        #expect(windows == unix)
        #expect(windows.refreshInterval == 90 && windows.providerOrder[.btc] == ["coinbase"] && windows.stooqKey == "k")
        let error = #expect(throws: ConfigError.self) {
            try FeedsConfig.load(text: "refresh_interval = 90\r\nrefresh = 5\r\n", path: "c.toml", environment: [:])
        }
        #expect(error?.description == "c.toml:2: unknown setting 'refresh'")
    }

    @Test("a file of 50,000 settings is read, its repeated key found at its line (each key was compared with every earlier one: 97 s)")
    func manySettings() throws {
        let text = "[many]\n" + (0..<50_000).map { "k\($0) = \($0)" }.joined(separator: "\n") + "\nk7 = 1\n"
        let error = #expect(throws: ConfigError.self) { try ConfigFile(parsing: text, path: "c.toml") }
        #expect(error?.description == "c.toml:50002: key-value pair: cannot redefine existing integer 'k7'")
        let lines = try ConfigFile(parsing: String(text.dropLast("k7 = 1\n".count)), path: "c.toml").entries.map(\.line)
        #expect(lines == (2...50_001).map { $0 })
    }

    @Test("text quoted from the file is cut short and shows invisible characters (a 5,000-character value went whole)",
          arguments: [
            ("k\u{0}ey = 1", "c.toml:1: a NUL character, which TOML does not allow"),
            ("user_agent = \"a\" " + String(repeating: "x", count: 5_000), "c.toml:1: key-value pair: expected a comment or whitespace, saw 'x'"),
            ("[yahoo]\nurl = \"ftp://" + String(repeating: "x", count: 5_000) + "\"",
             "c.toml:2: yahoo.url: 'ftp://\(String(repeating: "x", count: 54))…' is not an http(s) URL"),
            ("[providers]\nbtc = [\"yahoo\", \"coin\u{2028}base\"]", "c.toml:2: unknown provider 'coin\\u{2028}base' (expected yahoo, coinbase, stooq)"),
            ("[flows]\nfunds = [\"\(String(repeating: "Z", count: 500))\"]",
             "c.toml:2: funds: '\(String(repeating: "Z", count: 20))…' is not a fund ticker"),
            ("[ishares]\nfunds = [\"IWM\"]",
             "c.toml:2: [ishares] is no longer read: iShares' holdings route stopped answering in 2026, and flows now come from the SEC's N-PORT filings; list funds as [flows] funds = [\"IWM\", …]"),
          ])
    func quotedTextIsExcerpted(_ text: String, _ message: String) {
        let error = #expect(throws: ConfigError.self) { try FeedsConfig.load(text: text, path: "c.toml", environment: [:]) }
        #expect(error?.description == message)
    }

    @Test("a file that is not UTF-8 is refused at its first such line (the message named no line)")
    func notUTF8() throws {
        let folder = try TemporaryDirectory()
        try Data("refresh_interval = 60\n".utf8 + [UInt8(ascii: "#"), 0xE9, UInt8(ascii: "\n")] + "user_agent = \"x\"\n".utf8)
            .write(to: folder.file("config.toml"))
        let error = #expect(throws: ConfigError.self) { try FeedsConfig.load(folder: folder.url, environment: [:]) }
        #expect(error?.description == "\(folder.file("config.toml").path):2: not UTF-8 text (save the file as UTF-8)")
    }
}
