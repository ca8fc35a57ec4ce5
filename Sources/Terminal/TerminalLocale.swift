import CNCursesW
import Glibc

/// The process locale, which decides whether curses can show braille and box-drawing characters.
public enum TerminalLocale {
    /// Adopts the locale from the environment (`LC_ALL`, `LC_CTYPE`, `LANG`) and tells whether it is UTF-8.
    ///
    /// Only the character set matters here, and it is read from the C library (`nl_langinfo(CODESET)`),
    /// never from the locale's name, so `LC_CTYPE=C.utf8` or a UTF-8 locale whose name has no `.UTF-8`
    /// counts. Two fallbacks cover what SSH often brings:
    /// - when one category names a locale this machine lacks, `setlocale(LC_ALL, "")` fails as a whole;
    ///   the character type alone is then tried (`setlocale(LC_CTYPE, "")`);
    /// - when the character-type locale is missing (a client's `en_GB.UTF-8` on a server that only has
    ///   `C.UTF-8`) but its name asks for UTF-8, `C.UTF-8` is used for the character type.
    ///
    /// Call this once, before starting a `CursesTerminal`: curses reads the locale when it starts.
    /// - Returns: `true` when the character set is UTF-8, so wide glyphs can be drawn.
    @discardableResult
    public static func setUp(environment: [String: String] = currentEnvironment()) -> Bool {
        if setlocale(LC_ALL, "") == nil, setlocale(LC_CTYPE, "") == nil,
           namesUTF8(characterTypeLocaleName(environment: environment)) {
            _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "C.utf8")
        }
        return isUTF8
    }

    /// Whether the current locale's character set is UTF-8.
    public static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return namesUTF8(String(cString: codeset))
    }

    /// The locale name that decides the character type: `LC_ALL`, else `LC_CTYPE`, else `LANG` (empty ones skipped).
    public static func characterTypeLocaleName(environment: [String: String]) -> String {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return ""
    }

    /// Whether a locale or character-set name says UTF-8 (`UTF-8`, `utf8`, `en_US.UTF-8@euro`).
    public static func namesUTF8(_ name: String) -> Bool {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded.contains("utf8")
    }

    /// The process environment as a dictionary.
    public static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
