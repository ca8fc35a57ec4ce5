import TermCanvas

/// Draws the whole screen for a state at a size: the one picture both the terminal and `render` show.
public func view(_ state: AppState, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    buffer.asciiOnly = !state.glyphs.needsUnicode
    for (widget, area) in screenWidgets(state, size: size) { widget.render(in: area, buffer: &buffer) }
    return buffer
}

/// The widgets of the screen for a state at a size, each with the area it is given, in drawing order.
func screenWidgets(_ state: AppState, size: Size) -> [(widget: any Widget, area: Rect)] {
    let area = Rect(size: size)
    guard Layout.fits(size) else { return [(TooSmall(size: size, theme: state.theme), area)] }
    let layout = Layout(size: size, mode: state.mode, panels: state.panels)
    var widgets: [(widget: any Widget, area: Rect)] = [(TitleBar(state: state), layout.title)]
    if state.viewport == nil {
        widgets.append((EmptyState(state: state), Rect(x: 0, y: 1, width: size.width, height: size.height - 2)))
    } else {
        widgets.append((Legend(state: state), layout.legend))
        if layout.chart.height >= 4 { widgets.append((PriceChart(state: state, layout: layout), layout.chart)) }
        for frame in layout.panels { widgets.append((panelWidget(frame.panel, state), frame.rect)) }
        widgets.append((CursorReadout(state: state), layout.readout))
        widgets.append((MarkerList(state: state), layout.markers))
    }
    if let prompt = state.secContactPrompt {
        widgets.append((SECContactLine(state: state, prompt: prompt), layout.status))
    } else {
        widgets.append((StatusBar(state: state), layout.status))
    }
    if state.showHelp { widgets.append((HelpOverlay(state: state), area)) }
    return widgets
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
