import Foundation

/// Runs a fundamentals run's independent requests a few at a time: the pacer still spaces their starts 100 ms
/// apart, but waiting for one answer, starting the HTTP helper for the next and reading a third overlap, so a
/// run keeps to the SEC's pace instead of falling behind it by each answer's own time.
enum ConcurrentFetch {
    /// Requests in flight at once.
    static let lanes = 4

    /// The outcome of each request, in order: a value, nil for a document that is not there, or the error.
    static func run<T: Sendable>(_ requests: [SECRequest], client: SECClient, now: Date, missingIsNil: Bool,
                                 started: @escaping @Sendable (SECRequest) -> Void,
                                 read: @escaping @Sendable (Data, SECRequest) throws -> T) -> [Result<T?, Error>] {
        let results = Results<T>(count: requests.count)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "resonance.sec", attributes: .concurrent)
        for _ in 0..<min(lanes, requests.count) {
            queue.async(group: group) {
                while let index = results.claim() {
                    let request = requests[index]
                    started(request)
                    let outcome = Result { try client.document(request, now: now, missingIsNil: missingIsNil) { try read($0, request) }?.value }
                    results.set(index, outcome)
                }
            }
        }
        group.wait()
        return results.all
    }

    /// The results, filled from several threads.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<T?, Error>?]
        private var next = 0

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.withLock {
                guard next < values.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func set(_ index: Int, _ result: Result<T?, Error>) { lock.withLock { values[index] = result } }

        var all: [Result<T?, Error>] { lock.withLock { values.map { $0! } } }
    }
}

/// Carries a value that is used from one thread at a time, or is itself safe to share, across threads.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
