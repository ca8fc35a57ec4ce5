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

@Suite("Importing fewer columns than are stored")
struct PartialImportTests {
    let folder: TemporaryDirectory
    let store: Store

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(location: StoreLocation(directory: folder.url))
    }

    /// The demo index as `date,open,high,low,close,volume`, and the same closes as `date,close`.
    static func files(_ series: Series) -> (full: String, closes: String) {
        var full = "date,open,high,low,close,volume\n", closes = "date,close\n"
        for b in series.bars {
            full += "\(b.day.iso),\(b.open!),\(b.high!),\(b.low!),\(b.close),\(b.volume.map { String($0) } ?? "")\n"
            closes += "\(b.day.iso),\(b.close)\n"
        }
        return (full, closes)
    }

    @Test func aCloseOnlyCopyConfirmsClosesAndErasesNothing() throws {
        let index = DemoMarket.generate(seed: 7).rut
        let text = Self.files(index)
        _ = try Importer().importFile(at: try folder.write(text.full, to: "rut_daily.csv"), as: .rut, into: store, today: testToday)
        let before = try store.load(.rut)
        let breakoutsBefore = detectBreakouts(in: before, basis: .high)
        #expect(!breakoutsBefore.isEmpty)

        let report = try Importer().importFile(at: try folder.write(text.closes, to: "rut_close.csv"), as: .rut,
                                               into: store, today: testToday)
        #expect(report.added == 0 && report.updated == 0 && report.unchanged == index.count)
        #expect(report.summary.contains("\(index.count) unchanged, closes confirmed"), "\(report.summary)")
        #expect(report.summary.contains("stored opens, highs, lows and volumes kept"), "\(report.summary)")
        let after = try store.load(.rut)
        #expect(after.bars == before.bars)
        #expect(detectBreakouts(in: after, basis: .high) == breakoutsBefore)
    }

    @Test func anEmptyCellKeepsTheStoredValueAndTheSummaryNamesIt() throws {
        let full = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,11.5,10,11,200\n"
        _ = try Importer().importFile(at: try folder.write(full, to: "a.csv"), as: .rut, into: store, today: testToday)
        let holed = "date,open,high,low,close,volume\n2024-01-02,10,,9,10.5,100\n2024-01-03,10.5,11.5,10,11.2,\n"
        let report = try Importer().importFile(at: try folder.write(holed, to: "b.csv"), as: .rut, into: store, today: testToday)
        #expect(report.updated == 1 && report.unchanged == 1 && report.keptValues == 2)
        #expect(report.summary.hasSuffix("; 2 stored highs and volumes kept (the file has none for them)"), "\(report.summary)")
        #expect(!report.summary.contains("confirmed"))
        let stored = try store.load(.rut)
        #expect(stored.bar(at: 0) == Bar(day: day("2024-01-02"), open: 10, high: 11, low: 9, close: 10.5, volume: 100))
        #expect(stored.bar(at: 1) == Bar(day: day("2024-01-03"), open: 10.5, high: 11.5, low: 10, close: 11.2, volume: 200))
    }
}

@Suite("Breakout labels")
struct BreakoutLabelTests {
    @Test func aCloseStandingInForAMissingHighIsCalledAClose() {
        // Highs only on the first days: the breakout day has none, so its close is what was compared.
        var series = Series(id: .rut)
        for i in 0..<300 {
            let close = i == 299 ? 200.0 : 100.0 - Double(i % 7)
            series.append(Bar(day: Day(rawValue: Int32(18_000 + i)), high: i < 10 ? close + 1 : nil, close: close))
        }
        let breakouts = detectBreakouts(in: series, basis: .high, quietDays: 250)
        #expect(breakouts.count == 1)
        let label = breakouts[0].label
        #expect(label.hasPrefix("close 200.00 (no daily high that day) above the "), "\(label)")
        #expect(label.contains("high of 101.00 after"), "\(label)")
        #expect(label.hasSuffix("(basis high)"))
    }

    @Test func aBreakoutOnItsOwnBasisNamesIt() {
        var series = Series(id: .rut)
        for i in 0..<300 {
            let close = i == 299 ? 200.0 : 100.0 - Double(i % 7)
            series.append(Bar(day: Day(rawValue: Int32(18_000 + i)), high: close + 2, close: close))
        }
        let label = detectBreakouts(in: series, basis: .high, quietDays: 250)[0].label
        #expect(label.hasPrefix("daily high 202.00 above the "), "\(label)")
        #expect(!label.contains("no daily high"))
    }
}
