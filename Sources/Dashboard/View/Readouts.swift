import Markets
import TermCanvas

/// What a series reads at a day: its close on or before that day, and the change from a base day.
struct SeriesReading {
    let day: Day
    let close: Double
    let change: Double?
    /// The day the change is measured from: the series' first day on or after the base it was asked for.
    let baseDay: Day?

    /// The reading of a series at a day, measured against its first close on or after `base`.
    init?(_ series: Series, at day: Day, base: Day) {
        guard let i = series.lastIndex(onOrBefore: day) else { return nil }
        self.day = series.days[i]
        self.close = series.closes[i]
        let b = series.firstIndex(onOrAfter: base)
        change = b < series.count && b <= i ? close / series.closes[b] - 1 : nil
        baseDay = b < series.count && b <= i ? series.days[b] : nil
    }
}

/// How the chart tells the two series apart: their colour, and without colour in ASCII glyphs their marks.
struct SeriesLook {
    /// The character every cell of the series is drawn with, or nil for the glyph set's own dots.
    let mark: Unicode.Scalar?
    /// The legend's sample of the line.
    let swatch: String
    let style: Style

    /// The look of the index.
    static func index(_ state: AppState) -> SeriesLook {
        SeriesLook(mark: nil, swatch: state.glyphs.needsUnicode ? "━━" : "--", style: state.theme.indexStyle)
    }

    /// The look of Bitcoin: `*` marks in ASCII without colour, where the dots of the two lines look alike.
    static func bitcoin(_ state: AppState) -> SeriesLook {
        if !state.glyphs.needsUnicode && !state.theme.usesColor {
            return SeriesLook(mark: "*", swatch: "**", style: state.theme.bitcoinStyle)
        }
        return SeriesLook(mark: nil, swatch: state.glyphs.needsUnicode ? "━━" : "==", style: state.theme.bitcoinStyle)
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
///
/// In a narrow terminal the tickers and the note on the right give way first; the values stay whole.
struct Legend: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        guard let v = state.viewport else { return }
        let theme = state.theme
        var parts: [LinePart] = []
        let entries: [(Series, SeriesLook)] = [(state.data.index, .index(state)), (state.data.bitcoin, .bitcoin(state))]
        for (n, (series, look)) in entries.enumerated() {
            parts.append(LinePart(look.swatch + " ", style: look.style, priority: 95, separator: n > 0 ? "   " : ""))
            parts.append(LinePart(series.id.label, style: theme.text.adding(.bold), priority: 70))
            parts.append(LinePart(" (\(series.id.ticker))", style: theme.text.adding(.bold), priority: 20 - n))
            if let r = SeriesReading(series, at: v.range.upperBound, base: v.range.lowerBound) {
                parts.append(LinePart(" " + ValueFormat.price(r.close), style: theme.text, priority: 80))
                if let c = r.change {
                    parts.append(LinePart(" " + ValueFormat.percent(c), style: c >= 0 ? theme.positiveStyle : theme.negativeStyle,
                                          priority: 85))
                }
            } else {
                parts.append(LinePart(" no data", style: theme.dimText, priority: 85))
            }
        }
        let note = state.mode == .indexed ? "=100 at \(v.range.lowerBound.iso)" : "left: index · right: BTC"
        parts.append(LinePart(note, style: theme.dimText, priority: 10, trailing: true))
        buffer.write(FittedLine(parts, gap: 2), in: area)
    }
}

