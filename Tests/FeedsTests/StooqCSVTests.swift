import Feeds
import Foundation
import Markets
import Testing

/// Stooq's answer is split by the same CSV line splitter as imported files: quotes and spaces around
/// cells are read the same way (a plain split at commas took `"1.5"` for text).
@Suite("Stooq answers through the shared CSV splitter")
struct StooqCSVTests {
    static let now = Date(timeIntervalSince1970: 1_764_115_200)

    @Test("quoted cells and spaces around cells read as their numbers")
    func quotedCells() throws {
        let bars = try StooqDailyProvider.parse("Date,Open,High,Low,Close,Volume\n2024-01-02, \"1\" ,2,1,\"1.5\",\"1000\"\n", now: Self.now)
        #expect(bars.count == 1)
        #expect(bars.first?.open == 1 && bars.first?.close == 1.5 && bars.first?.volume == 1000)
    }

    @Test("an open quote is a fault naming the line")
    func openQuote() {
        #expect(throws: FetchFault.invalidAnswer("line 3: '2024-01-03,\"1,2,1,1.5' has a quote that is not closed or text after one")) {
            try StooqDailyProvider.parse("Date,Open,High,Low,Close\n2024-01-02,1,2,1,1.5\n2024-01-03,\"1,2,1,1.5\n", now: Self.now)
        }
    }
}
