import Foundation
import TermCanvas
import TestSupport
import Testing

/// Properties of the theme loader over random files: a written theme reads back the same, however its
/// lines end, and a damaged one either loads or is rejected with `FILE:LINE: KEY: what`, down to the
/// bytes of a user's file on disk.
///
/// Quick by default; `RESONANCE_FUZZ_SECONDS=600 swift test --filter ThemePropertyTests` runs it long.
@Suite("Theme file properties")
struct ThemePropertyTests {
    /// A random colour and a way of writing it (in any of TOML's string or integer forms) that the loader
    /// must read as that colour.
    static func colour(_ random: inout SeededRandom) -> (color: Color, text: String) {
        switch random.int(0...4) {
        case 0:
            let (r, g, b) = (UInt8(random.int(0...255)), UInt8(random.int(0...255)), UInt8(random.int(0...255)))
            let hex = String(format: "#%02x%02x%02x", r, g, b)
            return (.rgb(r, g, b), TOMLWriting.string(random.chance(0.5) ? hex : hex.uppercased(), &random))
        case 1:
            let n = random.int(0...255)
            return (.indexed(UInt8(n)), random.chance(0.5) ? TOMLWriting.integer(n, &random) : TOMLWriting.string("\(n)", &random))
        case 2:
            let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
            let i = random.int(0...7)
            return random.chance(0.5) ? (.indexed(UInt8(i)), TOMLWriting.string(names[i], &random))
                : (.indexed(UInt8(i + 8)), TOMLWriting.string("bright_" + names[i], &random))
        case 3:
            return (.default, TOMLWriting.string(random.pick(["", "default", " \tdefault"]), &random))
        default:
            return (.indexed(8), TOMLWriting.string(random.pick(["grey", "gray"]), &random))
        }
    }

    /// A random well-formed theme file and the theme it must load as: keys bare or quoted, every string
    /// and integer form, comments after values, blank and comment lines, and now and then a table of
    /// other settings at the end (its keys are not theme keys: ignored with a warning).
    static func themeFile(_ random: inout SeededRandom) -> (text: String, theme: Theme, tableKeys: Int) {
        var theme = Theme.standard
        theme.name = "fuzz"
        var lines = ["# a theme written by the property tests"]
        for key in ThemeKey.all where random.chance(0.7) {
            let (color, text) = colour(&random)
            theme[keyPath: key.property] = color
            let name = random.chance(0.8) ? key.name : random.pick([key.name] + key.aliases)
            let indent = random.pick(["", " ", "\t"])
            lines.append("\(indent)\(TOMLWriting.key(name, &random))\(random.pick(["=", " = ", "\t=\t"]))\(text)\(TOMLWriting.comment(&random))")
            if random.chance(0.2) { lines.append(random.pick(["", "# comment", "   "])) }
        }
        if random.chance(0.3) {
            let flag = random.chance(0.5)
            theme.usesColor = flag
            lines.append("use_color = \(flag)\(TOMLWriting.comment(&random))")
        }
        var tableKeys = 0
        if random.chance(0.2) {
            // Settings of another program sharing the file: a table, an inline table and a multi-line array.
            lines += ["[panels]", "grid = \(TOMLWriting.integer(3, &random))",
                      "sizes = " + TOMLWriting.array(["1", "2"], &random), "inner = { a = 1, b.c = \"x\" }"]
            tableKeys = 4
        }
        return (lines.joined(separator: "\n") + (random.chance(0.5) ? "\n" : ""), theme, tableKeys)
    }

