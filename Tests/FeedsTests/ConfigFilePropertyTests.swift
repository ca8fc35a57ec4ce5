import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// Properties of `config.toml` over random files: a written configuration reads back the same, however
/// its lines end, and a damaged one either reads as a configuration that holds together or is refused
/// with `FILE:LINE: what` (or `FILE: what` for the whole file). The files written use TOML as other
/// tools write it (`TOMLWriting`), so a file any TOML tool accepts must not be refused.
///
/// `RESONANCE_FUZZ_SECONDS=60 swift test --filter ConfigFilePropertyTests` runs them long.
@Suite("config.toml properties")
struct ConfigFilePropertyTests {
    /// A random well-formed config file and the configuration it must read as.
    ///
    /// Strings come in all four TOML forms with random escapes, integers in every base, arrays on one line
    /// or several (comments inside, a trailing comma), keys bare or quoted, comments after values, and each
    /// table as a `[header]`, as dotted keys (`yahoo.url = …`) or as an inline table (`yahoo = { url = … }`).
    static func configFile(_ random: inout SeededRandom) -> (text: String, config: FeedsConfig) {
        var config = FeedsConfig()
        var top: [String] = []
        var sections: [(name: String, settings: [(key: String, value: String)])] = []
        func string(_ text: String) -> String { TOMLWriting.string(text, &random) }
        if random.chance(0.6) {
            let seconds = random.int(15...3_600)
            config.refreshInterval = TimeInterval(seconds)
            top.append("\(TOMLWriting.key("refresh_interval", &random)) = \(TOMLWriting.integer(seconds, &random))\(TOMLWriting.comment(&random))")
        }
        if random.chance(0.4) {
            let agent = random.pick(["Custom/1.0", "Mozilla/5.0 (X11; Linux) \"quoted\" #hash", "agent é \\ back", "tab\there", "it's", "x'''y"])
            config.userAgent = agent
            top.append("user_agent = \(string(agent))\(TOMLWriting.comment(&random))")
        }
        if random.chance(0.4) {
            let contact = random.pick(["Jane Doe jane@example.com", "ops@example.org", "  Q  q@x.y  ", "Zoë zoe@example.com"])
            config.fundamentals.secContact = contact.trimmingCharacters(in: .whitespaces)
            top.append("sec_contact = \(string(contact))")
        }
        if random.chance(0.6) {
            var settings: [(String, String)] = []
            for series in SeriesID.priceSeries where random.chance(0.6) {
                var names = FeedsConfig.providerNames.filter { series == .btc || $0 != "coinbase" }.shuffled(using: &random)
                names = Array(names.prefix(random.int(1...names.count)))
                config.providerOrder[series] = names
                settings.append((series.rawValue, TOMLWriting.array(names.map { string($0) }, &random)))
            }
            sections.append(("providers", settings))
        }
        for (name, keyPath) in [("yahoo", \FeedsConfig.yahooURL), ("coinbase", \.coinbaseURL), ("stooq", \.stooqURL)] where random.chance(0.4) {
            let url = "http://127.0.0.1:\(random.int(1...65_535))/\(name)"
            config[keyPath: keyPath] = URL(string: url)!
            var settings = [("url", string(url))]
            if name == "stooq", random.chance(0.7) {
                let key = random.pick(["abc#def", "k", "' spaced '", "\\u00e9"])
                config.stooqKey = key
                settings.append(("key", string(key)))
            }
            sections.append((name, settings))
        }
        if random.chance(0.4) {
            let url = "https://sec.example/\(random.int(0...99))"
            config.fundamentals.secURL = URL(string: url)!
            sections.append(("sec", [("url", string(url))]))
        }
        if random.chance(0.5) {
            let funds = Array(["IWM", "IJR", "VTWO"].shuffled(using: &random).prefix(random.int(1...3)))
            config.fundamentals.funds = funds
            sections.append(("flows", [("funds", TOMLWriting.array(funds.map { string(random.chance(0.3) ? $0.lowercased() : $0) }, &random))]))
        }
        // Dotted keys and inline tables are top-level lines, so they go before the first [header].
        var tables: [String] = []
        for section in sections.shuffled(using: &random) {
            let name = TOMLWriting.key(section.name, &random)
            switch random.int(0...3) {
            case 0:
                top += section.settings.map { "\(name).\(TOMLWriting.key($0.key, &random)) = \($0.value)\(TOMLWriting.comment(&random))" }
            case 1 where !section.settings.contains { $0.value.contains("\n") }:
                top.append("\(name) = { " + section.settings.map { "\(TOMLWriting.key($0.key, &random)) = \($0.value)" }
                    .joined(separator: ", ") + " }" + TOMLWriting.comment(&random))
            default:
                if random.chance(0.5) { tables.append(random.pick(["", "# next", "   "])) }
                tables.append("[\(name)]\(TOMLWriting.comment(&random))")
                tables += section.settings.map { (random.chance(0.2) ? random.pick([" ", "\t"]) : "") + "\($0.key) = \($0.value)" }
            }
        }
        return ((top + tables).joined(separator: "\n") + (random.chance(0.5) ? "\n" : ""), config)
    }

    /// Pieces that config files go wrong with.
    static let nastyPieces = [
        "\"", "'", "=", "#", "[", "]", "[]", "[providers]", "[ishares]", "\\", ",", "\n", "\r", "\r\n", "\u{FEFF}", "é", "\0", "\u{2028}",
        "99999999999999999999", "-1", "0", "true", "1_", "_", "rut = [\"coinbase\"]", "funds = []", "url = \"ftp://x\"",
        "refresh_interval = 5", "sec_contact = \"nobody\"", "[x.y-z]", "key = [\"a\" \"b\"]", "   ",
    ]

