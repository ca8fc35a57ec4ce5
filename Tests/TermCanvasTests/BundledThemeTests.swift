import Foundation
import TermCanvas
import TestSupport
import Testing

@Suite("Bundled themes")
struct BundledThemeTests {
    static let themesFolder = ReferenceData.packageRoot.appendingPathComponent("Themes")

    static var fileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: themesFolder.path)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted()
    }

    @Test("every file in Themes/ loads without warnings and sets every key", arguments: fileNames)
    func loads(_ fileName: String) throws {
        let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(fileName), encoding: .utf8)
        let name = String(fileName.dropLast(5))
        let loaded = try Theme.load(text: text, path: "Themes/\(fileName)", name: name)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        if name != "mono" {
            let keys = try ThemeFile(parsing: text, path: fileName).entries.map(\.key)
            #expect(Set(keys) == Set(ThemeKey.all.map(\.name)), "\(fileName) should set every key")
        }
    }

    @Test("the embedded texts equal the files in Themes/ (run Themes/embed-themes.sh after editing a theme)")
    func embeddedMatchesFiles() throws {
        #expect(Self.fileNames.sorted() == BundledThemes.files.map { $0.name + ".toml" }.sorted())
        for bundled in BundledThemes.files {
            let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(bundled.name + ".toml"), encoding: .utf8)
            #expect(bundled.text == text, "Themes/\(bundled.name).toml changed: run Themes/embed-themes.sh")
        }
    }

    @Test("default.toml is Theme.standard, and mono.toml is Theme.mono")
    func defaultAndMono() throws {
        let catalog = ThemeCatalog(userFolder: nil)
        #expect(try catalog.load("default").theme == Theme.standard)
        #expect(try catalog.load("mono").theme == Theme.mono)
    }

    @Test("the catalog lists the bundled themes in order, then user themes; a user file overrides a bundled one")
    func userThemes() throws {
        let folder = try TemporaryDirectory()
        try folder.write("title = \"#123456\"\n", to: "light.toml")
        try folder.write("index_series = 9\n", to: "zebra.toml")
        let catalog = ThemeCatalog(userFolder: folder.url)
        #expect(catalog.names == ["default", "light", "solarized-dark", "high-contrast", "mono", "zebra"])
        let light = try catalog.load("light").theme
        #expect(light.title == .rgb(0x12, 0x34, 0x56))
        #expect(light.background == Theme.standard.background, "a user file is read on the default theme")
        #expect(try catalog.load("zebra").theme.indexSeries == .indexed(9))
        #expect(throws: ThemeError.self) { try catalog.load("nope") }
    }

    @Test("a bad user theme is reported with its own path and line")
    func badUserTheme() throws {
        let folder = try TemporaryDirectory()
        try folder.write("\n# broken\naxis = \"#zzzzzz\"\n", to: "broken.toml")
        #expect {
            _ = try ThemeCatalog(userFolder: folder.url).load("broken")
        } throws: { error in
            (error as? ThemeError)?.description.hasPrefix(folder.url.path + "/broken.toml:3: axis: '#zzzzzz'") == true
        }
    }

    @Test("a user theme that is not UTF-8 is reported at its line (it was passed over for the bundled theme, or 'no theme')")
    func userThemeNotUTF8() throws {
        let folder = try TemporaryDirectory()
        for name in ["mono", "mine"] {
            try Data("# mine\n".utf8 + [UInt8(ascii: "#"), 0xE9, UInt8(ascii: "\n")] + "grid = 3\n".utf8).write(to: folder.file(name + ".toml"))
            let error = #expect(throws: ThemeError.self) { try ThemeCatalog(userFolder: folder.url).load(name) }
            #expect(error?.description == folder.file(name + ".toml").path + ":2: not UTF-8 text (save the file as UTF-8)")
        }
    }

    @Test("the folders follow RESONANCE_HOME, then XDG_CONFIG_HOME, then HOME")
    func locations() {
        #expect(ThemeCatalog(environment: ["RESONANCE_HOME": "/r", "XDG_CONFIG_HOME": "/x"]).userFolder?.path == "/r/themes")
        #expect(ThemeCatalog(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).userFolder?.path == "/x/resonance/themes")
        #expect(ThemeCatalog(environment: ["HOME": "/h"]).userFolder?.path == "/h/.config/resonance/themes")
        #expect(RememberedTheme(environment: ["HOME": "/h"]).file?.path == "/h/.config/resonance/theme")
    }

    @Test("the remembered theme round-trips through its file")
    func remembered() throws {
        let folder = try TemporaryDirectory()
        let memory = RememberedTheme(environment: ["RESONANCE_HOME": folder.url.path + "/sub"])
        #expect(memory.read() == nil)
        try memory.write("solarized-dark")
        #expect(memory.read() == "solarized-dark")
    }
}
