import Testing
import TestSupport
@testable import Markets

/// The multiple on day `n` after a halving, computed directly on the file's rows with string dates.
///
/// Base: the first row on or after the halving date. Value: the last row on or before halving + n, provided that
/// day is before the next halving and not after the last row.
private func plainMultiple(_ file: ReferenceCloses, halving: String, next: String?, day n: Int) -> Double? {
    guard let baseIndex = file.dates.firstIndex(where: { $0 >= halving }) else { return nil }
    let target = isoDate(halving, plusDays: n)
    if let next, target >= next { return nil }
    guard target <= file.dates.last!, target >= file.dates[baseIndex] else { return nil }
    return file.close(onOrBefore: target)!.close / file.closes[baseIndex]
}

@Suite("Halving cycles on the reference history", .enabled(if: ReferenceData.directory != nil, "needs ../shared/data"))
struct ReferenceHalvingCycleTests {
    struct FileCase: Sendable, CustomTestStringConvertible {
        var name: String
        var halvings: [Int]
        var testDescription: String { name }
    }

    @Test(arguments: [
        FileCase(name: "btc_usd_daily.csv", halvings: [2, 3, 4]),
        FileCase(name: "btc_usd_bitstamp_close.csv", halvings: [1, 2, 3, 4]),
    ])
    func multiplesAgreeWithAPlainComputation(_ c: FileCase) throws {
        let file = try ReferenceCloses(c.name)
        let cycles = HalvingCycles(bitcoin: file.series(.btc))
        #expect(cycles.cycles.map(\.halving.number) == c.halvings)
        #expect(cycles.current?.halving.number == 4)
        #expect(cycles.baseNotes.isEmpty) // every halving day has a close in both files
        let dates = HalvingSchedule.known.map(\.day.iso)
        var line: [String] = []
        for number in c.halvings {
            let next = number < dates.count ? dates[number] : nil
            for n in [0, 1, 7, 100, 365, 550, 640, 1000, 1401, 1402, 1500] {
                let expected = plainMultiple(file, halving: dates[number - 1], next: next, day: n)
                let found = cycles.multiple(halving: number, atDay: n)
                #expect(found == expected, "halving \(number), day \(n)")
            }
            let m550 = try #require(cycles.multiple(halving: number, atDay: 550))
            line.append("\(dates[number - 1].prefix(4)): \(m550)")
        }
        print("\(c.name) multiple at day 550 —", line.joined(separator: ", "))
    }
}
