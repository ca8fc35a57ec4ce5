import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// A bad file, the line its error must point at, and a fragment of the message.
struct RejectionCase: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var line: Int
    var fragment: String
    var testDescription: String { label }
}

let header = "date,open,high,low,close,volume\n"

let rejectionCases: [RejectionCase] = [
    RejectionCase(label: "non-numeric price", text: header + "2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,abc,10\n",
                  line: 3, fragment: "close 'abc' is not a number"),
    RejectionCase(label: "NaN", text: header + "2024-01-02,NaN,2,1,1.5,10\n", line: 2, fragment: "open 'NaN' is not finite"),
    RejectionCase(label: "infinity", text: header + "2024-01-02,1,inf,1,1.5,10\n", line: 2, fragment: "high 'inf' is not finite"),
    RejectionCase(label: "zero price", text: header + "2024-01-02,1,2,1,1.5,10\n\n2024-01-03,1,2,1,0,10\n",
                  line: 4, fragment: "close 0 is not positive"),
    RejectionCase(label: "negative price", text: header + "2024-01-02,1,2,-1,1.5,10\n", line: 2, fragment: "low -1 is not positive"),
    RejectionCase(label: "negative volume", text: header + "2024-01-02,1,2,1,1.5,-10\n", line: 2, fragment: "volume -10 is negative"),
    RejectionCase(label: "high below low", text: header + "2024-01-02,1,2,3,1.5,10\n", line: 2, fragment: "high 2 is below low 3"),
    RejectionCase(label: "unparseable date", text: header + "2024-01-02,1,2,1,1.5,10\n02/01/2024,1,2,1,1.5,10\n",
                  line: 3, fragment: "unparseable date '02/01/2024'"),
    RejectionCase(label: "date that does not exist", text: header + "2023-02-29,1,2,1,1.5,10\n",
                  line: 2, fragment: "unparseable date '2023-02-29'"),
    RejectionCase(label: "invalid date without header", text: "2023-02-30,1.5\n", line: 1, fragment: "unparseable date"),
    RejectionCase(label: "future date", text: header + "2026-11-26,1,2,1,1.5,10\n", line: 2,
                  fragment: "date 2026-11-26 is in the future (today is 2026-11-25)"),
    RejectionCase(label: "truncated last line", text: header + "2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2",
                  line: 3, fragment: "row has 3 fields, expected 6 (truncated line?)"),
    RejectionCase(label: "extra fields", text: header + "2024-01-02,1,2,1,1.5,10,99\n", line: 2,
                  fragment: "row has 7 fields, expected 6"),
    RejectionCase(label: "duplicate date", text: header + "2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,1.5,10\n2024-01-02,1,2,1,1.6,10\n",
                  line: 4, fragment: "duplicate date 2024-01-02 (also on line 2)"),
    RejectionCase(label: "header only", text: header, line: 1, fragment: "no data rows after the header"),
    RejectionCase(label: "empty file", text: "", line: 1, fragment: "no data rows (empty file)"),
    RejectionCase(label: "no closes at all", text: header + "2024-01-02,1,2,1,,10\n", line: 1, fragment: "no data rows with a close"),
    RejectionCase(label: "header without close", text: "date,open\n2024-01-02,1\n", line: 1, fragment: "no close column"),
    RejectionCase(label: "header without date", text: "\n\nday,close\n2024-01-02,1\n", line: 3, fragment: "no date column"),
    RejectionCase(label: "unterminated quote", text: header + "2024-01-02,\"1,2,1,1.5,10\n", line: 2,
                  fragment: "quoted field has no closing quote"),
    RejectionCase(label: "CRLF keeps physical lines", text: "date,close\r\n2024-01-02,1\r\n\r\n2024-01-03,x\r\n",
                  line: 4, fragment: "close 'x' is not a number"),
]

@Suite("Price CSV rejections")
struct PriceCSVRejectionTests {
    @Test(arguments: rejectionCases)
    func parserPointsAtTheLine(_ bad: RejectionCase) throws {
        let error = try #require(parseError(bad.text, name: "bad.csv"))
        #expect(error.file == "bad.csv")
        #expect(error.line == bad.line)
        #expect(error.description.hasPrefix("bad.csv:\(bad.line): "))
        #expect(error.message.contains(bad.fragment), "\(error.description)")
    }

    @Test(arguments: rejectionCases)
    func importerLeavesTheStoreAsItWas(_ bad: RejectionCase) throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("resonance.sqlite").path)
        let good = try folder.write(header + "2024-01-01,1,2,1,1.5,10\n2024-01-02,1,3,1,2.5,20\n2024-01-03,2,3,1,2,\n",
                                    to: "good.csv")
        _ = try Importer().importFile(at: good, as: .rut, into: store, today: testToday)
        let before = try store.load(.rut)
        let summaryBefore = try store.summary()
        let logBefore = try store.importLogCount(for: .rut)

        let file = try folder.write(bad.text, to: "bad.csv")
        let error = #expect(throws: ImportError.self) {
            try Importer().importFile(at: file, as: .rut, into: store, today: testToday)
        }
        #expect(error?.line == bad.line)
        // Compare bars: Series holds missing values as NaN, and NaN != NaN.
        #expect(try store.load(.rut).bars == before.bars)
        #expect(try store.summary() == summaryBefore)
        #expect(try store.importLogCount(for: .rut) == logBefore)
        #expect(before.count == 3)
    }

    @Test func unreadableFileNamesThePath() throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("resonance.sqlite").path)
        let missing = folder.file("missing.csv")
        let error = #expect(throws: ImportError.self) {
            try Importer().importFile(at: missing, as: .rut, into: store, today: testToday)
        }
        #expect(error?.line == nil)
        #expect(error?.description.hasPrefix(missing.path + ": cannot read the file") == true)
    }
}
