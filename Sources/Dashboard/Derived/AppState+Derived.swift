import Markets

/// How the state asks for slow numbers and takes their answers; pure, like the rest of `update`.
extension AppState {
    /// The derivations the screen needs now: the correlation window chosen for the panel, in its lead–lag view
    /// the whole history's lead–lag and that of the range on screen, and the base rates while the aftermath
    /// panel shows.
    ///
    /// At most one range's lead–lag is asked for at a time: while one is being computed a zoom or pan asks for
    /// nothing, and the range on screen then is asked for when that answer is back.
    public var wantedDerivations: [Derivation] {
        guard !data.isEmpty else { return [] }
        var wanted: [Derivation] = [.correlation(window: panels.correlationWindow)]
        if Layout(size: size, mode: mode, panels: panels).panels.contains(where: { $0.panel == .aftermath }) {
            wanted.append(.baseRates)
        }
        if panels.showsSecondView(.correlation) {
            wanted.append(.leadLag(range: nil))
            if let range = leadLagRange {
                let another = derivations.pending.contains {
                    if case .leadLag(let other?) = $0 { return other != range } else { return false }
                }
                if !another { wanted.append(.leadLag(range: range)) }
            }
        }
        return wanted
    }

    /// The range on screen when the lead–lag view needs its own numbers for it: nil when it shows everything.
    public var leadLagRange: DayRange? {
        guard let viewport, viewport.range != viewport.bounds else { return nil }
        return viewport.range
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
        if case .leadLag(let range?) = result.derivation {
            // Only the latest range's lead–lag is kept: a session of pans would otherwise pile them up.
            data.derived.removeAll { if case .leadLag(let other?) = $0 { return other != range } else { return false } }
        }
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
