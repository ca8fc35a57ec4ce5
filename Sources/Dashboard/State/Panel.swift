/// One of the analysis panels below the main chart.
public enum Panel: String, CaseIterable, Sendable {
    case correlation, cycles, aftermath, flows, lossShare

    /// The short name used in the help overlay and the status bar.
    public var name: String {
        switch self {
        case .correlation: return "correlation"
        case .cycles: return "halving cycles"
        case .aftermath: return "breakout aftermath"
        case .flows: return "ETF flows"
        case .lossShare: return "loss-making share"
        }
    }

    /// Whether `v` gives the panel a second view: the correlation's lead–lag, the aftermath's halving cycle.
    public var hasSecondView: Bool { self == .correlation || self == .aftermath }
}

/// Which panels show, which has the focus, and whether one fills the screen.
public struct PanelState: Hashable, Sendable {
    /// The panel keys act on; at small sizes, the one shown.
    public var focused: Panel = .correlation
    public var hidden: Set<Panel> = []
    /// A panel that takes the whole chart area, hiding the main chart.
    public var maximised: Panel? = nil
    /// The correlation window in aligned days.
    public var correlationWindow = 90
    /// The panels showing their second view: the correlation panel its lead–lag, the aftermath panel the halving
    /// cycle of each breakout.
    public var secondView: Set<Panel> = []
    /// Lines the focused panel's table is scrolled down by.
    public var scroll = 0

    public init() {}

    /// The panels not hidden, in their fixed order.
    public var visible: [Panel] { Panel.allCases.filter { !hidden.contains($0) } }

    /// Moves the focus to the next (or previous) visible panel.
    public mutating func cycleFocus(backwards: Bool = false) {
        let list = visible
        guard !list.isEmpty else { return }
        let i = list.firstIndex(of: focused) ?? (backwards ? 0 : -1)
        let n = list.count
        focused = list[((backwards ? i - 1 : i + 1) % n + n) % n]
        scroll = 0
        if maximised != nil { maximised = focused }
    }

    /// Hides the focused panel and moves the focus on; hiding the last one shows the main chart alone.
    public mutating func hideFocused() {
        guard visible.contains(focused) else { return }
        let before = focused
        cycleFocus()
        hidden.insert(before)
        if maximised == before { maximised = nil }
        if visible.isEmpty { focused = before }
    }

    /// Shows every panel again.
    public mutating func showAll() {
        hidden = []
    }

    /// Fills the chart area with the focused panel, or goes back.
    public mutating func toggleMaximised() {
        if maximised != nil { maximised = nil; return }
        if hidden.contains(focused) { hidden.remove(focused) }
        maximised = focused
    }

    /// Switches the focused panel between its two views; false when it has only one.
    @discardableResult
    public mutating func toggleSecondView() -> Bool {
        guard focused.hasSecondView else { return false }
        if secondView.contains(focused) { secondView.remove(focused) } else { secondView.insert(focused) }
        scroll = 0
        return true
    }

    /// Whether a panel shows its second view.
    public func showsSecondView(_ panel: Panel) -> Bool { secondView.contains(panel) }

    /// The next correlation window: 30, 90, 180, then 30 again.
    public mutating func cycleCorrelationWindow() {
        let all = [30, 90, 180]
        correlationWindow = all[((all.firstIndex(of: correlationWindow) ?? 0) + 1) % all.count]
    }
}
