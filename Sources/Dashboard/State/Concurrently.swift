import Dispatch

/// Runs two computations at the same time and gives both results.
///
/// `first` runs on a global queue and `second` on the calling thread, which then waits for `first`. For work
/// of tens of milliseconds on a machine with two cores; each side must not touch the other's data.
func concurrently<First: Sendable, Second>(_ first: @escaping @Sendable () -> First,
                                           and second: () -> Second) -> (First, Second) {
    let result = ResultBox<First>()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) { result.value = first() }
    let other = second()
    group.wait()
    guard let value = result.value else { preconditionFailure("concurrently: the first computation gave no result") }
    return (value, other)
}

/// Where the first computation of `concurrently` leaves its result; written once, read after the wait.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
