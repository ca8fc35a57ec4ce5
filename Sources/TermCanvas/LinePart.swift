/// One part of a line of text: what it says, how it looks, and how readily it gives way when space is short.
public struct LinePart: Sendable, Equatable {
    /// How a part may be shortened before it is dropped.
    public enum Shortening: Sendable, Equatable {
        /// Shown whole or not at all (numbers, badges, keys).
        case never
        /// Cut at word boundaries with `…` (see `TextFit.words`).
        case words
        /// Cut from the start with `…`, keeping the end (paths).
        case keepingEnd
    }

    /// The text.
    public var text: String
    /// The style it is drawn in.
    public var style: Style
    /// Higher priorities are the last to go: when the line is too long, parts with a brief form take it
    /// first, then the part with the lowest priority is shortened (when allowed) or dropped; among equals,
    /// the rightmost goes first.
    public var priority: Int
    /// How the part may be shortened.
    public var shortening: Shortening
    /// Written before the part only when a part before it (on the same side) is shown: `" · "`, say.
    public var separator: String
    /// Whether the part belongs to the right-aligned end of the line.
    public var trailing: Bool
    /// A shorter way to say the same, tried before the part is cut or dropped ("offline" for "offline — data
    /// as of …", say).
    public var brief: String?

    /// Makes a part.
    public init(_ text: String, style: Style, priority: Int = 0, shortening: Shortening = .never, separator: String = "",
                trailing: Bool = false, brief: String? = nil) {
        self.brief = brief
        self.text = text
        self.style = style
        self.priority = priority
        self.shortening = shortening
        self.separator = separator
        self.trailing = trailing
    }
}
