import Foundation

/// Exponential backoff with jitter: the wait after the n-th failure in a row, capped.
///
/// The wait before the next try after `failures` failures is `base · 2^(failures-1)`, capped at `cap`,
/// scaled into its upper half by the jitter (`d/2 + jitter · d/2`), so processes that failed together
/// do not retry together. A server's `Retry-After` is honoured as a lower bound, itself capped.
public struct BackoffPolicy: Hashable, Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 2, cap: TimeInterval = 300) {
        self.base = base
        self.cap = cap
    }

    /// The wait after a number of failures in a row (at least 1), with a jitter draw in 0..<1.
    public func delay(failures: Int, jitter: Double, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let exponent = Double(max(0, min(failures - 1, 30)))
        let full = min(cap, base * pow(2, exponent))
        let jittered = full / 2 + jitter * full / 2
        guard let retryAfter else { return jittered }
        return min(cap, max(jittered, retryAfter))
    }
}

/// What each provider's recent failures are, shared by all the series of a process.
///
/// A provider in backoff is skipped until its time comes; one success clears it.
public final class BackoffBook: @unchecked Sendable {
    /// One provider's state.
    public struct Entry: Hashable, Sendable {
        public var failures = 0
        public var notBefore = Date.distantPast
        public var lastFault: FetchFault?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    public let policy: BackoffPolicy
    private let jitter: any JitterSource

    public init(policy: BackoffPolicy = BackoffPolicy(), jitter: any JitterSource = SystemJitter()) {
        self.policy = policy
        self.jitter = jitter
    }

    /// A provider's state now.
    public func entry(_ provider: String) -> Entry { lock.withLock { entries[provider] ?? Entry() } }

    /// When a provider may be tried again (distant past when it may now).
    public func notBefore(_ provider: String) -> Date { entry(provider).notBefore }

    /// Records a failure and returns the wait it set.
    @discardableResult
    public func failed(_ provider: String, fault: FetchFault, at now: Date) -> TimeInterval {
        lock.withLock {
            var entry = entries[provider] ?? Entry()
            entry.failures += 1
            let wait = policy.delay(failures: entry.failures, jitter: jitter.unit(), retryAfter: fault.retryAfter)
            entry.notBefore = now.addingTimeInterval(wait)
            entry.lastFault = fault
            entries[provider] = entry
            return wait
        }
    }

    /// Records a success: the provider is tried normally from now on.
    public func succeeded(_ provider: String) { lock.withLock { entries[provider] = Entry() } }
}
