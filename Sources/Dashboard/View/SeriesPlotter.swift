import Markets
import TermCanvas

/// Draws one series onto a plot canvas at a cost of about the canvas width, whatever the number of points.
///
/// When the visible points are fewer than the dot columns, consecutive points are joined by lines. When
/// there are more, each dot column draws the full min-to-max extent of its points (from the pyramid) and
/// joins the previous column's last point, so every extreme the data holds stays visible.
struct SeriesPlotter {
    let series: Series
    let pyramid: MinMaxPyramid
    /// Multiplies every value before it is placed (100 / base for an indexed chart, 1 otherwise).
    let scale: Double

    /// The smallest and largest scaled value within a range of days.
    func extent(in range: DayRange) -> (min: Double, max: Double)? {
        let r = series.indices(in: range)
        guard !r.isEmpty, let mm = pyramid.minMax(in: r) else { return nil }
        return (mm.min * scale, mm.max * scale)
    }

    /// Draws the visible part of the series.
    func draw(on canvas: inout PlotCanvas, days: DayAxis, values: ValueAxis, style: Style) {
        let visible = series.indices(in: days.range)
        guard !visible.isEmpty else { return }
        // Include the neighbours just off screen so the line runs to the edges.
        let lo = max(0, visible.lowerBound - 1), hi = min(series.count, visible.upperBound + 1)
        let closes = series.closes
        if hi - lo <= days.positions {
            var previous: (x: Int, y: Int)? = nil
            for i in lo..<hi {
                let point = (x: days.position(of: series.days[i]), y: values.position(of: closes[i] * scale))
                if let p = previous { canvas.line(from: p, to: point, style: style) } else { canvas.plot(x: point.x, y: point.y, style: style) }
                previous = point
            }
            return
        }
        var previous: (x: Int, y: Int)? = nil
        if lo < visible.lowerBound {
            previous = (days.position(of: series.days[lo]), values.position(of: closes[lo] * scale))
        }
        var start = visible.lowerBound
        for column in 0..<days.positions {
            let end = column == days.positions - 1
                ? visible.upperBound
                : min(visible.upperBound, max(start, series.firstIndex(onOrAfter: days.firstDay(atOrAfter: column + 1))))
            defer { start = end }
            guard end > start, let mm = pyramid.minMax(in: start..<end) else { continue }
            let first = values.position(of: closes[start] * scale)
            if let p = previous { canvas.line(from: p, to: (column, first), style: style) }
            canvas.vertical(x: column, from: values.position(of: mm.min * scale), to: values.position(of: mm.max * scale),
                            style: style)
            previous = (column, values.position(of: closes[end - 1] * scale))
        }
        if hi > visible.upperBound, let p = previous {
            canvas.line(from: p, to: (days.position(of: series.days[hi - 1]), values.position(of: closes[hi - 1] * scale)),
                        style: style)
        }
    }
}
