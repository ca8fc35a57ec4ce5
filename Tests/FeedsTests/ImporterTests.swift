import Feeds
import Foundation
import Markets
import TestSupport
import Testing

@Suite("Importer")
struct ImporterTests {
    let folder: TemporaryDirectory
    let store: Store

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(location: StoreLocation(directory: folder.url))
    }

    static let text = """
        date,open,high,low,close,volume
        2024-01-02,10,11,9,10.5,100
        2024-01-03,,,,10.7,
        2024-01-04,10.7,12,10.6,,0
        2024-01-05,10.7,12,10.6,11.9,0
        """

    @Test func reportCountsEverything() throws {
        let file = try folder.write(Self.text, to: "rut_daily.csv")
        let report = try Importer().importFile(at: file, as: .rut, into: store, today: testToday)
        #expect(report.rowsRead == 4)
        #expect(report.added == 3 && report.updated == 0 && report.unchanged == 0)
        #expect(report.skippedNoClose == 1)
        #expect(report.emptyCells == 4)
        #expect(report.firstDay == day("2024-01-02") && report.lastDay == day("2024-01-05"))
        #expect(report.summary
            == "rut: 4 rows read — 3 added, 0 updated, 0 unchanged, 1 skipped (no close); 2024-01-02 … 2024-01-05")
        #expect(try store.load(.rut).count == 3)
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let file = try folder.write(Self.text, to: "rut_daily.csv")
        _ = try Importer().importFile(at: file, as: .rut, into: store, today: testToday)
        let second = try Importer().importFile(at: file, as: .rut, into: store, today: testToday)
        #expect(second.added == 0 && second.updated == 0 && second.unchanged == 3)
    }

    @Test func changedValuesAreCountedAsUpdated() throws {
        let file = try folder.write(Self.text, to: "rut_daily.csv")
        _ = try Importer().importFile(at: file, as: .rut, into: store, today: testToday)
        let revised = Self.text
            .replacingOccurrences(of: "2024-01-02,10,11,9,10.5,100", with: "2024-01-02,10,11,9,10.55,100")
            .replacingOccurrences(of: "2024-01-03,,,,10.7,", with: "2024-01-03,10.5,,,10.7,")
            + "\n2024-01-08,12,12.5,11.5,12.25,300\n"
        let report = try Importer().importFile(at: try folder.write(revised, to: "rut_daily.csv"), as: .rut,
                                               into: store, today: testToday)
        #expect(report.added == 1 && report.updated == 2 && report.unchanged == 1)
        let stored = try store.load(.rut)
        #expect(stored.bar(at: 0).close == 10.55)
        #expect(stored.bar(at: 1).open == 10.5)
        #expect(stored.dayRange == day("2024-01-02")...day("2024-01-08"))
    }

    @Test func seriesAreKeptApart() throws {
        let file = try folder.write(Self.text, to: "prices.csv")
        _ = try Importer().importFile(at: file, as: .rut, into: store, today: testToday)
        let report = try Importer().importFile(at: file, as: .iwm, into: store, today: testToday)
        #expect(report.added == 3)
        #expect(try store.seriesIDs() == [.iwm, .rut])
    }

    // MARK: - A large file

    /// About 20 MB of generated bars, one per calendar day from 0901-01-01 on (about 1,050 years), with a known last day.
    static func largeFile() -> (text: String, rows: Int, first: Day, last: Day) {
        let first = Day(year: 901, month: 1, day: 1)!
        var text = "date,open,high,low,close,volume\n"
        text.reserveCapacity(21_000_000)
        var rows = 0
        var current = first
        while text.utf8.count < 20_000_000 {
            let base = 1000 + Double(rows % 5000) * 0.25
            text += "\(current.iso),\(base),\(base + 1.5),\(base - 1.25),\(base + 0.5),\(1_000_000 + rows)\n"
            rows += 1
            current = current.adding(days: 1)
        }
        return (text, rows, first, current.adding(days: -1))
    }

    @Test func twentyMegabyteFileImports() throws {
        let large = Self.largeFile()
        let file = try folder.write(large.text, to: "large.csv")
        let report = try Importer().importFile(at: file, as: .btc, into: store, today: testToday)
        #expect(report.rowsRead == large.rows)
        #expect(report.added == large.rows)
        #expect(report.firstDay == large.first && report.lastDay == large.last)
        let series = try store.load(.btc)
        #expect(series.count == large.rows)
        #expect(series.dayRange == large.first...large.last)
        let lastBase = 1000 + Double((large.rows - 1) % 5000) * 0.25
        #expect(series.bar(at: large.rows - 1) == Bar(day: large.last, open: lastBase, high: lastBase + 1.5,
                                                       low: lastBase - 1.25, close: lastBase + 0.5,
                                                       volume: Double(1_000_000 + large.rows - 1)))
    }
}
