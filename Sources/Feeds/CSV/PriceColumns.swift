import Markets

// MARK: - Which column holds what

/// The positions of the date and price columns in the rows of a price file.
struct PriceColumns: Equatable {
    var date: Int
    var open: Int?
    var high: Int?
    var low: Int?
    var close: Int
    var volume: Int?
    /// How many fields a row has (the header's count, or the first row's without a header).
    var fieldCount: Int

    /// The layout named by a header row, or a reason it names none.
    ///
    /// Names are matched without regard to case, surrounding whitespace or Stooq's angle brackets.
    /// The date column is `date`, else `timestamp`, `datetime` or `time`; the close is `close`, else
    /// `price`. `Adj Close` is never the close: for an index, Yahoo's close is the price as traded.
    /// Columns with other names (ticker, period, adjusted close, open interest) are ignored.
    static func fromHeader(_ names: [String]) -> Result<PriceColumns, HeaderProblem> {
        let normalized = names.map { name -> String in
            var text = name.trimmingBlanks().lowercased()
            if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text
        }
        func first(_ candidates: [String]) -> Int? {
            for candidate in candidates { if let i = normalized.firstIndex(of: candidate) { return i } }
            return nil
        }
        guard let date = first(["date", "timestamp", "datetime", "time"]) else { return .failure(.noDateColumn) }
        guard let close = first(["close", "price"]) else { return .failure(.noCloseColumn) }
        return .success(PriceColumns(date: date, open: first(["open"]), high: first(["high"]), low: first(["low"]),
                                     close: close, volume: first(["volume", "vol"]), fieldCount: names.count))
    }

    /// The layout of a file without a header, inferred from the number of fields in its first row.
    ///
    /// 2 → date, close; 5 → date, open, high, low, close; 6 → the same plus volume;
    /// 7 → Yahoo's order (date, open, high, low, close, adjusted close, volume).
    static func inferred(fieldCount: Int) -> PriceColumns? {
        switch fieldCount {
        case 2: return PriceColumns(date: 0, close: 1, fieldCount: 2)
        case 5: return PriceColumns(date: 0, open: 1, high: 2, low: 3, close: 4, fieldCount: 5)
        case 6: return PriceColumns(date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, fieldCount: 6)
        case 7: return PriceColumns(date: 0, open: 1, high: 2, low: 3, close: 4, volume: 6, fieldCount: 7)
        default: return nil
        }
    }

    /// The optional columns this layout has.
    var carried: SeriesColumns {
        var set: SeriesColumns = []
        if open != nil { set.insert(.opens) }
        if high != nil { set.insert(.highs) }
        if low != nil { set.insert(.lows) }
        if volume != nil { set.insert(.volumes) }
        return set
    }

    /// The highest field index a row must reach to hold every known column.
    var lastUsedIndex: Int { [date, open ?? 0, high ?? 0, low ?? 0, close, volume ?? 0].max()! }
}

/// Why a header row names no usable layout.
enum HeaderProblem: Error {
    case noDateColumn
    case noCloseColumn

    var message: String {
        switch self {
        case .noDateColumn: return "header has no date column (expected date, timestamp or time)"
        case .noCloseColumn: return "header has no close column (expected close or price)"
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
