import Testing
@testable import Markets

/// Brute-force extent of a slice, ignoring NaN.
private func bruteForce(_ values: [Double], _ range: Range<Int>) -> (min: Double, max: Double, first: Double,
                                                                       last: Double)? {
    let finite = values[range].filter(\.isFinite)
    guard let first = finite.first, let last = finite.last else { return nil }
    return (finite.min()!, finite.max()!, first, last)
}

/// A seeded random walk with occasional spikes and NaN gaps.
private func randomData(count: Int, seed: UInt64, nanRate: Double) -> [Double] {
    var rng = SplitMix64(seed: seed)
    var value = 100.0
    return (0..<count).map { _ in
        value += Double.random(in: -1...1, using: &rng)
        if Double.random(in: 0..<1, using: &rng) < 0.01 { return value + Double.random(in: -50...50, using: &rng) }
        if Double.random(in: 0..<1, using: &rng) < nanRate { return .nan }
        return value
    }
}

@Suite("Min/max pyramid")
struct MinMaxPyramidTests {
    struct ZoomCase: Sendable, CustomTestStringConvertible {
        var count: Int
        var range: Range<Int>
        var columns: Int
        var nanRate: Double
        var testDescription: String { "\(count) points, \(range) into \(columns), NaN \(nanRate)" }
    }

    @Test(arguments: [
        ZoomCase(count: 10_000, range: 0..<10_000, columns: 80, nanRate: 0),
        ZoomCase(count: 10_000, range: 0..<10_000, columns: 237, nanRate: 0.05),
        ZoomCase(count: 10_000, range: 1234..<5678, columns: 100, nanRate: 0.02),
        ZoomCase(count: 10_000, range: 9_000..<9_317, columns: 200, nanRate: 0),
        ZoomCase(count: 4_097, range: 17..<4_097, columns: 63, nanRate: 0.3),
        ZoomCase(count: 1_000, range: 500..<560, columns: 120, nanRate: 0.1),
        ZoomCase(count: 3, range: 0..<3, columns: 7, nanRate: 0),
    ])
    func columnsShowEveryExtreme(_ c: ZoomCase) {
        for seed: UInt64 in [1, 42, 2024] {
            let values = randomData(count: c.count, seed: seed, nanRate: c.nanRate)
            let pyramid = MinMaxPyramid(values)
            let columns = pyramid.columns(of: c.range, into: c.columns)
            #expect(columns.count == c.columns)
            var covered = c.range.lowerBound
            for (i, column) in columns.enumerated() {
                let start = c.range.lowerBound + i * c.range.count / c.columns
                let end = c.range.lowerBound + (i + 1) * c.range.count / c.columns
                #expect(start == covered)
                covered = end
                let expected = bruteForce(values, start..<end)
                #expect((column == nil) == (expected == nil))
                guard let column, let expected else { continue }
                #expect(column.indices == start..<end)
                #expect(column.min == expected.min && column.max == expected.max)
                #expect(column.first == expected.first && column.last == expected.last)
                #expect(values[column.firstIndex] == column.first && values[column.lastIndex] == column.last)
            }
            #expect(covered == c.range.upperBound)
        }
    }

    @Test func rangeQueriesMatchBruteForce() {
        var rng = SplitMix64(seed: 7)
        let values = randomData(count: 777, seed: 3, nanRate: 0.1)
        let pyramid = MinMaxPyramid(values)
        for _ in 0..<2_000 {
            let a = Int.random(in: 0...777, using: &rng), b = Int.random(in: 0...777, using: &rng)
            let range = min(a, b)..<max(a, b)
            let got = pyramid.minMax(in: range)
            let expected = bruteForce(values, range)
            #expect(got?.min == expected?.min && got?.max == expected?.max)
        }
    }

    @Test func empty() {
        let pyramid = MinMaxPyramid([])
        #expect(pyramid.count == 0)
        #expect(pyramid.levelCount == 0)
        #expect(pyramid.minMax(in: 0..<0) == nil)
        #expect(pyramid.minMax(in: 0..<10) == nil)
        #expect(pyramid.columns(of: 0..<0, into: 3) == [nil, nil, nil])
        #expect(pyramid.columns(of: 0..<0, into: 0).isEmpty)
    }

