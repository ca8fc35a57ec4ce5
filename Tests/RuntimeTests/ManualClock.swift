import Feeds
import Foundation

/// A clock that moves only when told (the scripted terminal moves it as the runtime waits), in milliseconds.
final class ManualClock: FetchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { current = start }

    func now() -> Date { lock.withLock { current } }
    /// A fetch's pause (a provider's page pause) passes at once.
    func sleep(_ seconds: TimeInterval) { advance(milliseconds: Int(seconds * 1000)) }
    func advance(milliseconds: Int) { lock.withLock { current += TimeInterval(milliseconds) / 1000 } }
}
