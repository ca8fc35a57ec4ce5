import Dispatch

/// Runs two computations at the same time and gives both results, or the first error either throws.
///
/// `first` runs on a global queue and `second` on the calling thread, which then waits for `first` (also when
/// `second` throws). For work of tens of milliseconds on a machine with two cores; each side must not touch
/// the other's data. With closures that cannot throw, neither can this.
///
/// When `worthIt` is false both run in turn on the calling thread: starting and waking the other thread
/// costs about a millisecond here, more than small data saves (3,000 days start 1 ms slower with it).
public func concurrently<First: Sendable, Second, Failure: Error>(
    if worthIt: Bool = true, _ first: @escaping @Sendable () throws(Failure) -> First,
    and second: () throws(Failure) -> Second
) throws(Failure) -> (First, Second) {
    guard worthIt else { return (try first(), try second()) }
    let result = ResultBox<First, Failure>()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) {
        do throws(Failure) { result.value = .success(try first()) } catch { result.value = .failure(error) }
    }
    let other: Result<Second, Failure>
    do throws(Failure) { other = .success(try second()) } catch { other = .failure(error) }
    group.wait()
    guard let value = result.value else { preconditionFailure("concurrently: the first computation gave no result") }
    return (try value.get(), try other.get())
}

/// Where the first computation of `concurrently` leaves its result; written once, read after the wait.
private final class ResultBox<Value, Failure: Error>: @unchecked Sendable {
    var value: Result<Value, Failure>?
}

/// Whether data of this many points (both series together) is worth splitting over two threads.
public func isWorthTwoThreads(points: Int) -> Bool { points >= 200_000 }
