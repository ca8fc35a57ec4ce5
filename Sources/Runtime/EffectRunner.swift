import Dashboard

/// Runs the commands `update` returns that do I/O or slow work, off the runtime's loop.
///
/// The loop itself handles `.quit` and `.armTick`; every other command goes to `start`, which must return
/// at once. Results come back through `deliver`, from any thread, as messages for `update`.
public protocol EffectRunner: Sendable {
    /// Starts one effect; its messages, if any, go to `deliver` when they are ready.
    func start(_ command: Cmd, deliver: @escaping @Sendable (Msg) -> Void)

    /// The session is over: give up what this session holds (the store's fetch lease) without waiting for
    /// effects in flight; their results are dropped.
    func stop()
}
