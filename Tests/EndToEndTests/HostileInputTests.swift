import Feeds
import Foundation
import Markets
import TermCanvas
import TestSupport
import Testing

/// The real binary against what an attacker controls: files, names, arguments, symlinks, umasks, damaged
/// stores and hostile loopback servers. Nothing reaches the terminal raw, nothing leaks, nothing is lost.
@Suite("Hostile input, end to end")
struct HostileInputTests {
    /// The first character a terminal could act on in some output, if any: a control other than a line
    /// feed, or bytes that are not UTF-8 (a lone 0x9B is CSI to an 8-bit terminal).
    static func rawControl(_ bytes: Data) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return "bytes that are not UTF-8" }
        return text.unicodeScalars.first { SafeText.needsEscape($0) && $0 != "\n" }.map { "U+" + String($0.value, radix: 16) }
    }

    /// A home with 2,000 days of the index, imported through the binary.
    static func homeWithIndex(_ folder: TemporaryDirectory) throws -> URL {
        var text = "date,close\n"
        var day = Day(iso: "2015-01-02")!
        for i in 0..<2000 {
            text += "\(day.iso),\(1000 + i % 50)\n"
            day = day.adding(days: 1)
        }
        let file = try folder.write(text, to: "index.csv")
        let home = folder.file("home")
        let result = try Processes.resonance(["import", file.path, "--series", "rut", "--home", home.path])
        try #require(result.status == 0, "\(result.stderr)")
        return home
    }

    @Test("escape sequences in a cell, a NUL, a file name: stderr shows them escaped, never raw")
    func escapeSequencesInFiles() throws {
        let folder = try TemporaryDirectory()
        let cell = try folder.write("date,open,high,low,close,volume\n2026-09-01,2000,2010,1990,\u{1B}]0;pwned\u{07}\u{1B}[2J,1000\n",
                                    to: "cell.csv")
        let imported = try Processes.resonance(["import", cell.path, "--series", "rut", "--home", folder.file("home").path])
        #expect(imported.status != 0)
        #expect(Self.rawControl(imported.stderrBytes) == nil, "\(imported.stderr)")
        #expect(imported.stderr.contains(#"close '\u{1B}]0;pwned\u{7}\u{1B}[2J' is not a number"#), "\(imported.stderr)")

        let nul = try folder.write("date,close\n2020-01-02,19\u{0} 90\n", to: "nul.csv")
        let withNUL = try Processes.resonance(["import", nul.path, "--series", "rut", "--home", folder.file("home").path])
        #expect(withNUL.stderr.contains(#"close '19\0 90' is not a number"#), "\(withNUL.stderr)")

        let named = try folder.write("date,close\n2020-01-02,x\n", to: "a\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}2J.csv")
        let byName = try Processes.resonance(["import", named.path, "--series", "rut", "--home", folder.file("home").path])
        #expect(Self.rawControl(byName.stderrBytes) == nil, "\(byName.stderr)")
        #expect(byName.stderr.contains(#"a\u{1B}]52;c;cHduZWQ=\u{7}\u{9B}2J.csv:2:"#), "\(byName.stderr)")
    }

    @Test("theme names, --theme and a remembered theme with escapes are shown escaped")
    func themeNames() throws {
        let folder = try TemporaryDirectory()
        let home = folder.file("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try Data("background = \"nope\u{1B}[2J\"\n".utf8).write(to: home.appendingPathComponent("themes/evil\u{1B}]0;pwned\u{07}.toml"))
        try Data("\u{9D}0;pwned\u{9C}\n".utf8).write(to: home.appendingPathComponent("theme"))
        let environment = ["RESONANCE_HOME": home.path]
        let chosen = try Processes.resonance(["render", "--demo", "--size", "80x24", "--color", "never",
                                              "--theme", "x\u{1B}[2J"], environment: environment)
        #expect(chosen.status != 0)
        #expect(Self.rawControl(chosen.stderrBytes) == nil, "\(chosen.stderr)")
        #expect(chosen.stderr.contains(#"no theme 'x\u{1B}[2J'; available:"#), "\(chosen.stderr)")
        #expect(chosen.stderr.contains(#"evil\u{1B}]0;pwned\u{7}"#), "\(chosen.stderr)")
        let remembered = try Processes.resonance(["render", "--demo", "--size", "80x24", "--color", "never"], environment: environment)
        #expect(remembered.status == 0)
        #expect(Self.rawControl(remembered.stderrBytes) == nil, "\(remembered.stderr)")
        #expect(remembered.stderr.contains("the remembered theme (file 'theme' in the configuration folder) holds no theme name"),
                "\(remembered.stderr)")
        #expect(!remembered.stderr.contains("pwned"))
        #expect(Self.rawControl(remembered.stdoutBytes) == nil)
    }

    @Test("a remembered theme symlinked to a 300 kB secret file is quoted as a short excerpt, not echoed")
    func symlinkedThemeIsNotEchoed() throws {
        let folder = try TemporaryDirectory()
        let home = folder.file("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let secret = (1...6000).map { "user\($0):$6$salt$secret-hash-\($0):19000:0:99999:7:::" }.joined(separator: "\n")
        let target = try folder.write(secret, to: "shadow")
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("theme"), withDestinationURL: target)
        let result = try Processes.resonance(["render", "--demo", "--size", "100x30", "--color", "never"],
                                             environment: ["RESONANCE_HOME": home.path])
        #expect(result.status == 0)
        #expect(result.stderr.utf8.count < 300, "\(result.stderr.utf8.count) bytes of warning")
        #expect(!result.stderr.contains("user1:") && !result.stderr.contains("hash"), "\(result.stderr)")

        // Pointed at a device that never ends, the remembered name is not read at all and a theme file
        // is refused unread.
        try FileManager.default.removeItem(at: home.appendingPathComponent("theme"))
        try FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent("theme").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent("themes/zero.toml").path,
                                                   withDestinationPath: "/dev/zero")
        let zero = try Processes.resonance(["render", "--demo", "--size", "100x30", "--color", "never", "--theme", "zero"],
                                           environment: ["RESONANCE_HOME": home.path])
        #expect(zero.status != 0)
        // A theme file that is not a regular file (here a device) is refused without being read.
        #expect(zero.stderr.contains("zero.toml: cannot be read"), "\(zero.stderr)")
        #expect(zero.stderr.utf8.count < 300, "\(zero.stderr)")
        let remembered = try Processes.resonance(["render", "--demo", "--size", "100x30", "--color", "never"],
                                                 environment: ["RESONANCE_HOME": home.path])
        #expect(remembered.status == 0, "\(remembered.stderr)")
    }

    @Test("config.toml pointed at /dev/zero is refused in words instead of read forever")
    func configPointedAtADevice() throws {
        let folder = try TemporaryDirectory()
        let home = folder.file("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent("config.toml").path, withDestinationPath: "/dev/zero")
        let result = try Processes.resonance(["fetch", "--series", "rut", "--home", home.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("config.toml: cannot read the file: it is not a regular file"), "\(result.stderr)")
    }

    @Test("render --size: below the minimum and past the limit are errors on stderr, with a non-zero exit", arguments: [
        ("30x10", "--size 30x10: terminal too small: need at least 60x16"),
        ("100000x100000", "--size 100000x100000: larger than the limit of 1000x1000"),
        ("5000x5000", "--size 5000x5000: larger than the limit of 1000x1000"),
    ])
    func renderSizeLimits(size: String, message: String) throws {
        let result = try Processes.resonance(["render", "--demo", "--size", size, "--color", "never"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("the largest render size is drawn")
    func largestRenderSize() throws {
        let result = try Processes.resonance(["render", "--demo", "--size", "1000x60", "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.hasSuffix("\n") ? result.stdout.dropLast() : Substring(result.stdout)
        #expect(rows.split(separator: "\n", omittingEmptySubsequences: false).count == 60)
    }

    @Test("RESONANCE_HOME under a regular file says so in words")
    func homeUnderAFile() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("x", to: "file")
        let result = try Processes.resonance(["import", file.path, "--series", "rut"],
                                             environment: ["RESONANCE_HOME": file.appendingPathComponent("home").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path) is a file, not a folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("under umask 000 the folders made are 0700 and fetch.log 0600")
    func umaskZero() throws {
        let folder = try TemporaryDirectory()
        let home = folder.file("a/b/home")
        let csv = try folder.write("date,close\n2020-01-02,1000\n", to: "one.csv")
        let binary = Processes.resonanceBinary.path
        let script = "umask 000; \(binary) import \(csv.path) --series rut --home \(home.path) && "
            + "\(binary) fetch --series rut --home \(home.path); exit 0"
        let result = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: Processes.offline)
        #expect(result.status == 0, "\(result.stderr)")
        func mode(_ url: URL) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
        }
        for made in [folder.file("a"), folder.file("a/b"), home] { #expect(try mode(made) == 0o700, "\(made.path)") }
        #expect(try mode(home.appendingPathComponent("fetch.log")) == 0o600)
    }

    @Test("fetch.log made a symlink is not followed: its target is left as it was")
    func logSymlinkNotFollowed() throws {
        let folder = try TemporaryDirectory()
        let home = folder.file("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let target = try folder.write("precious\n", to: "target")
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("fetch.log"), withDestinationURL: target)
        let result = try Processes.resonance(["fetch", "--series", "rut", "--home", home.path])
        #expect(result.status != 0)  // every provider refuses: a fault to log
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
    }

    @Test("a store with a corrupted page refuses an import, says how to recover, and check says what it found")
    func corruptedPage() throws {
        let folder = try TemporaryDirectory()
        let home = try Self.homeWithIndex(folder)
        let database = home.appendingPathComponent(StoreLocation.databaseFileName)
        // Page 21 holds rows an import reads nothing of: before the check the import went through, exit 0.
        let handle = try FileHandle(forWritingTo: database)
        var random = SeededRandom(seed: 15)
        try handle.seek(toOffset: 4096 * 20)
        try handle.write(contentsOf: Data(random.bytes(4096)))
        try handle.close()
        let before = try Data(contentsOf: database)
        let csv = try folder.write("date,close\n2020-01-02,1000\n", to: "btc.csv")
        let imported = try Processes.resonance(["import", csv.path, "--series", "btc", "--home", home.path])
        #expect(imported.status != 0)
        #expect(imported.stderr.contains("is a damaged Resonance store"), "\(imported.stderr)")
        #expect(imported.stderr.contains("nothing was written") && imported.stderr.contains(".recover"), "\(imported.stderr)")
        #expect(try Data(contentsOf: database) == before)

        let check = try Processes.resonance(["check", "--home", home.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("integrity_check found"), "\(check.stderr)")
        #expect(check.stderr.contains("Page 21"), "\(check.stderr)")
    }

    @Test("a damaged page met while reading is called a damaged store, not an SQL statement")
    func damageMetWhileReading() throws {
        let folder = try TemporaryDirectory()
        let home = try Self.homeWithIndex(folder)
        let handle = try FileHandle(forWritingTo: home.appendingPathComponent(StoreLocation.databaseFileName))
        var random = SeededRandom(seed: 11)
        try handle.seek(toOffset: 4096 * 10)  // page 11: the packed columns a render reads
        try handle.write(contentsOf: Data(random.bytes(4096)))
        try handle.close()
        let result = try Processes.resonance(["render", "--size", "80x24", "--color", "never", "--home", home.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the store is damaged (SQLite: database disk image is malformed); resonance check"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("SELECT"))
    }

    @Test("check on a sound store says so and exits 0")
    func soundStore() throws {
        let folder = try TemporaryDirectory()
        let home = try Self.homeWithIndex(folder)
        let check = try Processes.resonance(["check", "--home", home.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("sound (integrity_check found no problem"), "\(check.stdout)")
        #expect(check.stdout.contains("1 series, 2000 bars"))
    }

    @Test("a store cut in half is called damaged, not 'not a Resonance store'")
    func truncatedStore() throws {
        let folder = try TemporaryDirectory()
        let home = try Self.homeWithIndex(folder)
        let database = home.appendingPathComponent(StoreLocation.databaseFileName)
        let whole = try Data(contentsOf: database)
        try whole.prefix(whole.count / 2).write(to: database)
        let result = try Processes.resonance(["render", "--size", "80x24", "--color", "never", "--home", home.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is a damaged Resonance store"), "\(result.stderr)")
        #expect(!result.stderr.contains("not a Resonance store"))
        #expect(try Processes.resonance(["check", "--home", home.path]).status == 1)
    }

    @Test("a gzip bomb from a provider: fetch says 'answer larger than 8 MB' with the URL, and the store is as it was")
    func gzipBombKeepsTheStore() throws {
        let folder = try TemporaryDirectory()
        let home = try Self.homeWithIndex(folder)
        let bomb = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 67108864 /dev/zero | gzip -9"]).stdoutBytes
        let server = try FixtureServer { _ in .bytes(status: 200, headers: ["Content-Encoding": "gzip"], body: [UInt8](bomb)) }
        let database = home.appendingPathComponent(StoreLocation.databaseFileName)
        let exported = try Processes.resonance(["export", "series", "rut", "--home", home.path]).stdout
        let environment = ["RESONANCE_YAHOO_URL": server.baseURL.appendingPathComponent("yahoo").absoluteString]
        let result = try Processes.resonance(["fetch", "--series", "rut", "--home", home.path], environment: environment)
        #expect(result.status != 0)
        #expect(result.stdout.contains("answer larger than 8 MB from http://127.0.0.1:\(server.port)/yahoo/"),
                "\(result.stdout) \(result.stderr)")
        #expect(try Processes.resonance(["export", "series", "rut", "--home", home.path]).stdout == exported)
        #expect(try Store(path: database.path).integrityCheck() == ["ok"])
    }
}
