import CNCursesW

/// The process locale, which decides whether curses can show braille and box-drawing characters.
public enum TerminalLocale {
    /// Adopts the locale from the environment (`LC_ALL`, `LC_CTYPE`, `LANG`) and tells whether it is UTF-8.
    ///
    /// Call this once, before starting a `CursesTerminal`: curses reads the locale when it starts.
    /// - Returns: `true` when the character set is UTF-8, so wide glyphs can be drawn.
    @discardableResult
    public static func setUp() -> Bool {
        setlocale(LC_ALL, "")
        return isUTF8
    }

    /// Whether the current locale's character set is UTF-8.
    public static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
