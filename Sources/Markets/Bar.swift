/// One day of a price series: open, high, low, close and volume.
///
/// Only the close is required; fields a source did not give are `nil`.
public struct Bar: Hashable, Sendable {
    public var day: Day
    public var open: Double?
    public var high: Double?
    public var low: Double?
    public var close: Double
    public var volume: Double?

    /// Makes a bar; fields a source did not give stay nil.
    public init(day: Day, open: Double? = nil, high: Double? = nil, low: Double? = nil, close: Double,
                volume: Double? = nil) {
        self.day = day
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }
}
