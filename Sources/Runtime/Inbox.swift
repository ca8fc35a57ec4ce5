import Dashboard
import Foundation

/// The messages effects finished off the loop, waiting for it; each arrival wakes the loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Msg] = []
    private var closed = false
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    /// Queues a message and wakes the loop; after `close()` the message is dropped.
    func post(_ msg: Msg) {
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            messages.append(msg)
            return true
        }
        if accepted { wake() }
    }

    /// Takes the messages that arrived since the last call, oldest first.
    func drain() -> [Msg] { lock.withLock { defer { messages = [] }; return messages } }

    /// Drops every later message: the session is over.
    func close() { lock.withLock { closed = true } }
}