    @Test func onePoint() throws {
        let pyramid = MinMaxPyramid([42])
        #expect(pyramid.levelCount == 1)
        let mm = try #require(pyramid.minMax(in: 0..<1))
        #expect(mm.min == 42 && mm.max == 42)
        let columns = pyramid.columns(of: 0..<1, into: 4)
        #expect(columns.compactMap { $0 }.count == 1)
        #expect(columns.compactMap { $0 }.first?.first == 42)
    }

    @Test func nansAreIgnored() throws {
        let pyramid = MinMaxPyramid([.nan, 3, .nan, -2, .nan, .nan])
        let mm = try #require(pyramid.minMax(in: 0..<6))
        #expect(mm.min == -2 && mm.max == 3)
        #expect(pyramid.minMax(in: 4..<6) == nil)
        let column = try #require(pyramid.extent(of: 0..<5))
        #expect(column.first == 3 && column.last == -2)
        #expect(column.firstIndex == 1 && column.lastIndex == 3)
        #expect(MinMaxPyramid([.nan, .nan]).columns(of: 0..<2, into: 1) == [nil])
    }

    @Test func moreColumnsThanPointsPutsEachPointInOneColumn() {
        let values: [Double] = [1, 5, 2]
        let columns = MinMaxPyramid(values).columns(of: 0..<3, into: 10)
        #expect(columns.count == 10)
        let filled = columns.compactMap { $0 }
        #expect(filled.map(\.first) == values)
        #expect(filled.allSatisfy { $0.indices.count == 1 })
    }

    @Test func rangesAreClampedToTheData() throws {
        let pyramid = MinMaxPyramid([4, 8, 6])
        let mm = try #require(pyramid.minMax(in: -5..<50))
        #expect(mm.min == 4 && mm.max == 8)
        #expect(pyramid.columns(of: 1..<99, into: 2).compactMap { $0?.max } == [8, 6])
    }
}

@Suite("Min/max pyramid, long gaps and odd sizes")
struct MinMaxPyramidGapTests {
    /// Values with long runs of NaN and some infinities, which the pyramid must skip like NaN.
    private func gappy(count: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        var values: [Double] = []
        while values.count < count {
            let run = Int.random(in: 1...300, using: &rng)
            let missing = Double.random(in: 0..<1, using: &rng) < 0.5
            for _ in 0..<run {
                if missing {
                    values.append([Double.nan, .infinity, -.infinity].randomElement(using: &rng)!)
                } else {
                    values.append(Double.random(in: -1_000...1_000, using: &rng))
                }
            }
        }
        return Array(values.prefix(count))
    }

    @Test(arguments: [1, 2, 15, 16, 17, 31, 33, 255, 257, 5_003])
    func everyRangeEndMatchesBruteForce(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let values = gappy(count: count, seed: UInt64(count) * 31)
        let pyramid = MinMaxPyramid(values)
        for _ in 0..<1_500 {
            let a = Int.random(in: 0...count, using: &rng), b = Int.random(in: 0...count, using: &rng)
            let range = min(a, b)..<max(a, b)
            let finite = range.filter { values[$0].isFinite }
            let extent = pyramid.extent(of: range)
            #expect(extent?.firstIndex == finite.first && extent?.lastIndex == finite.last,
                    "first/last finite of \(range) in \(count) values")
            let expected = finite.isEmpty ? nil : (finite.map { values[$0] }.min()!, finite.map { values[$0] }.max()!)
            #expect(extent?.min == expected?.0 && extent?.max == expected?.1, "extremes of \(range) in \(count) values")
        }
    }

    @Test func levelCountGrowsWithTheLog() {
        #expect(MinMaxPyramid([1, 2]).levelCount == 2)
        #expect(MinMaxPyramid(Array(repeating: 1, count: 16)).levelCount == 5)
        #expect(MinMaxPyramid(Array(repeating: 1, count: 17)).levelCount == 6)
    }
}
