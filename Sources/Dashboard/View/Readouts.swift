import Markets
import TermCanvas

/// What a series reads at a day: its close on or before that day, and the change from a base day.
struct SeriesReading {
    let day: Day
    let close: Double
    let change: Double?

    /// The reading of a series at a day, measured against its first close on or after `base`.
    init?(_ series: Series, at day: Day, base: Day) {
        guard let i = series.lastIndex(onOrBefore: day) else { return nil }
        self.day = series.days[i]
        self.close = series.closes[i]
        let b = series.firstIndex(onOrAfter: base)
        change = b < series.count && b <= i ? close / series.closes[b] - 1 : nil
    }
}

/// The top line: the product, the range on screen, the chart mode, and a DEMO badge for synthetic data.
struct TitleBar: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        var x = buffer.write("Resonance", x: area.x, y: area.y, style: theme.titleStyle, clip: area)
        x = buffer.write(" · Russell 2000 vs Bitcoin", x: x, y: area.y, style: theme.text, clip: area)
        if let v = state.viewport {
            x = buffer.write(" · \(v.range.lowerBound.iso) → \(v.range.upperBound.iso)", x: x, y: area.y,
                             style: theme.dimText, clip: area)
        }
        var right = "\(state.mode.label)\(state.logScale ? " · log" : "")"
        if state.data.isDemo { right = " DEMO " }
        let rx = area.maxX - right.count
        if rx > x + 1 {
            buffer.write(right, x: rx, y: area.y, style: state.data.isDemo ? theme.badgeStyle : theme.dimText, clip: area)
        }
    }
}

/// One entry per series: its colour, name, last visible value and change over the visible range.
struct Legend: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        guard let v = state.viewport else { return }
        let theme = state.theme
        let unicode = state.glyphs.needsUnicode
        var x = area.x
        let entries: [(Series, Style, String)] = [
            (state.data.index, theme.indexStyle, unicode ? "━━" : "--"),
            (state.data.bitcoin, theme.bitcoinStyle, unicode ? "━━" : "=="),
        ]
        for (series, style, swatch) in entries {
            x = buffer.write(swatch + " ", x: x, y: area.y, style: style, clip: area)
            x = buffer.write("\(series.id.label) (\(series.id.ticker))", x: x, y: area.y, style: theme.text.adding(.bold), clip: area)
            if let r = SeriesReading(series, at: v.range.upperBound, base: v.range.lowerBound) {
                x = buffer.write(" " + ValueFormat.price(r.close), x: x, y: area.y, style: theme.text, clip: area)
                if let c = r.change {
                    x = buffer.write(" " + ValueFormat.percent(c), x: x, y: area.y,
                                     style: c >= 0 ? theme.positiveStyle : theme.negativeStyle, clip: area)
                }
            } else {
                x = buffer.write(" no data", x: x, y: area.y, style: theme.dimText, clip: area)
            }
            x += 3
        }
        let note = state.mode == .indexed ? "=100 at \(v.range.lowerBound.iso)" : "left: index · right: BTC"
        if area.maxX - note.count > x { buffer.write(note, x: area.maxX - note.count, y: area.y, style: theme.dimText, clip: area) }
    }
}

/// The crosshair readout: the cursor's date and both values with their change since the start of the view.
struct CursorReadout: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        guard let v = state.viewport else { return }
        let theme = state.theme
        let day = v.cursor
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        var x = buffer.write((state.glyphs.needsUnicode ? "▸ " : "> ") + "\(day.iso) \(weekdays[day.weekday])",
                             x: area.x, y: area.y, style: theme.cursorStyle, clip: area)
        let entries: [(Series, Style, String)] = [
            (state.data.index, theme.indexStyle, "RUT"), (state.data.bitcoin, theme.bitcoinStyle, "BTC"),
        ]
        for (series, style, name) in entries {
            x = buffer.write("  \(name) ", x: x, y: area.y, style: style.adding(.bold), clip: area)
            guard let r = SeriesReading(series, at: day, base: v.range.lowerBound) else {
                x = buffer.write("—", x: x, y: area.y, style: theme.dimText, clip: area)
                continue
            }
            x = buffer.write(ValueFormat.price(r.close), x: x, y: area.y, style: theme.text, clip: area)
            if r.day != day { x = buffer.write(" (\(r.day.iso.suffix(5)))", x: x, y: area.y, style: theme.dimText, clip: area) }
            if let c = r.change {
                x = buffer.write(" " + ValueFormat.percent(c), x: x, y: area.y,
                                 style: c >= 0 ? theme.positiveStyle : theme.negativeStyle, clip: area)
            }
        }
        x = buffer.write("  since \(v.range.lowerBound.iso)", x: x, y: area.y, style: theme.dimText, clip: area)
    }
}

/// The list of the index's breakouts, naming the basis and quiet period, so the marks can be read exactly.
struct MarkerList: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let basis = state.basis == .high ? "daily high" : "close"
        var x = buffer.write("Breakouts (\(basis), ≥\(state.data.quietDays) quiet days): ", x: area.x, y: area.y,
                             style: theme.breakoutStyle, clip: area)
        let breakouts = state.breakouts
        if breakouts.isEmpty {
            buffer.write("none in the data", x: x, y: area.y, style: theme.dimText, clip: area)
            return
        }
        let mark = state.glyphs.needsUnicode ? "▲" : "^"
        let inView = state.viewport?.range
        for b in breakouts {
            let style = inView?.contains(b.day) == true ? theme.text : theme.dimText
            x = buffer.write("\(mark)\(b.day.iso) ", x: x, y: area.y, style: style, clip: area)
        }
    }
}

/// The bottom line: where the data comes from, the basis in use, a notice, and the help key.
struct StatusBar: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        buffer.fill(area, with: Cell(" ", style: theme.statusStyle))
        let help = "? help  q quit "
        let settings = " │ \(state.mode.label)\(state.logScale ? " log" : "") │ basis: \(state.basis == .high ? "high" : "close")"
        let notice = state.notice.map { " │ " + $0 } ?? ""
        var x = area.x
        if state.data.isDemo {
            x = buffer.write(" DEMO ", x: x, y: area.y, style: theme.badgeStyle, clip: area)
            x = buffer.write(" synthetic data, not prices", x: x, y: area.y, style: theme.statusStyle, clip: area)
        } else {
            // The source gives way first, so the settings and the help key always show.
            let room = area.width - help.count - settings.unicodeScalars.count - notice.unicodeScalars.count - 3
            let source = LiveStatusLine.text(state)?.truncated(to: room) ?? state.sourceLabel.truncated(to: room, keepingEnd: true)
            x = buffer.write(" " + source, x: x, y: area.y,
                             style: theme.statusStyle, clip: area)
        }
        x = buffer.write(settings, x: x, y: area.y, style: theme.statusStyle, clip: area)
        if !notice.isEmpty { x = buffer.write(notice, x: x, y: area.y, style: theme.statusStyle.adding(.bold), clip: area) }
        if area.maxX - help.count > x + 1 { buffer.write(help, x: area.maxX - help.count, y: area.y, style: theme.statusStyle, clip: area) }
    }
}
