/// A theme read from a file, with the warnings the caller should log.
public struct LoadedTheme: Sendable {
    public var theme: Theme
    /// `FILE:LINE: …` lines for keys that were ignored (unknown, repeated) — the theme still loaded.
    public var warnings: [String]
}

extension Theme {
    /// Reads a theme file's text on top of a base theme.
    ///
    /// Keys the file leaves out keep the base's colours (the default theme, normally); unknown keys are
    /// skipped with a warning; a colour that cannot be read rejects the whole file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: the file's path or name, for messages.
    ///   - name: the theme's name (its file name without `.toml`).
    ///   - base: where missing keys come from.
    /// - Throws: `ThemeError`, as `FILE:LINE: KEY: what is wrong`.
    public static func load(text: String, path: String, name: String, base: Theme = .standard) throws -> LoadedTheme {
        let file = try ThemeFile(parsing: text, path: path)
        var theme = base
        theme.name = name
        var warnings: [String] = []
        var seen: [String: Int] = [:]
        for entry in file.entries {
            let canonical = ThemeKey.named(entry.key)?.name ?? entry.key
            if let first = seen[canonical] {
                warnings.append("\(path):\(entry.line): \(entry.key): repeats line \(first); the later value is used")
            }
            seen[canonical] = entry.line
            if entry.key == ThemeKey.useColor {
                guard case .boolean(let flag) = entry.value else {
                    throw ThemeError(path: path, line: entry.line, key: entry.key, problem: .wrongType(expected: "true or false"))
                }
                theme.usesColor = flag
                continue
            }
            guard let key = ThemeKey.named(entry.key) else {
                warnings.append("\(path):\(entry.line): unknown key '\(entry.key)' ignored")
                continue
            }
            switch Color.parsingThemeValue(entry.value) {
            case .success(let color): theme[keyPath: key.property] = color
            case .failure(let problem): throw ThemeError(path: path, line: entry.line, key: entry.key, problem: problem)
            }
        }
        return LoadedTheme(theme: theme, warnings: warnings)
    }
}
