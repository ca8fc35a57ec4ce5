import Dashboard
import Feeds
import Foundation
import TermCanvas

/// The loop that owns a dashboard's state: draw the view, wait for input, the next tick or an effect's
/// result, apply the messages, hand the commands to the effect runner.
///
/// The terminal, the clock and the effects come from outside, so tests drive a whole session with a scripted
/// terminal and a manual clock, and a remote session can bring its own terminal. The wait is the backend's:
/// it sleeps until input, the next armed tick, or an effect's result (the inbox wakes it), so waiting costs
/// no CPU and input never waits for the network. Several runtimes may run in one process, each on its own
/// thread with its own state; the data they show is a value and is shared, not copied.
public struct Runtime {
    public let backend: any TerminalBackend
    public let clock: any FetchClock
    public let effects: any EffectRunner
    /// The longest single wait: a signal that lands just before a wait is seen within this time.
    public var longestWaitMilliseconds = 1000

    public init(backend: any TerminalBackend, clock: any FetchClock = SystemClock(), effects: any EffectRunner) {
        self.backend = backend
        self.clock = clock
        self.effects = effects
    }

    /// Runs until a quit command or a termination signal, then stops the effects and gives the terminal back.
    ///
    /// - Returns: the signal that ended the session, or nil when it was quit.
    public func run(_ state: inout AppState) -> Int32? {
        let inbox = Inbox(wake: backend.makeWaker())
        defer {
            inbox.close()
            effects.stop()
            backend.stop()
        }
        // The first messages: the terminal's size (its update asks for the panels' slow numbers), and with
        // live data a tick, which starts the first refresh when it is due.
        var queue: [Msg] = [.resize(backend.size)]
        if state.live.isAvailable { queue.append(.tick(clock.now())) }
        var nextTick: Date?
        while true {
            for msg in queue {
                for command in update(&state, msg) {
                    switch command {
                    case .quit:
                        return nil
                    case .armTick(let date):
                        nextTick = date
                    case .suspend:
                        // Back from `fg`: the terminal may have been resized meanwhile.
                        backend.suspend()
                        inbox.post(.resize(backend.size))
                    default:
                        effects.start(command, deliver: inbox.post)
                    }
                }
            }
            if !queue.isEmpty { backend.draw(themedScreen(state, size: state.size)) }
            if let signal = backend.pendingSignal { return signal }
            queue = inbox.drain()
            if !queue.isEmpty { continue }
            let now = clock.now()
            var timeout = longestWaitMilliseconds
            if let due = nextTick {
                if now >= due {
                    nextTick = nil
                    queue.append(.tick(now))
                    timeout = 0  // still read a key that is waiting: ticks never starve input
                } else {
                    timeout = min(timeout, Int((due.timeIntervalSince(now) * 1000).rounded(.up)))
                }
            }
            if let event = backend.nextEvent(timeoutMilliseconds: timeout) { queue.append(Msg(event)) }
        }
    }
}

extension Msg {
    /// The message for an input event.
    public init(_ event: InputEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case .mouse(let mouse): self = .mouse(mouse)
        case .resize(let size): self = .resize(size)
        }
    }
}
