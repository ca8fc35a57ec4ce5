@testable import Dashboard
import Foundation
import Markets
import TermCanvas
import Testing

/// Drawing through the min/max pyramid against drawing every point: decimation may join columns
/// differently, but it must never lose an extreme.
@Suite("Decimated drawing")
struct DecimatedDrawingTests {
    /// A seeded random walk of 50,000 days with spikes (single-day extremes) and gaps (NaN runs).
    static let walk: (days: [Day], values: [Double]) = {
        var random = SplitMix64(seed: 42)
        let first = Day(year: 1900, month: 1, day: 1)!
        var days: [Day] = [], values: [Double] = []
        var level = 100.0
        for offset in 0..<50_000 {
            level *= exp(0.01 * random.nextGaussian())
            var value = level
            if offset % 7_919 == 0 { value *= 3 }           // a spike up
            if offset % 6_007 == 0 { value /= 3 }           // a spike down
            if (20_000..<20_040).contains(offset) { value = .nan } // a gap
            days.append(first.adding(days: offset))
            values.append(value)
        }
        return (days, values)
    }()

    /// Fractions of the whole history shown: all of it, a half, a tenth, a hundredth and one so narrow that
    /// there are fewer points than dot columns (the plotter then joins points instead of decimating).
    @Test("every extreme of the full-resolution drawing shows at several zooms",
          arguments: [1.0, 0.5, 0.1, 0.01, 0.003])
    func everyExtremeShows(fraction: Double) throws {
        let (days, values) = Self.walk
        let span = Int(Double(days.count - 1) * fraction)
        let start = (days.count - 1 - span) / 3
        let range = days[start]...days[start + span]
        let canvasSize = (columns: 150, rows: 30)

        let pyramid = MinMaxPyramid(values)
        let plotter = SeriesPlotter(days: days, values: values, pyramid: pyramid)
        let visible = plotter.indices(in: range)
        let finite = visible.map { values[$0] }.filter(\.isFinite)
        let extent = try #require(finite.min().map { ($0, finite.max()!) })

        var decimated = PlotCanvas(columns: canvasSize.columns, rows: canvasSize.rows, glyphs: .braille)
        let dayAxis = DayAxis(range: range, positions: decimated.dotWidth)
        let valueAxis = try #require(ValueAxis(extent: extent, log: true, positions: decimated.dotHeight))
        plotter.draw(on: &decimated, days: dayAxis, values: valueAxis, style: .plain)

        // Full resolution: every visible point, each joined to the next, no pyramid; like the plotter, the
        // line runs on to the first point off each edge.
        var full = PlotCanvas(columns: canvasSize.columns, rows: canvasSize.rows, glyphs: .braille)
        var lowest: [Int: Int] = [:], highest: [Int: Int] = [:]
        var previous: (x: Int, y: Int)? = nil
        for i in max(0, visible.lowerBound - 1)..<min(days.count, visible.upperBound + 1) {
            guard values[i].isFinite else { previous = nil; continue }
            let point = (x: dayAxis.position(of: days[i]), y: valueAxis.position(of: values[i]))
            if let p = previous { full.line(from: p, to: point, style: .plain) } else { full.plot(x: point.x, y: point.y, style: .plain) }
            previous = point
            guard visible.contains(i) else { continue }
            lowest[point.x] = max(lowest[point.x] ?? point.y, point.y)   // rows grow downwards
            highest[point.x] = min(highest[point.x] ?? point.y, point.y)
        }

        let drawn = Dots(decimated), reference = Dots(full)
        #expect(!lowest.isEmpty)
        for (x, top) in highest {
            let showsHighest = drawn.contains(x: x, y: top), showsLowest = drawn.contains(x: x, y: lowest[x]!)
            #expect(showsHighest, "column \(x): the highest point (row \(top)) is missing")
            #expect(showsLowest, "column \(x): the lowest point (row \(lowest[x]!)) is missing")
        }
        // And nothing beyond what the full drawing reaches: decimation invents no extremes.
        for x in 0..<decimated.dotWidth {
            guard let rows = drawn.rows(at: x) else { continue }
            let referenceRows = try #require(reference.rows(at: x), "column \(x) is drawn only when decimated")
            #expect(rows.lowerBound >= referenceRows.lowerBound && rows.upperBound <= referenceRows.upperBound,
                    "column \(x): decimated rows \(rows) go beyond the full drawing's \(referenceRows)")
        }
    }
}

/// The dots a braille canvas has set, read back from the characters it renders.
private struct Dots {
    private var set: Set<Int> = []
    private var width: Int
    /// The topmost and bottommost set row of each dot column.
    private var columnRows: [Int: ClosedRange<Int>] = [:]

    init(_ canvas: PlotCanvas) {
        width = canvas.dotWidth
        var buffer = Buffer(size: Size(width: canvas.dotWidth / 2, height: canvas.dotHeight / 4))
        canvas.render(into: &buffer, at: (0, 0))
        let bits = Dots.brailleBits()
        for row in 0..<buffer.size.height {
            for column in 0..<buffer.size.width {
                let pattern = buffer[column, row].scalar.value &- 0x2800
                guard pattern > 0, pattern < 0x100 else { continue }
                for (bit, dot) in bits where pattern & bit != 0 {
                    let x = column * 2 + dot.x, y = row * 4 + dot.y
                    set.insert(y * width + x)
                    let rows = columnRows[x]
                    columnRows[x] = min(rows?.lowerBound ?? y, y)...max(rows?.upperBound ?? y, y)
                }
            }
        }
    }

    func contains(x: Int, y: Int) -> Bool { set.contains(y * width + x) }

    /// The topmost and bottommost set row in a dot column, nil when none is set.
    func rows(at x: Int) -> ClosedRange<Int>? { columnRows[x] }

    /// Which bit of a braille character each dot of a cell sets, found by drawing the dots one at a time.
    private static func brailleBits() -> [(UInt32, (x: Int, y: Int))] {
        var result: [(UInt32, (x: Int, y: Int))] = []
        for y in 0..<4 {
            for x in 0..<2 {
                var one = PlotCanvas(columns: 1, rows: 1, glyphs: .braille)
                one.plot(x: x, y: y, style: .plain)
                var buffer = Buffer(size: Size(width: 1, height: 1))
                one.render(into: &buffer, at: (0, 0))
                result.append((buffer[0, 0].scalar.value - 0x2800, (x, y)))
            }
        }
        return result
    }
}
