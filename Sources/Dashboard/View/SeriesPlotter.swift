import Markets
import TermCanvas

/// Draws one series onto a plot canvas at a cost of about the canvas width, whatever the number of points.
///
/// When the visible points are fewer than the dot columns, consecutive points are joined by lines. When
/// there are more, each dot column draws the full min-to-max extent of its points (from the pyramid) and
/// joins the previous column's last point, so every extreme the data holds stays visible.
struct SeriesPlotter {
    /// The days of the values, ascending.
    let days: [Day]
    /// The values to draw; NaN leaves a gap.
    let values: [Double]
    let pyramid: MinMaxPyramid
    /// Multiplies every value before it is placed (100 / base for an indexed chart, 1 otherwise).
    let scale: Double

    /// A plotter over a price series' closes.
    init(series: Series, pyramid: MinMaxPyramid, scale: Double) {
        self.init(days: series.days, values: series.closes, pyramid: pyramid, scale: scale)
    }

    init(days: [Day], values: [Double], pyramid: MinMaxPyramid, scale: Double = 1) {
        self.days = days
        self.values = values
        self.pyramid = pyramid
        self.scale = scale
    }

    /// Positions of the values whose days fall in a range.
    func indices(in range: DayRange) -> Range<Int> {
        let lo = firstIndex(onOrAfter: range.lowerBound)
        return lo..<max(lo, firstIndex(onOrAfter: range.upperBound.adding(days: 1)))
    }

    private func firstIndex(onOrAfter day: Day) -> Int { days.partitioningIndex { $0 >= day } }

    /// The smallest and largest scaled value within a range of days.
    func extent(in range: DayRange) -> (min: Double, max: Double)? {
        let r = indices(in: range)
        guard !r.isEmpty, let mm = pyramid.minMax(in: r) else { return nil }
        return (mm.min * scale, mm.max * scale)
    }

    /// Draws the visible part of the series, in the glyph set's dots or, given a mark, in that character.
    func draw(on canvas: inout PlotCanvas, days: DayAxis, values: ValueAxis, style: Style, mark: Unicode.Scalar? = nil) {
        canvas.mark = mark
        defer { canvas.mark = nil }
        let axis = days, valueAxis = values
        let days = self.days, closes = self.values
        let visible = indices(in: axis.range)
        guard !visible.isEmpty else { return }
        // Include the neighbours just off screen so the line runs to the edges.
        let lo = max(0, visible.lowerBound - 1), hi = min(days.count, visible.upperBound + 1)
        if hi - lo <= axis.positions {
            var previous: (x: Int, y: Int)? = nil
            for i in lo..<hi {
                guard closes[i].isFinite else { previous = nil; continue }
                let point = (x: axis.position(of: days[i]), y: valueAxis.position(of: closes[i] * scale))
                if let p = previous { canvas.line(from: p, to: point, style: style) } else { canvas.plot(x: point.x, y: point.y, style: style) }
                previous = point
            }
            return
        }
        var previous: (x: Int, y: Int)? = nil
        if lo < visible.lowerBound, closes[lo].isFinite {
            previous = (axis.position(of: days[lo]), valueAxis.position(of: closes[lo] * scale))
        }
        var start = visible.lowerBound
        for column in 0..<axis.positions {
            let end = column == axis.positions - 1
                ? visible.upperBound
                : min(visible.upperBound, max(start, firstIndex(onOrAfter: axis.firstDay(atOrAfter: column + 1))))
            defer { start = end }
            guard end > start else { continue }
            // A column of NaN only (an undefined correlation window, say) breaks the line.
            guard let mm = pyramid.minMax(in: start..<end) else { previous = nil; continue }
            let lo = mm.min * scale, hi = mm.max * scale
            if let p = previous, closes[start].isFinite {
                canvas.line(from: p, to: (column, valueAxis.position(of: closes[start] * scale)), style: style)
            }
            canvas.vertical(x: column, from: valueAxis.position(of: lo), to: valueAxis.position(of: hi), style: style)
            previous = closes[end - 1].isFinite ? (column, valueAxis.position(of: closes[end - 1] * scale)) : nil
        }
        if hi > visible.upperBound, let p = previous, closes[hi - 1].isFinite {
            canvas.line(from: p, to: (axis.position(of: days[hi - 1]), valueAxis.position(of: closes[hi - 1] * scale)),
                        style: style)
        }
    }
}
