/// A line made of parts that fits any width by giving up its least important parts first.
public struct FittedLine: Sendable {
    /// The parts in reading order; trailing parts are written from the right end.
    public var parts: [LinePart]
    /// Blank cells kept between the leading and the trailing parts.
    public var gap: Int

    /// Makes a line.
    public init(_ parts: [LinePart], gap: Int = 1) {
        self.parts = parts
        self.gap = gap
    }

    /// The parts that fit in a width, in order, some shortened; the least important go first.
    ///
    /// With `ascii` the parts are measured (and returned) in the form an ASCII-only buffer draws.
    public func fitted(width: Int, ascii: Bool = false) -> [LinePart] {
        var shown = parts.filter { !$0.text.isEmpty }
        if ascii {
            for i in shown.indices {
                shown[i].text = TextFit.ascii(shown[i].text)
                shown[i].separator = TextFit.ascii(shown[i].separator)
            }
        }
        // Brief forms first, least important first: they say the same in less room.
        while Self.totalWidth(shown, gap: gap) > width,
              let i = shown.indices.filter({ shown[$0].brief != nil }).min(by: { shown[$0].priority < shown[$1].priority }) {
            shown[i].text = ascii ? TextFit.ascii(shown[i].brief!) : shown[i].brief!
            shown[i].brief = nil
        }
        while Self.totalWidth(shown, gap: gap) > width, !shown.isEmpty {
            let lowest = shown.map(\.priority).min()!
            let i = shown.lastIndex { $0.priority == lowest }!
            let excess = Self.totalWidth(shown, gap: gap) - width
            let part = shown[i]
            let room = TextFit.width(part.text) - excess
            var shorter: String?
            switch part.shortening {
            case .never: shorter = nil
            case .words: shorter = room >= 2 ? TextFit.words(part.text, width: room, ascii: ascii) : nil
            case .keepingEnd: shorter = room >= 4 ? TextFit.keepingEnd(part.text, width: room, ascii: ascii) : nil
            }
            if let shorter, shorter != "…", shorter != "...", !shorter.isEmpty, TextFit.width(shorter) <= room {
                shown[i].text = shorter
            } else {
                shown.remove(at: i)
            }
        }
        return shown
    }

    /// Cells the parts take, with the separators that show and the gap between the two ends.
    static func totalWidth(_ parts: [LinePart], gap: Int) -> Int {
        var total = 0
        var leadingSeen = false, trailingSeen = false
        for part in parts {
            let seen = part.trailing ? trailingSeen : leadingSeen
            total += TextFit.width(part.text) + (seen ? TextFit.width(part.separator) : 0)
            if part.trailing { trailingSeen = true } else { leadingSeen = true }
        }
        if leadingSeen && trailingSeen { total += gap }
        return total
    }
}

extension Buffer {
    /// Writes a line of parts into one row of an area, leading parts from the left and trailing parts
    /// against the right edge, after giving up what does not fit.
    ///
    /// - Returns: the column after the last leading part.
    @discardableResult
    public mutating func write(_ line: FittedLine, in area: Rect) -> Int {
        let shown = line.fitted(width: area.width, ascii: asciiOnly)
        var x = area.x
        var first = true
        for part in shown where !part.trailing {
            if !first, !part.separator.isEmpty { x = write(part.separator, x: x, y: area.y, style: part.style, clip: area) }
            x = write(part.text, x: x, y: area.y, style: part.style, clip: area)
            first = false
        }
        let trailing = shown.filter(\.trailing)
        let trailingWidth = FittedLine.totalWidth(trailing, gap: 0)
        var rx = area.maxX - trailingWidth
        first = true
        for part in trailing {
            if !first, !part.separator.isEmpty { rx = write(part.separator, x: rx, y: area.y, style: part.style, clip: area) }
            rx = write(part.text, x: rx, y: area.y, style: part.style, clip: area)
            first = false
        }
        return x
    }
}
