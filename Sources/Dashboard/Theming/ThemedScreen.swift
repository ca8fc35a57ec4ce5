import TermCanvas

/// The screen as the terminal shows it: `view` with the theme's background and foreground painted under it.
///
/// The runtime, `render` and the theme snapshots draw this; `view` stays the widgets' picture.
public func themedScreen(_ state: AppState, size: Size) -> Buffer {
    var buffer = view(state, size: size)
    buffer.applyBase(state.theme.base)
    return buffer
}
