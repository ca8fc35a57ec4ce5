import Foundation

/// The time and the waiting a fetch needs, behind a protocol so tests control both without sleeping.
public protocol FetchClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Waits for a number of seconds.
    func sleep(_ seconds: TimeInterval)
}

/// The wall clock and real sleeps.
public struct SystemClock: FetchClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(_ seconds: TimeInterval) { if seconds > 0 { Thread.sleep(forTimeInterval: seconds) } }
}

/// A source of uniform random numbers in 0..<1, for backoff jitter; injected so tests know the waits.
public protocol JitterSource: Sendable {
    func unit() -> Double
}

/// The system's random numbers.
public struct SystemJitter: JitterSource {
    public init() {}
    public func unit() -> Double { Double.random(in: 0..<1) }
}
