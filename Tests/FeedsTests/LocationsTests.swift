import Feeds
import Foundation
import TestSupport
import Testing

/// One set of rules for every file Resonance keeps: `--home`, `RESONANCE_HOME`, the XDG variables, the
/// XDG defaults.
@Suite("Locations")
struct LocationsTests {
    let fullEnvironment = [
        "RESONANCE_HOME": "/env/resonance-home",
        "XDG_DATA_HOME": "/xdg/data",
        "XDG_CONFIG_HOME": "/xdg/config",
        "XDG_STATE_HOME": "/xdg/state",
        "HOME": "/home/user",
    ]

    /// Every file's path for a `--home` value and an environment.
    static func paths(home: String? = nil, _ environment: [String: String]) -> [String] {
        let locations = Locations.resolve(home: home, environment: environment)
        return [locations.store.databaseURL, locations.cache, locations.configFile, locations.themes,
                locations.rememberedTheme, locations.log].map(\.path)
    }

    static func inOneFolder(_ folder: String) -> [String] {
        ["resonance.sqlite", "cache", "config.toml", "themes", "theme", "fetch.log"].map { folder + "/" + $0 }
    }

    @Test("--home puts every file in one folder, over everything else")
    func explicitHomeWinsOverEverything() {
        #expect(Self.paths(home: "/flag/home", fullEnvironment) == Self.inOneFolder("/flag/home"))
    }

    @Test("RESONANCE_HOME comes next, for every file (the theme folder and config once ignored --home, the log did not)")
    func resonanceHomeComesNext() {
        #expect(Self.paths(fullEnvironment) == Self.inOneFolder("/env/resonance-home"))
    }

    @Test("each kind of file follows its own XDG variable")
    func xdgVariablesComeThird() {
        var environment = fullEnvironment
        environment["RESONANCE_HOME"] = nil
        #expect(Self.paths(environment) == [
            "/xdg/data/resonance/resonance.sqlite", "/xdg/data/resonance/cache", "/xdg/config/resonance/config.toml",
            "/xdg/config/resonance/themes", "/xdg/config/resonance/theme", "/xdg/state/resonance/fetch.log",
        ])
    }

    @Test("the XDG defaults under HOME are the fallback")
    func xdgDefaultsAreTheFallback() {
        #expect(Self.paths(["HOME": "/home/user"]) == [
            "/home/user/.local/share/resonance/resonance.sqlite", "/home/user/.local/share/resonance/cache",
            "/home/user/.config/resonance/config.toml", "/home/user/.config/resonance/themes",
            "/home/user/.config/resonance/theme", "/home/user/.local/state/resonance/fetch.log",
        ])
    }

    @Test("empty values count as unset; relative XDG values are ignored, as the XDG specification asks")
    func emptyAndRelativeValuesCountAsUnset() {
        let environment = ["RESONANCE_HOME": "", "XDG_DATA_HOME": "relative/data", "XDG_CONFIG_HOME": "rel",
                           "XDG_STATE_HOME": "", "HOME": "/home/user"]
        #expect(Self.paths(home: "", environment) == Self.paths(["HOME": "/home/user"]))
    }

    @Test("~ expands to HOME in --home and RESONANCE_HOME")
    func tildeExpandsToHome() {
        #expect(Self.paths(home: "~/market-data", ["HOME": "/home/user"]) == Self.inOneFolder("/home/user/market-data"))
        #expect(Self.paths(["RESONANCE_HOME": "~", "HOME": "/home/user"]) == Self.inOneFolder("/home/user"))
    }

    @Test("the fetch log resolves through the same rules")
    func fetchLog() {
        #expect(FetchLog.resolve(home: nil, environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).file.path == "/s/resonance/fetch.log")
        #expect(FetchLog.resolve(home: "/x", environment: fullEnvironment).file.path == "/x/fetch.log")
    }

    @Test("opening the store creates its missing folders")
    func openingCreatesMissingFolders() throws {
        let folder = try TemporaryDirectory()
        let nested = folder.url.appendingPathComponent("a/b/resonance")
        let location = Locations.resolve(environment: ["RESONANCE_HOME": nested.path]).store
        #expect(!FileManager.default.fileExists(atPath: nested.path))
        let store = try Store(location: location)
        #expect(store.path == nested.appendingPathComponent("resonance.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: store.path))
    }

    @Test("the remembered theme round-trips through its file, creating the folder")
    func rememberedTheme() throws {
        let folder = try TemporaryDirectory()
        let memory = RememberedTheme(environment: ["RESONANCE_HOME": folder.url.path + "/sub"])
        #expect(memory.file.path == folder.url.path + "/sub/theme")
        #expect(memory.read() == nil)
        try memory.write("solarized-dark")
        #expect(memory.read() == "solarized-dark")
        #expect(RememberedTheme(environment: ["HOME": "/h"], home: "/flag").file.path == "/flag/theme")
    }

    @Test("the user theme folder gives every NAME.toml with its bytes, and nil bytes for one that cannot be read")
    func userThemeFolder() throws {
        let folder = try TemporaryDirectory()
        #expect(UserThemeFolder.read(folder.file("missing")).isEmpty)
        try folder.write("grid = 3\n", to: "zebra.toml")
        try Data([0x23, 0xE9, 0x0A]).write(to: folder.file("bytes.toml"))
        try folder.write("not a theme", to: "notes.txt")
        try FileManager.default.createDirectory(at: folder.file("folder.toml"), withIntermediateDirectories: true)
        let files = UserThemeFolder.read(folder.url)
        #expect(files.map(\.name) == ["bytes", "folder", "zebra"])
        #expect(files.map(\.path) == ["bytes", "folder", "zebra"].map { folder.file($0 + ".toml").path })
        #expect(files.map(\.bytes) == [[0x23, 0xE9, 0x0A], nil, Array("grid = 3\n".utf8)])
    }
}
