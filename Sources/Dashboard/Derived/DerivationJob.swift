/// One derivation for the runtime to compute off the loop, with the data it is computed from.
///
/// `generation` names that data: an answer for data the state has since replaced is dropped.
public struct DerivationJob: Equatable, Sendable {
    public let derivation: Derivation
    public let generation: Int
    public let data: MarketData

    public init(derivation: Derivation, generation: Int, data: MarketData) {
        self.derivation = derivation
        self.generation = generation
        self.data = data
    }

    /// Computes the answer; pure and maybe slow, so the runtime calls it off the loop.
    public func run() -> Msg {
        .derived(DerivedResult(derivation: derivation, generation: generation, value: derivation.compute(from: data)))
    }

    /// Two jobs are the same when they ask the same of the same data.
    public static func == (a: DerivationJob, b: DerivationJob) -> Bool {
        a.derivation == b.derivation && a.generation == b.generation
    }
}

/// A derivation's answer as it comes back to `update`.
public struct DerivedResult: Sendable {
    public let derivation: Derivation
    /// The generation of the data it was computed from (see `DerivationJob`).
    public let generation: Int
    public let value: DerivedValue

    public init(derivation: Derivation, generation: Int, value: DerivedValue) {
        self.derivation = derivation
        self.generation = generation
        self.value = value
    }
}
