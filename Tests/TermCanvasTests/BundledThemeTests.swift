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
        let catalog = ThemeCatalog()
        #expect(try catalog.load("default").theme == Theme.standard)
        #expect(try catalog.load("mono").theme == Theme.mono)
    }

    /// A user theme file's entry, as the caller hands it over.
    static func user(_ name: String, _ text: String) -> ThemeCatalog.UserTheme {
        ThemeCatalog.UserTheme(name: name, path: "/themes/\(name).toml", bytes: Array(text.utf8))
    }

    @Test("the catalog lists the bundled themes in order, then user themes; a user file overrides a bundled one")
    func userThemes() throws {
        let catalog = ThemeCatalog(userThemes: [Self.user("zebra", "index_series = 9\n"), Self.user("light", "title = \"#123456\"\n")])
        #expect(catalog.names == ["default", "light", "solarized-dark", "high-contrast", "mono", "zebra"])
        let light = try catalog.load("light").theme
        #expect(light.title == .rgb(0x12, 0x34, 0x56))
        #expect(light.background == Theme.standard.background, "a user file is read on the default theme")
        #expect(try catalog.load("zebra").theme.indexSeries == .indexed(9))
        #expect(throws: ThemeError.self) { try catalog.load("nope") }
    }

    @Test("a bad user theme is reported with its own path and line")
    func badUserTheme() throws {
        let catalog = ThemeCatalog(userThemes: [Self.user("broken", "\n# broken\naxis = \"#zzzzzz\"\n")])
        let error = #expect(throws: ThemeError.self) { try catalog.load("broken") }
        #expect(error?.description.hasPrefix("/themes/broken.toml:3: axis: '#zzzzzz'") == true, "\(String(describing: error))")
    }

    @Test("a user theme that is not UTF-8 is reported at its line (it was passed over for the bundled theme, or 'no theme')")
    func userThemeNotUTF8() throws {
        for name in ["mono", "mine"] {
            let bytes = Array("# mine\n".utf8) + [UInt8(ascii: "#"), 0xE9, UInt8(ascii: "\n")] + Array("grid = 3\n".utf8)
            let catalog = ThemeCatalog(userThemes: [ThemeCatalog.UserTheme(name: name, path: "/t/\(name).toml", bytes: bytes)])
            let error = #expect(throws: ThemeError.self) { try catalog.load(name) }
            #expect(error?.description == "/t/\(name).toml:2: not UTF-8 text (save the file as UTF-8)")
        }
    }

    @Test("a user theme that could not be read is refused by name, never passed over for the bundled one")
    func unreadableUserTheme() throws {
        let catalog = ThemeCatalog(userThemes: [ThemeCatalog.UserTheme(name: "mono", path: "/t/mono.toml", bytes: nil)])
        let error = #expect(throws: ThemeError.self) { try catalog.load("mono") }
        #expect(error?.description == "/t/mono.toml: cannot be read")
    }
}
