import Markets

/// The derived numbers computed so far for one set of data, with those of the data before it kept on screen
/// until their own are computed again.
public struct DerivedValues: Sendable {
    /// Answers computed from exactly this data.
    private var fresh: [Derivation: DerivedValue] = [:]
    /// Answers computed from the data this replaced (a refresh adds a day or two); drawn until fresh ones arrive.
    private var carried: [Derivation: DerivedValue] = [:]

    public init() {}

    /// Computes each derivation from the data now, in turn (for loaders off the loop, `render` and tests).
    public init(computing derivations: [Derivation], from data: MarketData) {
        for derivation in Set(derivations) { fresh[derivation] = derivation.compute(from: data) }
    }

    /// The freshest answer there is, computed from this data or from the data before it.
    public subscript(derivation: Derivation) -> DerivedValue? { fresh[derivation] ?? carried[derivation] }

    /// Whether the answer was computed from this data (not carried over from older data).
    public func isFresh(_ derivation: Derivation) -> Bool { fresh[derivation] != nil }

    /// Keeps an answer computed from this data.
    public mutating func insert(_ value: DerivedValue, for derivation: Derivation) { fresh[derivation] = value }

    /// Keeps the answers of older data for drawing until this data's own are computed.
    mutating func carryOver(from older: DerivedValues) {
        carried = older.carried.merging(older.fresh) { _, newer in newer }
        for key in fresh.keys { carried[key] = nil }
    }

    /// A correlation window, when computed.
    public func correlation(window: Int) -> CorrelationWindow? {
        guard case .correlation(let shown)? = self[.correlation(window: window)] else { return nil }
        return shown
    }

    /// The lead–lag correlation over returns ending in a range (nil: the whole history), when computed.
    public func leadLag(range: DayRange?) -> LeadLag? {
        guard case .leadLag(let shown)? = self[.leadLag(range: range)] else { return nil }
        return shown
    }

    /// The aftermath's base rates per breakout basis, when computed.
    public var baseRates: [BreakoutBasis: AftermathEvidence]? {
        guard case .baseRates(let rates)? = self[.baseRates] else { return nil }
        return rates
    }

    /// Forgets the answers for some derivations (the lead–lag of ranges no longer on screen).
    mutating func removeAll(where drop: (Derivation) -> Bool) {
        for key in fresh.keys where drop(key) { fresh[key] = nil }
        for key in carried.keys where drop(key) { carried[key] = nil }
    }
}
