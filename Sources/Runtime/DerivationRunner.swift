import Dashboard
import Dispatch
import Foundation

/// Computes `Cmd.derive` jobs on a background queue and hands their answers back as messages.
///
/// One job at a time, in the order asked: a correlation window takes tens of milliseconds at a million days,
/// and the loop keeps drawing and reading keys meanwhile.
public final class DerivationRunner: @unchecked Sendable {
    private let queue = DispatchQueue(label: "resonance.derive", qos: .userInitiated)
    private let lock = NSLock()
    private var messages: [Msg] = []
    private var running = 0

    public init() {}

    /// Whether a job is running or waiting.
    public var isBusy: Bool { lock.withLock { running > 0 } }

    /// Starts a job in the background.
    public func start(_ job: DerivationJob) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            let answer = job.run()
            lock.withLock {
                messages.append(answer)
                running -= 1
            }
        }
    }

    /// Takes the answers that arrived since the last call.
    public func drain() -> [Msg] { lock.withLock { defer { messages = [] }; return messages } }
}
