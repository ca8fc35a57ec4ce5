import Markets

/// What the aftermath table is compared with, for one breakout basis: each series' base rate per horizon, with
/// each breakout's percentile among every start day's return.
///
/// Derived data (`Derivation.baseRates`): at a million days the base rates take a pass, a selection and a
/// ranking over each series per horizon, so the dashboard asks for them off the loop when the aftermath panel
/// shows.
public struct AftermathEvidence: Sendable {
    /// Bitcoin's base rate per horizon; `percentiles` has one entry per episode of the basis.
    public let bitcoin: [BaseRate]
    /// The index's base rate per horizon, with one percentile per episode.
    public let index: [BaseRate]

    /// The base rates for every basis of `aftermath`, each measured once for all bases.
    ///
    /// O(n log k) per series and horizon for k breakouts: eight passes over each series and a selection.
    public static func measure(_ aftermath: [BreakoutBasis: BreakoutAftermath], index: Series, bitcoin: Series)
        -> [BreakoutBasis: AftermathEvidence] {
        let bases = BreakoutBasis.allCases.filter { aftermath[$0] != nil }
        guard let any = bases.first.flatMap({ aftermath[$0] }) else { return [:] }
        let horizons = any.horizons, asOf = any.asOf
        /// Per horizon, the base rate ranking every basis's episodes one after the other.
        func rates(_ series: Series, _ returns: (BreakoutAftermath.Episode) -> [Double?]) -> [BaseRate] {
            horizons.indices.map { h in
                let values = bases.flatMap { aftermath[$0]!.episodes.map { returns($0)[h] } }
                return BaseRate(series, horizon: horizons[h], asOf: asOf, ranking: values)
            }
        }
        let bitcoinRates = rates(bitcoin, \.bitcoinReturns), indexRates = rates(index, \.indexReturns)
        var evidence: [BreakoutBasis: AftermathEvidence] = [:]
        var offset = 0
        for basis in bases {
            let slice = offset..<offset + aftermath[basis]!.episodeCount
            offset = slice.upperBound
            func part(_ rates: [BaseRate]) -> [BaseRate] {
                rates.map { var r = $0; r.percentiles = Array(r.percentiles[slice]); return r }
            }
            evidence[basis] = AftermathEvidence(bitcoin: part(bitcoinRates), index: part(indexRates))
        }
        return evidence
    }
}
