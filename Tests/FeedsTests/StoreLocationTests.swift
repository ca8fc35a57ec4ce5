import Feeds
import Foundation
import TestSupport
import Testing

@Suite("Store location")
struct StoreLocationTests {
    let fullEnvironment = [
        "RESONANCE_HOME": "/env/resonance-home",
        "XDG_DATA_HOME": "/xdg/data",
        "HOME": "/home/user",
    ]

    @Test func explicitHomeWinsOverEverything() {
        let location = StoreLocation.resolve(home: "/flag/home", environment: fullEnvironment)
        #expect(location.directory.path == "/flag/home")
        #expect(location.databaseURL.path == "/flag/home/resonance.sqlite")
    }

    @Test func resonanceHomeComesNext() {
        let location = StoreLocation.resolve(home: nil, environment: fullEnvironment)
        #expect(location.directory.path == "/env/resonance-home")
    }

    @Test func xdgDataHomeComesThird() {
        var environment = fullEnvironment
        environment["RESONANCE_HOME"] = nil
        #expect(StoreLocation.resolve(environment: environment).directory.path == "/xdg/data/resonance")
    }

    @Test func homeLocalShareIsTheFallback() {
        let location = StoreLocation.resolve(environment: ["HOME": "/home/user"])
        #expect(location.databaseURL.path == "/home/user/.local/share/resonance/resonance.sqlite")
    }

    @Test func emptyAndRelativeValuesCountAsUnset() {
        let environment = ["RESONANCE_HOME": "", "XDG_DATA_HOME": "relative/data", "HOME": "/home/user"]
        #expect(StoreLocation.resolve(home: "", environment: environment).directory.path
            == "/home/user/.local/share/resonance")
    }

    @Test func tildeExpandsToHome() {
        let location = StoreLocation.resolve(home: "~/market-data", environment: ["HOME": "/home/user"])
        #expect(location.directory.path == "/home/user/market-data")
    }

    @Test func openingCreatesMissingFolders() throws {
        let folder = try TemporaryDirectory()
        let nested = folder.url.appendingPathComponent("a/b/resonance")
        let location = StoreLocation.resolve(environment: ["RESONANCE_HOME": nested.path])
        #expect(!FileManager.default.fileExists(atPath: nested.path))
        let store = try Store(location: location)
        #expect(store.path == nested.appendingPathComponent("resonance.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: store.path))
    }
}
