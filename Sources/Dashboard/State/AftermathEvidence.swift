import Markets

/// What the aftermath table is compared with, for one breakout basis: base rates with each breakout's
/// percentile, and each breakout's place in its halving cycle.
public struct AftermathEvidence: Sendable {
    /// Bitcoin's base rate per horizon; `percentiles` has one entry per episode of the basis.
    public let bitcoin: [BaseRate]
    /// The index's base rate per horizon, with one percentile per episode.
    public let index: [BaseRate]
    /// Days since the halving before each breakout and Bitcoin from that day of the other cycles.
    public let confound: HalvingConfound

    /// The evidence for every basis of `aftermath`, each base rate measured once for all bases.
    ///
    /// O(n) per series and horizon: at a million days about eight passes over each series.
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
            let table = aftermath[basis]!
            let slice = offset..<offset + table.episodeCount
            offset += table.episodeCount
            func part(_ rates: [BaseRate]) -> [BaseRate] {
                rates.map { var r = $0; r.percentiles = Array(r.percentiles[slice]); return r }
            }
            evidence[basis] = AftermathEvidence(
                bitcoin: part(bitcoinRates), index: part(indexRates),
                confound: HalvingConfound(breakouts: table.episodes.map(\.breakout), bitcoin: bitcoin, asOf: asOf,
                                          horizons: horizons))
        }
        return evidence
    }
}
