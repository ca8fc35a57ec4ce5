import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// Timings of the import path on a generated 20 MB file; printed, never asserted.
///
/// Run with `RESONANCE_BENCH=1 swift test -c release --filter ImportBenchmark`.
@Suite("Import benchmark", .enabled(if: ProcessInfo.processInfo.environment["RESONANCE_BENCH"] != nil,
                                    "set RESONANCE_BENCH=1 to run (best with -c release)"))
struct ImportBenchmarkTests {
    @Test func timeEachStage() throws {
        let large = ImporterTests.largeFile()
        let folder = try TemporaryDirectory()
        let bytes = Array(large.text.utf8)
        let clock = ContinuousClock()

        var parsed: ParsedPrices?
        let parse = try clock.measure { parsed = try PriceCSVParser(today: testToday).parse(bytes, name: "large.csv") }
        let bars = try #require(parsed).bars
        let store = try Store(location: StoreLocation(directory: folder.url))
        let insert = try clock.measure { try store.upsert(bars, into: .btc, source: "bench", today: testToday) }
        let unchanged = try clock.measure { try store.upsert(bars, into: .btc, source: "bench", today: testToday) }
        var series = Series(id: .btc)
        let load = try clock.measure { series = try store.load(.btc) }
        let render = clock.measure { _ = SeriesCSV.render(series) }

        #expect(series.count == large.rows)
        print("import benchmark: \(bytes.count) bytes, \(large.rows) rows; parse \(parse), upsert new \(insert), "
            + "upsert unchanged \(unchanged), load \(load), render \(render)")
    }
}
