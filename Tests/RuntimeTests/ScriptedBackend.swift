import Foundation
import TermCanvas

/// A terminal that plays a script of input against the runtime on a manual clock, and keeps every frame.
///
/// Time is the manual clock's: a key "after 500 ms" advances the clock by the runtime's waits until 500 ms
/// have passed. Effects run on real threads, so `until` waits (in real time, at most `patience`) for a frame
/// that shows something, letting the clock run on to each due tick while nothing arrives.
final class ScriptedBackend: TerminalBackend, @unchecked Sendable {
    enum Step {
        /// An input event once this many milliseconds of manual time have passed since the step before.
        case input(InputEvent, afterMilliseconds: Int)
        /// Waits until the last frame's text satisfies the check; `label` names it in a failure.
        case until(String, @Sendable (String) -> Bool)
        /// A termination signal arrives.
        case signal(Int32)
        /// Something changes in the world outside (a provider recovers, say).
        case action(@Sendable () -> Void)
    }

    /// One drawn frame: its text, the manual time and the real time it was drawn at.
    struct Frame {
        var text: String
        var at: Date
        var real: ContinuousClock.Instant
    }

    let clock: ManualClock
    var size: Size
    /// Whether effects are still to answer: `until` then waits for them in real time rather than moving the clock.
    var effectsBusy: @Sendable () -> Bool = { false }
    /// Real time one `until` step may take before the script gives up.
    var patience: Duration = .seconds(10)
    private(set) var frames: [Frame] = []
    /// When each input event was handed to the runtime (real time).
    private(set) var delivered: [(event: InputEvent, real: ContinuousClock.Instant)] = []
    /// Steps that could not be carried out (the run then quits).
    private(set) var failures: [String] = []
    private(set) var stopCount = 0
    private(set) var pendingSignal: Int32?
    private var steps: [Step]
    private var waitedInStep = 0
    private var stepStarted: ContinuousClock.Instant?
    private let wakes = WakeCounter()

    init(size: Size = Size(width: 120, height: 40), clock: ManualClock, script: [Step]) {
        self.size = size
        self.clock = clock
        self.steps = script
    }

    var lastFrame: String { frames.last?.text ?? "" }

    func draw(_ frame: Buffer) {
        frames.append(Frame(text: frame.text, at: clock.now(), real: .now))
    }

    func makeWaker() -> @Sendable () -> Void { { [wakes] in wakes.wake() } }

    func stop() { stopCount += 1 }

    func nextEvent(timeoutMilliseconds timeout: Int) -> InputEvent? {
        if wakes.take() { return nil }
        guard let step = steps.first else {
            failures.append("the script ran out before the session ended")
            return .key(.character("q"))
        }
        switch step {
        case .input(let event, let after):
            let remaining = after - waitedInStep
            if timeout >= 0, timeout < remaining {
                clock.advance(milliseconds: timeout)
                waitedInStep += timeout
                return nil
            }
            clock.advance(milliseconds: max(0, remaining))
            nextStep()
            delivered.append((event, .now))
            return event
        case .until(let label, let check):
            if check(lastFrame) {
                nextStep()
                return nil
            }
            let started = stepStarted ?? .now
            stepStarted = started
            if ContinuousClock.now - started > patience {
                failures.append("never saw \(label); last frame:\n\(lastFrame)")
                steps = []
                return .key(.character("q"))
            }
            // An effect in flight: wait for its answer in real time. Else only time can change the frame.
            if effectsBusy() {
                _ = wakes.wait(milliseconds: 20)
                return nil
            }
            // An answer may have landed since the first look (an effect counts as done only after its wake).
            if wakes.take() { return nil }
            clock.advance(milliseconds: max(0, timeout))
            return nil
        case .signal(let number):
            pendingSignal = number
            nextStep()
            return nil
        case .action(let change):
            change()
            nextStep()
            return nil
        }
    }

    private func nextStep() {
        steps.removeFirst()
        waitedInStep = 0
        stepStarted = nil
    }
}

/// Wakes counted across threads, with a wait for the next one.
final class WakeCounter: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    func wake() {
        condition.lock()
        count += 1
        condition.signal()
        condition.unlock()
    }

    /// Takes a wake that came, if one did.
    func take() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard count > 0 else { return false }
        count = 0
        return true
    }

    /// Waits up to some real milliseconds for a wake and takes it.
    func wait(milliseconds: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        while count == 0 { if !condition.wait(until: deadline) { return false } }
        count = 0
        return true
    }
}
