import TermCanvas

extension AppState {
    /// Switches to the next theme of `themeChoices` (wrapping round) and says which one it is.
    ///
    /// - Returns: the command to remember the choice for the next start.
    mutating func cycleTheme() -> [Cmd] {
        guard themeChoices.count > 1 else {
            notice = "only one theme available"
            return []
        }
        let current = themeChoices.firstIndex { $0.name == theme.name } ?? -1
        theme = themeChoices[(current + 1) % themeChoices.count]
        notice = "theme: \(theme.name)"
        return [.rememberTheme(theme.name)]
    }
}
