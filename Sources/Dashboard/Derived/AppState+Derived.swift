/// How the state asks for slow numbers and takes their answers; pure, like the rest of `update`.
extension AppState {
    /// The derivations the screen needs now: the correlation window chosen for the panel.
    public var wantedDerivations: [Derivation] {
        data.isEmpty ? [] : [.correlation(window: panels.correlationWindow)]
    }

    /// Asks for each wanted derivation that is neither computed from this data nor asked for already.
    mutating func askForMissingDerivations() -> [Cmd] {
        var commands: [Cmd] = []
        for derivation in wantedDerivations
        where !data.derived.isFresh(derivation) && !derivations.pending.contains(derivation) {
            derivations.asked(derivation)
            commands.append(.derive(DerivationJob(derivation: derivation, generation: derivations.generation, data: data)))
        }
        return commands
    }

    /// Takes an answer, unless it was computed from data this state has since replaced.
    mutating func accept(_ result: DerivedResult) {
        guard result.generation == derivations.generation else { return }
        derivations.answered(result.derivation)
        data.derived.insert(result.value, for: result.derivation)
    }

    /// Computes every wanted derivation now, on the calling thread: for `render` and other one-shot frames.
    public mutating func deriveNow() {
        for derivation in wantedDerivations where !data.derived.isFresh(derivation) {
            data.derived.insert(derivation.compute(from: data), for: derivation)
        }
    }

    /// Whether a wanted derivation is still being computed (its panel says so).
    public func isComputing(_ derivation: Derivation) -> Bool { derivations.pending.contains(derivation) }
}
