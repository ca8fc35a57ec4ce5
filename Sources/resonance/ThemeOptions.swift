import ArgumentParser
import Feeds
import Foundation
import TermCanvas
import Terminal

/// Theme and colour depth, shared by the dashboard and `render`.
struct ThemeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Colour theme: default, light, solarized-dark, high-contrast, mono, or a file NAME.toml in the user theme folder "
            + "($RESONANCE_HOME/themes, else $XDG_CONFIG_HOME/resonance/themes). Default: the last one picked with t.",
        valueName: "name"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp(
        "Colour depth: truecolor, 256, 16, 8 or none (default: from terminfo, COLORTERM and TERM; NO_COLOR means none).",
        valueName: "depth"))
    var colors: ColorDepthOption?

    /// The colour depth: `--colors` when given, else detected for the terminal in the environment.
    func depth(environment: [String: String]) -> ColorDepth {
        colors?.depth ?? TerminalColors.depth(environment: environment)
    }

    /// Only the theme to start with, for `render`: the same choice as `themes`, without reading the
    /// themes `t` would cycle through (each is a file to parse, and `render` draws one frame).
    func chosenTheme(environment: [String: String], home: String? = nil, colorless: Bool) throws -> (theme: Theme, warnings: [String]) {
        let catalog = Self.catalog(environment: environment, home: home)
        let (chosen, warnings) = try pick(environment: environment, home: home) { name in
            let loaded = try catalog.load(name)
            return (loaded.theme, loaded.warnings)
        }
        return (colorless ? chosen.withoutColor() : chosen, warnings)
    }

    /// The theme to start with and the ones `t` cycles through.
    ///
    /// A broken user theme among the choices is skipped with a warning. Without colour every theme is
    /// shown in its colourless form.
    func themes(environment: [String: String], home: String? = nil,
                colorless: Bool) throws -> (theme: Theme, choices: [Theme], warnings: [String]) {
        let catalog = Self.catalog(environment: environment, home: home)
        var warnings: [String] = []
        var choices: [Theme] = []
        for name in catalog.names {
            do {
                let loaded = try catalog.load(name)
                warnings += loaded.warnings
                choices.append(loaded.theme)
            } catch {
                if name != theme { warnings.append("theme skipped: \(error)") }
            }
        }
        // The choices are read already (their warnings given): pick among them, reading only what is not there.
        let (picked, pickWarnings) = try pick(environment: environment, home: home) { name in
            if let loaded = choices.first(where: { $0.name == name }) { return (loaded, []) }
            let loaded = try catalog.load(name)
            return (loaded.theme, loaded.warnings)
        }
        var chosen = picked
        warnings += pickWarnings
        if !choices.contains(where: { $0.name == chosen.name }) { choices.append(chosen) }
        if colorless {
            chosen = chosen.withoutColor()
            choices = choices.map { $0.withoutColor() }
        }
        return (chosen, choices, warnings)
    }

    /// Picks the theme to start with: `--theme` wins (an error when it does not load), then the remembered
    /// choice (skipped with a warning when it no longer loads), then `default`.
    private func pick(environment: [String: String], home: String?,
                      load: (String) throws -> (theme: Theme, warnings: [String])) throws -> (Theme, [String]) {
        if let theme { return (try load(theme).theme, []) }
        var warnings: [String] = []
        if let remembered = RememberedTheme(environment: environment, home: home).read() {
            if let loaded = try? load(remembered) { return (loaded.theme, loaded.warnings) }
            // Quoted only when it looks like a theme name: the file may be a symlink to a secret.
            let isName = remembered.count <= 64 && remembered.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            warnings.append(isName ? "remembered theme '\(remembered)' is not available; using default"
                                   : "the remembered theme (file 'theme' in the configuration folder) holds no theme name; using default")
        }
        return ((try? load("default"))?.theme ?? .standard, warnings)
    }
}

extension ThemeOptions {
    /// The bundled themes and the user's files in `Locations.themes`.
    static func catalog(environment: [String: String], home: String?) -> ThemeCatalog {
        let folder = Locations.resolve(home: home, environment: environment).themes
        return ThemeCatalog(userThemes: UserThemeFolder.read(folder).map {
            ThemeCatalog.UserTheme(name: $0.name, path: $0.path, bytes: $0.bytes)
        })
    }
}

/// The colour depths as typed after `--colors`.
enum ColorDepthOption: String, ExpressibleByArgument, CaseIterable {
    case truecolor, c256 = "256", c16 = "16", c8 = "8", none

    var depth: ColorDepth {
        switch self {
        case .truecolor: return .trueColor
        case .c256: return .palette256
        case .c16: return .sixteen
        case .c8: return .eight
        case .none: return .none
        }
    }
}

/// Writes warnings to standard error, one `resonance: warning: …` line each, control characters escaped.
func printWarnings(_ warnings: [String]) {
    for warning in warnings {
        FileHandle.standardError.write(Data("resonance: warning: \(SafeText.escaped(warning))\n".utf8))
    }
}
