import TermCanvas

/// Draws the whole screen for a state at a size: the one picture both the terminal and `render` show.
public func view(_ state: AppState, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    buffer.asciiOnly = !state.glyphs.needsUnicode
    let area = buffer.area
    guard Layout.fits(size) else {
        TooSmall(size: size, theme: state.theme).render(in: area, buffer: &buffer)
        return buffer
    }
    let layout = Layout(size: size, mode: state.mode, panels: state.panels)
    TitleBar(state: state).render(in: layout.title, buffer: &buffer)
    if state.viewport == nil {
        EmptyState(state: state).render(in: Rect(x: 0, y: 1, width: size.width, height: size.height - 2), buffer: &buffer)
    } else {
        Legend(state: state).render(in: layout.legend, buffer: &buffer)
        if layout.chart.height >= 4 { PriceChart(state: state, layout: layout).render(in: layout.chart, buffer: &buffer) }
        for frame in layout.panels { panelWidget(frame.panel, state).render(in: frame.rect, buffer: &buffer) }
        CursorReadout(state: state).render(in: layout.readout, buffer: &buffer)
        MarkerList(state: state).render(in: layout.markers, buffer: &buffer)
    }
    if let prompt = state.secContactPrompt {
        SECContactLine(state: state, prompt: prompt).render(in: layout.status, buffer: &buffer)
    } else {
        StatusBar(state: state).render(in: layout.status, buffer: &buffer)
    }
    if state.showHelp { HelpOverlay(state: state).render(in: area, buffer: &buffer) }
    return buffer
}

/// The widget that draws a panel.
func panelWidget(_ panel: Panel, _ state: AppState) -> any Widget {
    switch panel {
    case .correlation: return CorrelationPanel(state: state)
    case .cycles: return CyclesPanel(state: state)
    case .aftermath: return AftermathPanel(state: state)
    case .flows: return FlowsPanel(state: state)
    case .lossShare: return LossSharePanel(state: state)
    }
}
