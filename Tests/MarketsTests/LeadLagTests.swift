import Testing
@testable import Markets

private func closes(_ id: SeriesID, _ rows: [(String, Double)]) -> Series {
    Series(id: id, bars: rows.map { Bar(day: Day(iso: $0.0)!, close: $0.1) })
}

/// Expected values from a separate script: Python's `statistics.correlation` on the pairs it lists by brute force
/// (inner join on the date, log returns between consecutive shared days, pairs with a NaN dropped).
@Suite("Lead–lag correlation of aligned daily log returns")
struct LeadLagTests {
    // The index skips weekends; Bitcoin misses 01-04 and 01-14 and has a zero close on 01-10 (a bad price:
    // the two returns around it are NaN and drop out of every pair they are in).
    let index = closes(.rut, [("2024-01-01", 100), ("2024-01-02", 101), ("2024-01-03", 99.5), ("2024-01-04", 102),
                              ("2024-01-05", 103), ("2024-01-08", 101), ("2024-01-09", 104), ("2024-01-10", 104.5),
                              ("2024-01-11", 103), ("2024-01-12", 106), ("2024-01-15", 107), ("2024-01-16", 105)])
    let coin = closes(.btc, [("2024-01-01", 40000), ("2024-01-02", 41000), ("2024-01-03", 40500),
                             ("2024-01-05", 42000), ("2024-01-06", 43000), ("2024-01-07", 42500),
                             ("2024-01-08", 41500), ("2024-01-09", 44000), ("2024-01-10", 0), ("2024-01-11", 45000),
                             ("2024-01-12", 46500), ("2024-01-13", 46000), ("2024-01-15", 47500),
                             ("2024-01-16", 47000)])

    @Test func everyLagMatchesTheBruteForcePairs() throws {
        let lags = LeadLag(index, coin, maxLag: 3)
        let expected: [(Int, Double, Int)] = [
            (-3, 0.22263474457864896, 5), (-2, 0.08743850226243999, 6), (-1, -0.6302731846377031, 7),
            (0, 0.9447835437863236, 8), (1, -0.7370493869656746, 7), (2, 0.3738296366403144, 6),
            (3, -0.019121606929917913, 5),
        ]
        #expect(lags.points.map(\.lag) == Array(-3...3))
        for (lag, r, pairs) in expected {
            let point = try #require(lags.point(lag: lag))
            #expect(point.pairs == pairs, "lag \(lag)")
            #expect(abs(point.correlation - r) < 1e-12, "lag \(lag): \(point.correlation) against \(r)")
            #expect(abs(point.band - 1.96 / Double(pairs).squareRoot()) < 1e-15)
        }
        #expect(lags.returnCount == 10)
        #expect(lags.days == Day(iso: "2024-01-02")!...Day(iso: "2024-01-16")!)
        #expect(lags.strongest?.lag == 0)
        // Lag 0 is the full-sample correlation the correlation panel shows.
        let rolling = RollingCorrelation(index, coin, window: 2)
        #expect(abs(lags.point(lag: 0)!.correlation - rolling.fullSample) < 1e-12)
        #expect(lags.point(lag: 0)!.pairs == rolling.returnCount)
    }

    @Test func aRangeKeepsTheReturnsEndingInsideIt() throws {
        // From 01-04 (Bitcoin has no close that day): the first return runs from the shared day 01-03 to 01-05.
        let range = Day(iso: "2024-01-04")!...Day(iso: "2024-01-12")!
        let lags = LeadLag(index, coin, maxLag: 2, range: range)
        let expected: [(Int, Double, Int)] = [
            (-2, -0.24084006518533152, 3), (-1, -0.6713118335828935, 3), (0, 0.9058032975313641, 4),
            (1, -0.9603662911700941, 3), (2, 1.0, 2),
        ]
        for (lag, r, pairs) in expected {
            let point = try #require(lags.point(lag: lag))
            #expect(point.pairs == pairs, "lag \(lag)")
            #expect(abs(point.correlation - r) < 1e-12, "lag \(lag)")
        }
        #expect(lags.returnCount == 6)
        #expect(lags.days == Day(iso: "2024-01-05")!...Day(iso: "2024-01-12")!)
        #expect(lags.strongest?.lag == 2)
        // The same from the whole aligned pair: slicing first changes nothing.
        let whole = LeadLag(AlignedPair(index, coin), maxLag: 2, range: range)
        #expect(whole.points.map(\.pairs) == lags.points.map(\.pairs))
        for (a, b) in zip(whole.points, lags.points) { #expect(abs(a.correlation - b.correlation) < 1e-15) }
    }

    @Test func lagsLongerThanTheSeriesHaveNoCorrelation() {
        let lags = LeadLag(index, coin, maxLag: 12)
        #expect(lags.points.count == 25)
        // Ten returns: lags of ten or more have no pair, lag ±9 one pair at most.
        for lag in [-12, -10, 10, 12] { #expect(lags.point(lag: lag)!.pairs == 0 && lags.point(lag: lag)!.correlation.isNaN) }
        for lag in [-9, 9] { #expect(lags.point(lag: lag)!.pairs <= 1 && lags.point(lag: lag)!.correlation.isNaN) }
        #expect(lags.point(lag: 12)!.band.isNaN)
    }

    @Test func aFlatSideOrNoSharedDaysGiveNoCorrelation() {
        let flat = closes(.btc, [("2024-01-01", 5), ("2024-01-02", 5), ("2024-01-03", 5), ("2024-01-04", 5),
                                 ("2024-01-05", 5)])
        let lags = LeadLag(index, flat, maxLag: 1)
        #expect(lags.points.allSatisfy { $0.correlation.isNaN })
        #expect(lags.strongest == nil)
        let apart = LeadLag(index, closes(.btc, [("2025-01-01", 1), ("2025-01-02", 2)]), maxLag: 1)
        #expect(apart.returnCount == 0 && apart.days == nil && apart.points.allSatisfy { $0.pairs == 0 })
    }

    @Test func tiesOfStrengthGoToTheLagNearestZeroThenTheNegative() {
        var lags = LeadLag(index, coin, maxLag: 2)
        lags.points = [.init(lag: -2, correlation: 0.5, pairs: 9), .init(lag: -1, correlation: -0.5, pairs: 9),
                       .init(lag: 0, correlation: 0.1, pairs: 9), .init(lag: 1, correlation: 0.5, pairs: 9),
                       .init(lag: 2, correlation: .nan, pairs: 0)]
        #expect(lags.strongest?.lag == -1)
    }
}
