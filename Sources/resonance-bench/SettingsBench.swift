import Feeds
import TermCanvas

/// Times the readers of settings files (TOML through TOMLKit): the tests only check that these parse,
/// and how fast is measured here.
enum SettingsBench {
    /// Median seconds to read a `config.toml` of `settings` keys in one table, and the bundled default theme.
    static func seconds(settings: Int, runs: Int) throws -> (config: Double, theme: Double) {
        let config = "[many]\n" + (0..<settings).map { "k\($0) = \($0)" }.joined(separator: "\n") + "\n"
        let themeText = BundledThemes.files.first { $0.name == "default" }!.text
        var configTimes: [Double] = [], themeTimes: [Double] = []
        for _ in 0..<runs {
            configTimes.append(try Clock.time { _ = try ConfigFile(parsing: config, path: "bench.toml") })
            themeTimes.append(try Clock.time { _ = try Theme.load(text: themeText, path: "default.toml", name: "default") })
        }
        return (Stats.median(configTimes), Stats.median(themeTimes))
    }
}
