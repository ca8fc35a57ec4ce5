import Foundation

/// Where a fundamentals run is: requests made of those planned, what it is reading, and the time left at
/// the SEC's pace of 10 requests a second.
public struct FundamentalsProgress: Hashable, Sendable {
    public var done: Int
    public var planned: Int
    public var reading: String

    public init(done: Int, planned: Int, reading: String) {
        self.done = done
        self.planned = max(planned, done)
        self.reading = reading
    }

    /// Seconds left at `perSecond` requests a second.
    public func secondsLeft(perSecond: Double = 10) -> Int { Int((Double(planned - done) / perSecond).rounded(.up)) }

    /// One line: `SEC 37/212 requests · reading IWM filing 2024-03-31 · about 18 s left at 10 a second`.
    public var line: String {
        let left = secondsLeft()
        let time = left >= 90 ? "about \((left + 30) / 60) min" : "about \(left) s"
        return "SEC \(done)/\(planned) requests · \(reading) · \(time) left at 10 a second"
    }

    /// The short form for a status bar: `SEC 37/212`.
    public var badge: String { "SEC \(done)/\(planned)" }
}
