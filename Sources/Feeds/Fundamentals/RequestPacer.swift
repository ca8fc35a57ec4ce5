import Foundation

/// Spaces requests to one host at least a minimum interval apart: the SEC allows 10 requests a second.
public final class RequestPacer: @unchecked Sendable {
    public let minimumInterval: TimeInterval
    private let lock = NSLock()
    private var last = Date.distantPast

    /// A pacer allowing at most `perSecond` requests a second.
    public init(perSecond: Double) { minimumInterval = 1 / perSecond }

    /// Waits, if needed, until the next request may go out, and records it as sent.
    public func waitTurn() {
        lock.withLock {
            let wait = last.addingTimeInterval(minimumInterval).timeIntervalSinceNow
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            last = Date()
        }
    }
}
