import Foundation

/// Where Resonance keeps its files, worked out once for the store, `config.toml`, themes, the fetch log
/// and the cache of raw answers.
///
/// One rule for every kind of file:
/// 1. `--home DIR`, else `$RESONANCE_HOME`: every file in that one folder (`~` and `~/…` are expanded).
/// 2. Else the XDG base directory of the kind, `resonance` inside it: `$XDG_DATA_HOME` for the store and
///    the cache, `$XDG_CONFIG_HOME` for `config.toml`, `themes/` and the remembered theme,
///    `$XDG_STATE_HOME` for `fetch.log`.
/// 3. Else the XDG defaults under the user's home: `~/.local/share/resonance`, `~/.config/resonance`,
///    `~/.local/state/resonance`.
///
/// Empty variables count as unset, and relative XDG values are ignored, as the XDG base directory
/// specification asks. Resolving never touches the disk.
public struct Locations: Hashable, Sendable {
    /// The store and the cache.
    public var data: URL
    /// `config.toml`, `themes/` and `theme`.
    public var config: URL
    /// `fetch.log`.
    public var state: URL

    public init(data: URL, config: URL, state: URL) {
        self.data = data.standardizedFileURL
        self.config = config.standardizedFileURL
        self.state = state.standardizedFileURL
    }

    /// Every file in one folder, as `--home` and `$RESONANCE_HOME` put them.
    public init(home: URL) {
        self.init(data: home, config: home, state: home)
    }

    /// The locations for a `--home` value (nil or empty: not given) and an environment.
    ///
    /// - Parameters:
    ///   - home: the `--home DIR` command-line value; relative paths are taken from the current folder.
    ///   - environment: the process environment, such as `ProcessInfo.processInfo.environment`.
    public static func resolve(home: String? = nil, environment: [String: String]) -> Locations {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let home = home.flatMap({ $0.isEmpty ? nil : $0 }) ?? value("RESONANCE_HOME") {
            return Locations(home: URL(fileURLWithPath: expandingTilde(home, environment)))
        }
        func xdg(_ name: String, default relative: String) -> URL {
            if let folder = value(name), folder.hasPrefix("/") {
                return URL(fileURLWithPath: folder).appendingPathComponent("resonance")
            }
            return userHome(environment).appendingPathComponent(relative)
        }
        return Locations(data: xdg("XDG_DATA_HOME", default: ".local/share/resonance"),
                         config: xdg("XDG_CONFIG_HOME", default: ".config/resonance"),
                         state: xdg("XDG_STATE_HOME", default: ".local/state/resonance"))
    }

    // MARK: - Files

    /// The store's folder, holding `resonance.sqlite`.
    public var store: StoreLocation { StoreLocation(directory: data) }
    /// Raw publisher answers: `cache/` beside the store.
    public var cache: URL { data.appendingPathComponent("cache") }
    /// `config.toml`.
    public var configFile: URL { config.appendingPathComponent("config.toml") }
    /// The user's theme files, `NAME.toml`.
    public var themes: URL { config.appendingPathComponent("themes") }
    /// The one-line file holding the theme last picked with `t`.
    public var rememberedTheme: URL { config.appendingPathComponent("theme") }
    /// The fetch log.
    public var log: URL { state.appendingPathComponent("fetch.log") }

    // MARK: - Helpers

    /// `$HOME`, else the user's home folder from the system.
    private static func userHome(_ environment: [String: String]) -> URL {
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        return FileManager.default.homeDirectoryForCurrentUser
    }

    private static func expandingTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return userHome(environment).path + path.dropFirst()
    }
}
