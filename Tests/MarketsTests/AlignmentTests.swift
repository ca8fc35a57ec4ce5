import Foundation
import Testing
@testable import Markets

@Suite("Alignment and returns")
struct AlignmentTests {
    private func series(_ id: SeriesID, _ rows: [(String, Double)]) -> Series {
        Series(id: id, bars: rows.map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
    }

    @Test func innerJoinKeepsSharedDaysOnly() {
        // Index: Fri, Mon, Tue (Wed missing); Bitcoin: every day Fri ... Wed.
        let index = series(.rut, [("2024-03-01", 2000), ("2024-03-04", 2010), ("2024-03-05", 1990)])
        let coin = series(.btc, [("2024-03-01", 60_000), ("2024-03-02", 61_000), ("2024-03-03", 62_000),
                                 ("2024-03-04", 63_000), ("2024-03-05", 64_000), ("2024-03-06", 65_000)])
        let pair = AlignedPair(index, coin)
        #expect(pair.days.map(\.iso) == ["2024-03-01", "2024-03-04", "2024-03-05"])
        #expect(pair.a == [2000, 2010, 1990])
        #expect(pair.b == [60_000, 63_000, 64_000])
        #expect(pair.aID == .rut && pair.bID == .btc)
        // The Monday return of Bitcoin includes the weekend.
        let returns = logReturns(pair.b)
        #expect(abs(returns[0] - log(63_000.0 / 60_000)) < 1e-15)
    }

    @Test func disjointAndEmptySeries() {
        let a = series("a", [("2024-01-01", 1), ("2024-01-03", 2)])
        let b = series("b", [("2024-01-02", 1), ("2024-01-04", 2)])
        #expect(AlignedPair(a, b).isEmpty)
        #expect(AlignedPair(a, Series(id: "c")).isEmpty)
        #expect(AlignedPair(a, a).count == 2)
    }

    @Test func logReturnsAreOneShorterAndNaNForBadPrices() {
        #expect(logReturns([]).isEmpty)
        #expect(logReturns([5]).isEmpty)
        let r = logReturns([100, 110, 0, 121, .nan, 50])
        #expect(r.count == 5)
        #expect(abs(r[0] - log(1.1)) < 1e-15)
        #expect(r[1].isNaN && r[2].isNaN && r[3].isNaN && r[4].isNaN)
        let compounded = logReturns([100, 150, 75, 120]).reduce(0, +)
        #expect(abs(compounded - log(1.2)) < 1e-14)
    }

    @Test(arguments: [0, 1, 2, 3, 500]) func correlationTakenInOneMergeEqualsThatOfThePair(days: Int) {
        var rng = SplitMix64(seed: UInt64(days) + 11)
        func randomSeries(_ id: SeriesID, keep: Double) -> Series {
            var bars: [Bar] = []
            var close = 100.0
            for offset in 0..<days where Double.random(in: 0..<1, using: &rng) < keep {
                close *= exp(Double.random(in: -0.05...0.05, using: &rng))
                // Now and then a price that gives no return: the merge must keep it as NaN like the pair does.
                let price = Double.random(in: 0..<1, using: &rng) < 0.02 ? Double.infinity : close
                bars.append(Bar(day: Day(rawValue: Int32(19_000 + offset)), close: price))
            }
            return Series(id: id, bars: bars)
        }
        let index = randomSeries(.rut, keep: 0.7), coin = randomSeries(.btc, keep: 0.95)
        let together = RollingCorrelation.windows([2, 30], of: index, coin)
        #expect(together.map(\.window) == [2, 30])
        #expect(RollingCorrelation.windows([], of: index, coin).isEmpty)
        for (window, computedTogether) in zip([2, 30], together) {
            let merged = RollingCorrelation(index, coin, window: window)
            #expect(computedTogether.days == merged.days)
            #expect(computedTogether.values.map(\.bitPattern) == merged.values.map(\.bitPattern))
            #expect(computedTogether.fullSample.bitPattern == merged.fullSample.bitPattern)
            let viaPair = RollingCorrelation(AlignedPair(index, coin), window: window)
            #expect(merged.days == viaPair.days)
            #expect(merged.values.map(\.bitPattern) == viaPair.values.map(\.bitPattern))
            #expect(merged.alignedDayCount == viaPair.alignedDayCount && merged.returnCount == viaPair.returnCount)
            #expect(merged.fullSample.bitPattern == viaPair.fullSample.bitPattern)
            #expect(merged.aID == .rut && merged.bID == .btc)
            if days == 500 { #expect(merged.definedCount > 50 && merged.values.contains { $0.isNaN }) }
        }
    }
}
