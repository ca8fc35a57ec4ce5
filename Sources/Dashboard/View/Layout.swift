import TermCanvas

/// Where each part of the dashboard goes for a screen size.
///
/// One function decides it, so `view` draws and `update` turns cursor steps into days from the same numbers.
public struct Layout: Equatable, Sendable {
    /// The smallest screen the dashboard draws on; below it a "terminal too small" message fills the screen.
    public static let minimumSize = Size(width: 60, height: 16)
    /// Columns for the value labels on each side of the plot.
    public static let axisWidth = 8

    public var title: Rect
    public var legend: Rect
    /// The chart: halving labels on its first row, the plot, and the date axis on its last row.
    public var chart: Rect
    /// The cells where the series are drawn.
    public var plot: Rect
    public var readout: Rect
    public var markers: Rect
    public var status: Rect

    /// Lays out a screen of a size for a chart mode.
    public init(size: Size, mode: ChartMode) {
        var rest = Rect(size: size)
        (title, rest) = rest.splitTop(1)
        (legend, rest) = rest.splitTop(1)
        (rest, status) = rest.splitBottom(1)
        (rest, markers) = rest.splitBottom(1)
        (rest, readout) = rest.splitBottom(1)
        chart = rest
        let right = mode == .dualAxis ? Layout.axisWidth : 2
        plot = chart.inset(top: 1, left: Layout.axisWidth, bottom: 1, right: right)
    }

    /// Whether a size is large enough for the dashboard.
    public static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }
}
