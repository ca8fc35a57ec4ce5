import Foundation
import Testing
import TestSupport
@testable import Markets

/// A row of the reference index file, parsed without the project's import code.
private struct ReferenceRow {
    var date: String
    var high: Double?
    var close: Double
}

/// Reads `date,open,high,low,close,volume` with plain string splitting.
private func readReferenceRows(_ name: String) throws -> [ReferenceRow] {
    let url = try #require(ReferenceData.file(name))
    let text = try String(contentsOf: url, encoding: .utf8)
    var rows: [ReferenceRow] = []
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 5, let close = Double(fields[4]) else { continue }
        rows.append(ReferenceRow(date: fields[0], high: Double(fields[2]), close: close))
    }
    return rows
}

/// The dates of breakouts found by brute force: for each day, compare with every earlier day.
///
/// Deliberately different from the detector: no running state; for every day the prior high and the first
/// day that reached it are recomputed from scratch over all earlier days (a tie is not a new high), and the
/// quiet gap is the count of days strictly between the two.
private func bruteForceBreakouts(_ values: [Double], quietDays: Int) -> [(index: Int, quiet: Int, prior: Double)] {
    var found: [(Int, Int, Double)] = []
    for i in 1..<values.count {
        var prior = -Double.infinity
        var priorIndex = 0
        for j in 0..<i where values[j] > prior {
            prior = values[j]
            priorIndex = j
        }
        if values[i] > prior {
            let quiet = (priorIndex + 1..<i).count
            if quiet >= quietDays { found.append((i, quiet, prior)) }
        }
    }
    return found
}

@Suite("Breakouts on the reference index", .enabled(if: ReferenceData.directory != nil, "needs ../shared/data"))
struct ReferenceBreakoutTests {
    private func series(_ rows: [ReferenceRow]) -> Series {
        Series(id: .rut, bars: rows.map { Bar(day: Day(iso: $0.date)!, high: $0.high, close: $0.close) })
    }

    @Test(arguments: BreakoutBasis.allCases)
    func detectorAgreesWithBruteForce(_ basis: BreakoutBasis) throws {
        let rows = try readReferenceRows("rut_daily.csv")
        let values = rows.map { basis == .high ? ($0.high ?? $0.close) : $0.close }
        let expected = bruteForceBreakouts(values, quietDays: 250)
        let found = detectBreakouts(in: series(rows), basis: basis)
        #expect(found.map(\.day.iso) == expected.map { rows[$0.index].date })
        #expect(found.map(\.quietDays) == expected.map(\.quiet))
        #expect(found.map(\.priorHigh) == expected.map(\.prior))
        print("breakouts on \(basis):", found.map { "\($0.day.iso) (\($0.quietDays) quiet)" }.joined(separator: ", "))
    }

    @Test(arguments: [100, 200, 500])
    func detectorAgreesWithBruteForceAtOtherThresholds(_ quietDays: Int) throws {
        let rows = try readReferenceRows("rut_daily.csv")
        for basis in BreakoutBasis.allCases {
            let values = rows.map { basis == .high ? ($0.high ?? $0.close) : $0.close }
            let expected = bruteForceBreakouts(values, quietDays: quietDays).map { rows[$0.index].date }
            #expect(detectBreakouts(in: series(rows), basis: basis, quietDays: quietDays).map(\.day.iso) == expected)
        }
    }

    @Test func basesDisagreeAboutNovember2024() throws {
        let s = series(try readReferenceRows("rut_daily.csv"))
        let onHigh = detectBreakouts(in: s, basis: .high)
        let onClose = detectBreakouts(in: s, basis: .close)
        let november2024 = Day(iso: "2024-11-01")!...Day(iso: "2024-11-30")!

        let high = try #require(onHigh.first { november2024.contains($0.day) })
        #expect(high.day.iso == "2024-11-25")
        #expect(high.value == 2466.49)
        #expect(high.priorHighDay.year == 2021)
        #expect(!onClose.contains { november2024.contains($0.day) })

        // The close of that day does not beat the 2021-11-08 record close.
        let i = try #require(s.index(of: Day(iso: "2024-11-25")!))
        let record = try #require(s.index(of: Day(iso: "2021-11-08")!))
        #expect(s.closes[i] == 2442.03)
        #expect(s.closes[record] == 2442.74)
        #expect(s.closes[i] < s.closes[record])
    }
}
