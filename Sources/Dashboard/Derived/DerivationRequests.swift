/// Which derivations the state has asked for and not got back yet, and which data they are for.
public struct DerivationRequests: Sendable {
    /// Counts the data the state has held; a result carries the generation it was computed from.
    public private(set) var generation = 0
    /// Asked for and not answered yet, for the current generation.
    public private(set) var pending: Set<Derivation> = []

    public init() {}

    /// New data: nothing is pending for it yet.
    mutating func newData() {
        generation += 1
        pending = []
    }

    mutating func asked(_ derivation: Derivation) { pending.insert(derivation) }

    mutating func answered(_ derivation: Derivation) { pending.remove(derivation) }
}