    /// Random damage: a byte lost, a piece inserted, a cut, garbage, a line repeated, a huge line or many lines.
    static func damaged(_ text: String, _ random: inout SeededRandom) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<random.int(1...4) {
            let position = bytes.isEmpty ? 0 : random.int(0...bytes.count)
            switch random.int(0...19) {
            case 0...3: if position < bytes.count { bytes.remove(at: position) }
            case 4...9: bytes.insert(contentsOf: Array(random.pick(nastyPieces).utf8), at: position)
            case 10, 11: bytes = Array(bytes.prefix(position))
            case 12, 13: bytes.insert(contentsOf: random.bytes(random.int(1...8)), at: position)
            case 14...16:
                var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
                if !lines.isEmpty { lines.insert(random.pick(lines), at: random.int(0...lines.count)) }
                bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            case 17, 18:
                bytes.insert(contentsOf: Array(("k = \"" + String(repeating: random.pick(["x", "#", "'", "é"]), count: random.int(5_000...50_000)) + "\"\n").utf8),
                             at: bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
            default:
                // Many distinct settings: the parse must stay fast however long the file.
                let many = (0..<random.int(2_000...20_000)).map { "k\($0) = \($0)" }.joined(separator: "\n")
                bytes += Array(("\n[many]\n" + many + "\n").utf8)
            }
        }
        return bytes
    }

    /// Whether a message is `c.toml:LINE: what` for a line of the file, or `c.toml: what`, on one line.
    static func isLocated(_ message: String, lineCount: Int) -> Bool {
        guard message.hasPrefix("c.toml:"), message.count <= 300, !message.contains(where: \.isNewline) else { return false }
        let rest = message.dropFirst("c.toml:".count)
        if rest.hasPrefix(" ") { return rest.count > 3 }
        guard let line = Int(rest.prefix { $0.isNumber }), (1...lineCount).contains(line) else { return false }
        return rest.drop { $0.isNumber }.hasPrefix(": ")
    }

    /// Checks that an accepted configuration holds together.
    static func expectValid(_ config: FeedsConfig, seed: UInt64) {
        #expect(config.refreshInterval >= FeedsConfig.minimumInterval && config.refreshInterval.isFinite, "seed \(seed)")
        #expect(config.userAgent.map { !$0.isEmpty } ?? true, "seed \(seed): empty User-Agent")
        for (series, names) in config.providerOrder {
            #expect(SeriesID.priceSeries.contains(series) && !names.isEmpty, "seed \(seed): \(series) \(names)")
            #expect(names.allSatisfy(FeedsConfig.providerNames.contains), "seed \(seed): \(names)")
            #expect(series == .btc || !names.contains("coinbase"), "seed \(seed): coinbase for \(series)")
        }
        let urls = [config.yahooURL, config.coinbaseURL, config.stooqURL] + [config.fundamentals.secURL].compactMap { $0 }
        for url in urls {
            #expect(["http", "https"].contains(url.scheme?.lowercased()) && url.host != nil, "seed \(seed): \(url)")
        }
        #expect(config.fundamentals.secContact.map { $0.isEmpty || $0.contains("@") } ?? true, "seed \(seed)")
        #expect(!config.fundamentals.funds.isEmpty, "seed \(seed): no funds")
        for fund in config.fundamentals.funds {
            #expect(!fund.isEmpty && fund == fund.uppercased() && fund.allSatisfy { $0.isLetter || $0.isNumber }, "seed \(seed): \(fund)")
        }
    }

    @Test("a written config reads back the same, with LF or CRLF line ends")
    func roundTrip() throws {
        FuzzBudget(quickCases: 400).run("config round trip") { seed, random in
            let file = Self.configFile(&random)
            let crlf = random.chance(0.5)
            let text = crlf ? file.text.replacingOccurrences(of: "\n", with: "\r\n") : file.text
            do {
                let config = try FeedsConfig.load(text: text, path: "c.toml", environment: [:])
                #expect(config == file.config, "seed \(seed)\(crlf ? " (CRLF)" : ""):\n\(file.text)")
            } catch {
                Issue.record("seed \(seed)\(crlf ? " (CRLF)" : ""): \(error)\n\(file.text)")
            }
        }
    }

    @Test("damaged config files, read from disk: a valid configuration, or FILE:LINE: what, quickly")
    func damagedFiles() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("config.toml").path
        var outcomes = [true: 0, false: 0]
        try FuzzBudget(quickCases: 500).run("config") { seed, random in
            let bytes = Self.damaged(Self.configFile(&random).text, &random)
            try Data(bytes).write(to: folder.file("config.toml"))
            let lineCount = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            do {
                let config = try FeedsConfig.load(folder: folder.url, environment: [:])
                Self.expectValid(config, seed: seed)
                outcomes[true, default: 0] += 1
            } catch let error as ConfigError {
                let message = error.description.replacingOccurrences(of: path, with: "c.toml")
                #expect(Self.isLocated(message, lineCount: lineCount), "seed \(seed): \(message.prefix(400))")
                outcomes[false, default: 0] += 1
            }
        }
        #expect(outcomes[true]! > 0 && outcomes[false]! > 0, "\(outcomes)")
    }
}
