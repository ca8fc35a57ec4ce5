/// Ticker spellings made comparable across publishers.
public enum TickerSymbol {
    /// Upper case, with share-class separators as the SEC writes them: `MOG.A`, `MOG/A` and `MOG A` become `MOG-A`.
    ///
    /// Filings and publishers print class shares with a dot, a slash or a space; the SEC's company tickers use a dash.
    public static func normalised(_ ticker: String) -> String {
        let upper = ticker.trimmingCharacters(in: .whitespaces).uppercased()
        return String(upper.map { $0 == "." || $0 == "/" || $0 == " " ? "-" : $0 })
    }
}

import Foundation