/// The crosshair readout: the cursor's date and both values with their change since the start of the view.
///
/// A series whose data start later than the view (Bitcoin before 2014-09-17) says its own first day.
struct CursorReadout: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        guard let v = state.viewport else { return }
        let theme = state.theme
        let day = v.cursor
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        var parts = [LinePart((state.glyphs.needsUnicode ? "▸ " : "> ") + "\(day.iso) \(weekdays[day.weekday])",
                              style: theme.cursorStyle, priority: 95)]
        let entries: [(Series, Style, String)] = [
            (state.data.index, theme.indexStyle, "RUT"), (state.data.bitcoin, theme.bitcoinStyle, "BTC"),
        ]
        let readings = entries.map { SeriesReading($0.0, at: day, base: v.range.lowerBound) }
        // A week's grace: a view starting on a Saturday measures the index from Monday, and that needs no note.
        let ownSince = readings.contains { ($0?.baseDay).map { v.range.lowerBound.distance(to: $0) > 7 } ?? false }
        for ((_, style, name), reading) in zip(entries, readings) {
            parts.append(LinePart("  \(name) ", style: style.adding(.bold), priority: 90))
            guard let r = reading else {
                parts.append(LinePart("—", style: theme.dimText, priority: 90))
                continue
            }
            parts.append(LinePart(ValueFormat.price(r.close), style: theme.text, priority: 85))
            if r.day != day { parts.append(LinePart(" (\(r.day.iso.suffix(5)))", style: theme.dimText, priority: 40)) }
            if let c = r.change {
                parts.append(LinePart(" " + ValueFormat.percent(c), style: c >= 0 ? theme.positiveStyle : theme.negativeStyle,
                                      priority: 80))
                if ownSince, let base = r.baseDay {
                    // A late start is the one to keep: without it the change reads as over the whole view.
                    let late = v.range.lowerBound.distance(to: base) > 7
                    parts.append(LinePart(" since \(base.iso)", style: theme.dimText, priority: late ? 35 : 30))
                }
            }
        }
        if !ownSince {
            parts.append(LinePart("  since \(v.range.lowerBound.iso)", style: theme.dimText, priority: 30))
        }
        buffer.write(FittedLine(parts), in: area)
    }
}

/// The list of the index's breakouts, naming the basis and quiet period, so the marks can be read exactly.
struct MarkerList: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let basis = state.basis == .high ? "daily high" : "close"
        var parts = [
            LinePart("Breakouts", style: theme.breakoutStyle, priority: 90),
            LinePart(" (\(basis), ≥\(state.data.quietDays) quiet days)", style: theme.breakoutStyle, priority: 30),
            LinePart(":", style: theme.breakoutStyle, priority: 90),
        ]
        let breakouts = state.breakouts
        if breakouts.isEmpty {
            parts.append(LinePart("none in the data", style: theme.dimText, priority: 80, separator: " "))
        }
        let mark = state.glyphs.needsUnicode ? "▲" : "^"
        let inView = state.viewport?.range
        for b in breakouts {
            let style = inView?.contains(b.day) == true ? theme.text : theme.dimText
            parts.append(LinePart("\(mark)\(b.day.iso)", style: style, priority: 60, separator: " "))
        }
        buffer.write(FittedLine(parts), in: area)
    }
}

/// The bottom line: where the data comes from, the live status, the settings, a notice, and the help key.
///
/// Every part has a priority (`LiveStatusLine.Priority`), so in a narrow terminal the source path and the
/// countdown give way first and staleness, faults and the notice last; nothing is cut inside a word.
struct StatusBar: Widget {
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let style = theme.statusStyle
        typealias P = LiveStatusLine.Priority
        buffer.fill(area, with: Cell(" ", style: style))
        var parts: [LinePart] = []
        if let entry = state.dateEntry {
            parts.append(LinePart("go to date: \(entry)_", style: style.adding(.bold), priority: Int.max))
            parts.append(LinePart("YYYY-MM-DD, Enter goes, Esc cancels", style: style, priority: P.notice, separator: "  "))
        }
        if state.data.isDemo {
            parts.append(LinePart(" DEMO ", style: theme.badgeStyle, priority: P.stale))
            parts.append(LinePart(" synthetic data, not prices", style: style, priority: P.source, shortening: .words))
        } else if let live = LiveStatusLine.parts(state, style: style) {
            let entryShown = !parts.isEmpty
            parts += live.enumerated().map { i, part in
                var part = part
                if i == 0 { part.separator = entryShown ? "  " : "" }
                return part
            }
        } else {
            parts.append(LinePart(state.sourceLabel, style: style, priority: P.source, shortening: .keepingEnd))
        }
        parts.append(LinePart("\(state.mode.label)\(state.logScale ? " log" : "")", style: style, priority: P.settings,
                              separator: " │ "))
        parts.append(LinePart("basis: \(state.basis == .high ? "high" : "close")", style: style, priority: P.settings,
                              separator: " │ "))
        if let notice = state.notice {
            parts.append(LinePart(notice, style: style.adding(.bold), priority: P.notice, shortening: .words, separator: " │ "))
        }
        parts.append(LinePart("? help", style: style, priority: P.help, trailing: true))
        parts.append(LinePart("q quit ", style: style, priority: P.help - 1, separator: "  ", trailing: true))
        buffer.write(FittedLine(parts, gap: 2), in: area.inset(left: state.data.isDemo ? 0 : 1))
    }
}