    @Test("a written theme loads back the same, with LF or CRLF line ends")
    func roundTrip() throws {
        FuzzBudget(quickCases: 500).run { seed, random in
            let file = Self.themeFile(&random)
            let crlf = random.chance(0.5)
            let text = crlf ? file.text.replacingOccurrences(of: "\n", with: "\r\n") : file.text
            do {
                let loaded = try Theme.load(text: text, path: "fuzz.toml", name: "fuzz")
                #expect(loaded.theme == file.theme, "seed \(seed)\(crlf ? " (CRLF)" : ""):\n\(file.text)")
                #expect(loaded.warnings.count == file.tableKeys, "seed \(seed): \(loaded.warnings)")
                #expect(loaded.warnings.allSatisfy { Self.isLocated($0, lineCount: text.count { $0 == "\n" || $0 == "\r\n" } + 1) },
                        "seed \(seed): \(loaded.warnings)")
            } catch {
                Issue.record("seed \(seed)\(crlf ? " (CRLF)" : ""): \(error)\n\(file.text)")
            }
        }
    }

    @Test("a theme saved with Windows line ends sets its keys (it used to load as the default, silently)")
    func windowsLineEnds() throws {
        let loaded = try Theme.load(text: "# mine\r\nindex_series = \"red\"\r\ngrid = 3\r\n", path: "mine.toml", name: "mine")
        #expect(loaded.theme.indexSeries == .red)
        #expect(loaded.theme.grid == .yellow)
        #expect(loaded.warnings.isEmpty)
    }

    @Test("damaged theme files load or fail with FILE:LINE")
    func damagedFiles() {
        var outcomes = [true: 0, false: 0]
        FuzzBudget(quickCases: 2_000).run { seed, random in
            var bytes = Array(Self.themeFile(&random).text.utf8)
            let pieces: [[UInt8]] = ["\"", "'", "=", "#", "\n", "\r", "[x]", "\\", "\u{FEFF}", "é", "\0", "99999999999999999999",
                                     "-1", "true", "#12345g", "bright_", "   "].map { Array($0.utf8) }
            for _ in 0..<random.int(1...4) {
                let position = bytes.isEmpty ? 0 : random.int(0...bytes.count)
                switch random.int(0...3) {
                case 0: if position < bytes.count { bytes.remove(at: position) }
                case 1: bytes.insert(contentsOf: random.pick(pieces), at: position)
                case 2: bytes = Array(bytes.prefix(position))
                default: bytes.insert(contentsOf: random.bytes(random.int(1...8)), at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
            do {
                let loaded = try Theme.load(text: text, path: "fuzz.toml", name: "fuzz")
                for warning in loaded.warnings { #expect(Self.isLocated(warning, lineCount: lineCount), "seed \(seed): \(warning)") }
                outcomes[true, default: 0] += 1
            } catch let error as ThemeError {
                #expect(Self.isLocated(error.description, lineCount: lineCount), "seed \(seed): \(error)")
                outcomes[false, default: 0] += 1
            } catch {
                Issue.record("seed \(seed): not a ThemeError: \(error)")
            }
        }
        #expect(outcomes[true]! > 0 && outcomes[false]! > 0, "\(outcomes)")
    }

    @Test("user theme files damaged down to their bytes: they load as their text says, or fail naming the file and line")
    func userFileBytes() throws {
        let base = try ThemeCatalog.bundledDefault()
        var outcomes = [true: 0, false: 0]
        try FuzzBudget(quickCases: 500).run("theme files") { seed, random in
            // A user file named like a bundled theme overrides it: it must never quietly lose to it.
            let name = random.pick(["default", "mono", "mine"])
            let path = "/home/u/.config/resonance/themes/\(name).toml"
            var bytes = Array(Self.themeFile(&random).text.utf8)
            for _ in 0..<random.int(1...3) {
                let position = random.int(0...bytes.count)
                switch random.int(0...4) {
                case 0: bytes.insert(contentsOf: random.pick([[0xFF], [0xC3], [0xE9], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]), at: position)
                case 1: bytes.insert(contentsOf: random.bytes(random.int(1...8)), at: position)
                case 2: bytes = Array(bytes.prefix(position))
                case 3: bytes.insert(contentsOf: Array(("x = \"" + String(repeating: "é", count: random.int(1_000...50_000)) + "\"\n").utf8), at: 0)
                default: if position < bytes.count { bytes.remove(at: position) }
                }
            }
            let catalog = ThemeCatalog(userThemes: [ThemeCatalog.UserTheme(name: name, path: path, bytes: bytes)])
            let text = String(validating: bytes, as: UTF8.self)
            let lineCount = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            do {
                let loaded = try catalog.load(name)
                guard let text else {
                    Issue.record("seed \(seed): a file that is not UTF-8 loaded as \(loaded.theme.name)")
                    return
                }
                #expect(loaded.theme == (try? Theme.load(text: text, path: path, name: name, base: base))?.theme, "seed \(seed)")
                outcomes[true, default: 0] += 1
            } catch let error as ThemeError {
                let message = error.description
                let located = message.hasPrefix(path + ":") && Int(message.dropFirst(path.count + 1).prefix { $0.isNumber })
                    .map { (1...lineCount).contains($0) } == true
                #expect(located && !message.contains(where: \.isNewline), "seed \(seed): \(message.prefix(300))")
                outcomes[false, default: 0] += 1
            }
        }
        #expect(outcomes[true]! > 0 && outcomes[false]! > 0, "\(outcomes)")
    }

    /// Whether a message starts with `fuzz.toml:LINE: ` for a line of the file.
    static func isLocated(_ message: String, lineCount: Int) -> Bool {
        guard message.hasPrefix("fuzz.toml:") else { return false }
        let rest = message.dropFirst("fuzz.toml:".count)
        guard let line = Int(rest.prefix { $0.isNumber }), (1...lineCount).contains(line) else { return false }
        return rest.drop { $0.isNumber }.hasPrefix(": ")
    }
}
