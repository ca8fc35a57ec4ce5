import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// Properties of the price file parser over random files: it never crashes or hangs, and either accepts a
/// file whose every bar the store would take, or rejects it with `FILE:LINE: what`.
///
/// Quick by default; `RESONANCE_FUZZ_SECONDS=600 swift test --filter PropertyTests` runs each property
/// for that long (see `FuzzBudget`).
@Suite("Price CSV properties")
struct PriceCSVPropertyTests {
    static let parser = PriceCSVParser(today: testToday)

    @Test("export then parse gives the same bars, for random series")
    func roundTrip() throws {
        let budget = FuzzBudget(quickCases: 300)
        try budget.run { seed, random in
            let series = RandomMarketData.series(&random, today: testToday)
            let text = SeriesCSV.render(series)
            let parsed = try Self.parser.parse(Array(text.utf8), name: "roundtrip.csv")
            #expect(parsed.bars == series.bars, "seed \(seed): the bars changed on the way through\n\(text.prefix(400))")
        }
    }

    @Test("mutated files: accepted bars are all storable, or the error names FILE:LINE")
    func mutatedFiles() throws {
        let budget = FuzzBudget(quickCases: 2_000)
        var accepted = 0, rejected = 0
        budget.run("price CSV") { seed, random in
            let series = RandomMarketData.series(&random, today: testToday, maximumCount: 40)
            let bytes = CSVMutation.mutate(Array(SeriesCSV.render(series).utf8), &random)
            if Self.check(bytes, seed: seed) { accepted += 1 } else { rejected += 1 }
        }
        #expect(accepted > 0 && rejected > 0, "the mutations should give both outcomes: \(accepted) accepted, \(rejected) rejected")
    }

    @Test("random bytes and random lines of cells never crash the parser")
    func garbage() throws {
        let budget = FuzzBudget(quickCases: 2_000)
        budget.run { seed, random in
            var bytes: [UInt8]
            if random.chance(0.5) {
                bytes = random.bytes(random.int(0...600))
            } else {
                // Lines of plausible cells in random order: reaches deeper than pure noise.
                let cells = CSVMutation.nastyCells + ["date", "close", "Date", "Adj Close", "2020-01-02", "12.5", "100"]
                let lines = (0..<random.int(0...8)).map { _ in
                    (0..<random.int(1...8)).map { _ in random.pick(cells) }.joined(separator: ",")
                }
                bytes = Array(lines.joined(separator: "\n").utf8)
            }
            _ = Self.check(bytes, seed: seed)
        }
    }

    /// Parses a file and checks the outcome; true when it was accepted.
    static func check(_ bytes: [UInt8], seed: UInt64) -> Bool {
        do {
            let parsed = try parser.parse(bytes, name: "fuzz.csv")
            #expect(!parsed.bars.isEmpty, "seed \(seed): accepted with no bars")
            for (bar, next) in zip(parsed.bars, parsed.bars.dropFirst()) where bar.day >= next.day {
                Issue.record("seed \(seed): bars out of order or repeated at \(bar.day)")
            }
            if let bad = parsed.bars.first(where: { $0.validationProblem(today: testToday) != nil }) {
                Issue.record("seed \(seed): accepted a bar the store refuses: \(bad) — \(bad.validationProblem(today: testToday)!)")
            }
            return true
        } catch {
            #expect(CSVMutation.isLocated(error.description, file: "fuzz.csv", lineCount: CSVMutation.lineCount(bytes)),
                    "seed \(seed): not FILE:LINE: message: \(error.description)")
            return false
        }
    }
}
