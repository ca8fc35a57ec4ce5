import Markets
import TermCanvas

/// Going to a typed date: `:` opens the entry in the status bar, digits and dashes fill it, Enter puts the
/// cursor on the day, Esc (or Backspace on an empty entry) closes it.
///
/// `2020-11-09` is a day, `2020-11` its month's first day and `2020` its year's; a day outside the data
/// puts the cursor on the nearest end and says so.
enum DateEntry {
    /// The most characters an entry takes (YYYY-MM-DD).
    static let maximumLength = 10

    /// Opens the entry.
    static func open(_ state: inout AppState) {
        state.dateEntry = ""
    }

    /// Applies one key to the open entry.
    static func handle(_ state: inout AppState, _ key: Key) -> [Cmd] {
        var text = state.dateEntry ?? ""
        switch key {
        case .character(let c) where c.isASCII && (c.isNumber || c == "-"):
            if text.count < maximumLength { text.append(c) }
            state.dateEntry = text
        case .backspace, .delete:
            if text.isEmpty { state.dateEntry = nil } else { text.removeLast(); state.dateEntry = text }
        case .escape:
            state.dateEntry = nil
        case .enter:
            state.dateEntry = nil
            go(&state, to: text)
        case .character("q"), .control("c"):
            // Dates have no letters: q still quits, as everywhere else.
            return [.quit]
        default:
            state.notice = "type a date as YYYY-MM-DD, Enter goes, Esc cancels"
        }
        return []
    }

    /// The day a typed text names: `YYYY-MM-DD`, `YYYY-MM` (the 1st) or `YYYY` (1 January).
    static func day(from text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        guard let month, let day else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Puts the cursor on the day a text names, or says why not.
    private static func go(_ state: inout AppState, to text: String) {
        guard !text.isEmpty else { return }
        guard let day = day(from: text) else {
            state.notice = "'\(text)' is not a date (YYYY-MM-DD)"
            return
        }
        guard var viewport = state.viewport else { return }
        viewport.jumpCursor(to: day)
        if day < viewport.bounds.lowerBound {
            state.notice = "\(day.iso) is before the data (from \(viewport.bounds.lowerBound.iso)): cursor on the first day"
        } else if day > viewport.bounds.upperBound {
            state.notice = "\(day.iso) is after the data (to \(viewport.bounds.upperBound.iso)): cursor on the last day"
        }
        state.viewport = viewport
    }
}
