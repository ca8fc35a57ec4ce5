import Markets
import TermCanvas

/// Applies a message to the state and returns the effects to run; never performs I/O or slow work.
///
/// Slow numbers the new state needs (another correlation window, say) are asked for as `Cmd.derive`.
public func update(_ state: inout AppState, _ msg: Msg) -> [Cmd] {
    let commands = respond(&state, msg)
    // Nothing is worth starting on the way out.
    if commands.contains(.quit) { return commands }
    return commands + state.askForMissingDerivations()
}

/// Applies one message to the state and returns its effects.
func respond(_ state: inout AppState, _ msg: Msg) -> [Cmd] {
    // A notice stays until the next key or click: ticks (each second while an age or countdown shows) and
    // effects' answers must not wipe it before it is read.
    if msg.isInput { state.notice = nil }
    switch msg {
    case .resize(let size):
        state.size = size
        return []
    case .dataLoaded(let data):
        state.replaceData(data)
        return []
    case .derived(let result):
        state.accept(result)
        return []
    case .notice(let text):
        state.notice = text
        return []
    case .tick(let now):
        return LiveUpdate.tick(&state, at: now)
    case .fetched(let report):
        return LiveUpdate.fetched(&state, report)
    case .fetchProgress(let line):
        if state.live.inFlight { state.live.progress = line }
        return []
    case .storeChanged(let report):
        return LiveUpdate.storeChanged(&state, report)
    case .fundamentalsStarted:
        state.live.fundamentals.inFlight = true
        return []
    case .fundamentalsProgress(let badge):
        state.live.fundamentals.badge = badge
        return []
    case .fundamentalsFetched(let report):
        LiveUpdate.fundamentalsFetched(&state, report)
        return []
    case .mouse(let event):
        handleMouse(&state, event)
        return []
    case .key(let key):
        if state.secContactPrompt != nil { return SECContactUpdate.key(&state, key) }
        if state.dateEntry != nil { return DateEntry.handle(&state, key) }
        guard let action = KeyMap.action(for: key) else {
            if case .character(let c) = key { state.notice = "no key '\(c)' — press ? for help" }
            return []
        }
        return perform(&state, action)
    }
}

/// Carries out one action of the key map.
func perform(_ state: inout AppState, _ action: Action) -> [Cmd] {
    switch action {
    case .quit:
        return [.quit]
    case .toggleLive:
        return LiveUpdate.toggle(&state)
    case .goToDate:
        DateEntry.open(&state)
        return []
    case .suspend:
        return [.suspend]
    case .toggleHelp:
        state.showHelp.toggle()
        return []
    case .closeOverlay:
        if state.showHelp { state.showHelp = false } else { state.panels.maximised = nil }
        return []
    case .focusNextPanel:
        state.panels.cycleFocus()
        return []
    case .focusPreviousPanel:
        state.panels.cycleFocus(backwards: true)
        return []
    case .hidePanel:
        state.panels.hideFocused()
        return []
    case .showAllPanels:
        state.panels.showAll()
        return []
    case .maximisePanel:
        state.panels.toggleMaximised()
        return []
    case .cycleCorrelationWindow:
        state.panels.cycleCorrelationWindow()
        return []
    case .switchPanelView:
        if !state.panels.toggleSecondView() {
            state.notice = "v: Tab to the correlation or aftermath panel first"
        }
        return []
    case .scrollPanelDown, .scrollPanelUp:
        scrollFocusedPanel(&state, by: action == .scrollPanelDown ? 1 : -1)
        return []
    case .cycleMode:
        state.mode = state.mode.next
        return []
    case .toggleLog:
        state.logScale.toggle()
        return []
    case .toggleBasis:
        state.basis = state.basis == .high ? .close : .high
        return []
    case .cycleTheme:
        return state.cycleTheme()
    case .cycleGlyphs:
        let all = GlyphSet.allCases.filter { state.unicodeAvailable || !$0.needsUnicode }
        state.glyphs = all[((all.firstIndex(of: state.glyphs) ?? -1) + 1) % all.count]
        if !state.unicodeAvailable { state.notice = "braille and block glyphs need a UTF-8 locale (see LANG)" }
        return []
    default:
        break
    }
    guard var viewport = state.viewport else { return [] }
    let step = cursorStepDays(state, viewport)
    switch action {
    case .zoomIn: viewport.zoom(by: 0.5)
    case .zoomOut: viewport.zoom(by: 2)
    case .panLeft: viewport.pan(days: -max(1, viewport.span / 10))
    case .panRight: viewport.pan(days: max(1, viewport.span / 10))
    case .pageLeft: viewport.pan(days: -max(1, viewport.span))
    case .pageRight: viewport.pan(days: max(1, viewport.span))
    case .goToStart: viewport.goToStart()
    case .goToEnd: viewport.goToEnd()
    case .showAll: viewport.showAll()
    case .preset(let months):
        let cursor = viewport.cursor
        let days = cursor.distance(to: cursor.adding(months: months))
        viewport.setSpan(days)
    case .cursorLeft: viewport.moveCursor(days: -step)
    case .cursorRight: viewport.moveCursor(days: step)
    case .cursorLeftFast: viewport.moveCursor(days: -10 * step)
    case .cursorRightFast: viewport.moveCursor(days: 10 * step)
    case .previousMarker:
        if let day = state.markerDays.last(where: { $0 < viewport.cursor }) {
            viewport.jumpCursor(to: day)
        } else {
            state.notice = "no marker before \(viewport.cursor.iso)"
        }
    case .nextMarker:
        if let day = state.markerDays.first(where: { $0 > viewport.cursor }) {
            viewport.jumpCursor(to: day)
        } else {
            state.notice = "no marker after \(viewport.cursor.iso)"
        }
    default:
        break
    }
    state.viewport = viewport
    return []
}

/// Scrolls the focused panel's table a line, within the lines it has beyond its frame.
private func scrollFocusedPanel(_ state: inout AppState, by lines: Int) {
    let hidden = AftermathPanel.hiddenLines(state)
    guard hidden > 0 else {
        state.notice = "nothing to scroll in the \(state.panels.focused.name) panel"
        state.panels.scroll = 0
        return
    }
    state.panels.scroll = min(max(0, state.panels.scroll + lines), hidden)
}

/// Days one cursor step moves: one plot column at the current zoom.
func cursorStepDays(_ state: AppState, _ viewport: Viewport) -> Int {
    let plot = Layout(size: state.size, mode: state.mode, panels: state.panels).plot
    return DayAxis(range: viewport.range, positions: plot.width).daysPerPosition
}

/// Wheel zooms around the pointer's column; a click puts the cursor there.
private func handleMouse(_ state: inout AppState, _ event: MouseEvent) {
    guard var viewport = state.viewport else { return }
    let plot = Layout(size: state.size, mode: state.mode, panels: state.panels).plot
    let axis = DayAxis(range: viewport.range, positions: plot.width)
    let inside = plot.contains(x: event.x, y: event.y)
    switch event.kind {
    case .press:
        guard inside else { return }
        viewport.setCursor(axis.day(at: event.x - plot.x))
    case .wheelUp, .wheelDown:
        if inside { viewport.setCursor(axis.day(at: event.x - plot.x)) }
        viewport.zoom(by: event.kind == .wheelUp ? 0.5 : 2)
    case .release:
        return
    }
    state.viewport = viewport
}
