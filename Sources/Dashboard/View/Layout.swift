import TermCanvas

/// Where each part of the dashboard goes for a screen size.
///
/// One function decides it, so `view` draws and `update` turns cursor steps into days from the same numbers.
/// Panels: all of them from 160x45, two side by side from 110x34, else the focused one below the chart
/// (Tab chooses it); a maximised panel takes the whole chart area.
public struct Layout: Equatable, Sendable {
    /// The smallest screen the dashboard draws on; below it a "terminal too small" message fills the screen.
    public static let minimumSize = Size(width: 60, height: 16)
    /// Columns for the value labels on each side of the plot.
    public static let axisWidth = 8

    public var title: Rect
    public var legend: Rect
    /// The main chart: halving labels on its first row, the plot, and the date axis on its last row.
    public var chart: Rect
    /// The cells where the series are drawn.
    public var plot: Rect
    /// The analysis panels on screen and their frames.
    public var panels: [PanelFrame]
    public var readout: Rect
    public var markers: Rect
    public var status: Rect

    /// A panel and the rectangle of its frame.
    public struct PanelFrame: Equatable, Sendable {
        public var panel: Panel
        public var rect: Rect
    }

    /// Lays out a screen of a size for a chart mode and panel state.
    public init(size: Size, mode: ChartMode, panels state: PanelState = PanelState()) {
        var rest = Rect(size: size)
        (title, rest) = rest.splitTop(1)
        (legend, rest) = rest.splitTop(1)
        (rest, status) = rest.splitBottom(1)
        (rest, markers) = rest.splitBottom(1)
        (rest, readout) = rest.splitBottom(1)
        let area = rest
        var panels: [PanelFrame] = []
        var chartArea = area
        let visible = state.visible
        if let maximised = state.maximised {
            chartArea = Rect(x: area.x, y: area.y, width: area.width, height: 0)
            panels = [PanelFrame(panel: maximised, rect: area)]
        } else if !visible.isEmpty && area.height >= 14 {
            if size.width >= 160 && size.height >= 45 {
                let (top, bottom) = area.splitTop(max(12, area.height / 2))
                chartArea = top
                panels = Layout.grid(visible, in: bottom)
            } else if size.width >= 110 && size.height >= 34 && visible.count >= 2 {
                let (top, bottom) = area.splitTop(max(12, area.height * 11 / 20))
                chartArea = top
                let i = visible.firstIndex(of: state.focused) ?? 0
                let pair = [visible[i], visible[(i + 1) % visible.count]]
                panels = Layout.row(pair, in: bottom)
            } else {
                let (top, bottom) = area.splitTop(area.height - max(7, area.height * 2 / 5))
                chartArea = top
                let focused = visible.contains(state.focused) ? state.focused : visible[0]
                panels = [PanelFrame(panel: focused, rect: bottom)]
            }
        }
        chart = chartArea
        let right = mode == .dualAxis ? Layout.axisWidth : 2
        plot = chart.inset(top: 1, left: Layout.axisWidth, bottom: 1, right: right)
        self.panels = panels
    }

    /// Panels in rows of at most three (the first row two when five show), filling an area.
    static func grid(_ list: [Panel], in area: Rect) -> [PanelFrame] {
        let rows: [[Panel]] = list.count <= 3 ? [list] : [Array(list.prefix(list.count / 2)), Array(list.dropFirst(list.count / 2))]
        var frames: [PanelFrame] = []
        var rest = area
        for (i, rowPanels) in rows.enumerated() {
            let height = i == rows.count - 1 ? rest.height : rest.height / (rows.count - i)
            let (rowRect, remaining) = rest.splitTop(height)
            rest = remaining
            frames += row(rowPanels, in: rowRect)
        }
        return frames
    }

    /// Panels side by side with equal widths.
    static func row(_ list: [Panel], in area: Rect) -> [PanelFrame] {
        var frames: [PanelFrame] = []
        var rest = area
        for (i, panel) in list.enumerated() {
            let width = i == list.count - 1 ? rest.width : rest.width / (list.count - i)
            let (left, remaining) = rest.splitLeft(width)
            rest = remaining
            frames.append(PanelFrame(panel: panel, rect: left))
        }
        return frames
    }

    /// Whether a size is large enough for the dashboard.
    public static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }
}
