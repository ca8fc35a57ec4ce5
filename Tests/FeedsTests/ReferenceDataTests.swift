import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// The real price files in `../shared/data`, with the counts and spans PROVENANCE.md states.
@Suite("Reference data", .enabled(if: ReferenceData.directory != nil, "needs ../shared/data"))
struct ReferenceDataTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var series: SeriesID
        var rows: Int
        var first: String
        var last: String
        var testDescription: String { file }
    }

    static let files = [
        Expected(file: "rut_daily.csv", series: .rut, rows: 3178, first: "2014-01-02", last: "2026-08-21"),
        Expected(file: "btc_usd_daily.csv", series: .btc, rows: 4356, first: "2014-09-17", last: "2026-08-20"),
        Expected(file: "btc_usd_bitstamp_close.csv", series: "btc.bitstamp", rows: 5347, first: "2012-01-01",
                 last: "2026-08-21"),
        Expected(file: "iwm_daily.csv", series: .iwm, rows: 3178, first: "2014-01-02", last: "2026-08-21"),
    ]

    @Test(arguments: files)
    func importsWithTheStatedRowCount(_ expected: Expected) throws {
        let url = try #require(ReferenceData.file(expected.file))
        let folder = try TemporaryDirectory()
        let store = try Store(location: StoreLocation(directory: folder.url))
        let report = try Importer().importFile(at: url, as: expected.series, into: store, today: testToday)
        #expect(report.rowsRead == expected.rows)
        #expect(report.added == expected.rows)
        #expect(report.skippedNoClose == 0)
        #expect(!report.wasReordered)
        #expect(report.firstDay == day(expected.first) && report.lastDay == day(expected.last))
        #expect(try store.summary() == [SeriesSummary(id: expected.series, count: expected.rows,
                                                      firstDay: day(expected.first), lastDay: day(expected.last))])
        let again = try Importer().importFile(at: url, as: expected.series, into: store, today: testToday)
        #expect(again.added == 0 && again.updated == 0 && again.unchanged == expected.rows)
    }

    @Test func rutSummaryLineAndSpotValues() throws {
        let url = try #require(ReferenceData.file("rut_daily.csv"))
        let folder = try TemporaryDirectory()
        let store = try Store(location: StoreLocation(directory: folder.url))
        let report = try Importer().importFile(at: url, as: .rut, into: store, today: testToday)
        #expect(report.summary
            == "rut: 3178 rows read — 3178 added, 0 updated, 0 unchanged, 0 skipped (no close); 2014-01-02 … 2026-08-21")
        // PROVENANCE.md: empty volume on 2023-07-25, 2023-10-13, 2024-10-18 and 2026-08-21.
        #expect(report.emptyCells == 4)
        let rut = try store.load(.rut)
        #expect(rut.close(onOrBefore: day("2021-11-08")) == 2442.74)
        #expect(rut.bar(at: 0) == Bar(day: day("2014-01-02"), open: 1160.50, high: 1160.50, low: 1146.60,
                                      close: 1150.72, volume: 3_080_600_000))
        #expect(rut.bar(at: rut.count - 1).volume == nil)
    }

    @Test func bitstampHasOnlyCloses() throws {
        let url = try #require(ReferenceData.file("btc_usd_bitstamp_close.csv"))
        let parsed = try PriceCSVParser(today: testToday).parse(try Data(contentsOf: url), name: url.lastPathComponent)
        #expect(parsed.emptyCells == 5347 * 4)
        #expect(parsed.bars.allSatisfy { $0.open == nil && $0.high == nil && $0.low == nil && $0.volume == nil })
        #expect(parsed.bars.last == Bar(day: day("2026-08-21"), close: 78293.71))
    }

    @Test func exportOfRutReproducesTheFileValues() throws {
        let url = try #require(ReferenceData.file("rut_daily.csv"))
        let parsed = try PriceCSVParser(today: testToday).parse(try Data(contentsOf: url), name: "rut_daily.csv")
        let rendered = SeriesCSV.render(Series(id: .rut, bars: parsed.bars))
        #expect(try parse(rendered).bars == parsed.bars)
    }
}
