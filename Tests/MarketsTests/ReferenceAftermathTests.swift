import Markets
import Testing
import TestSupport

/// The return from the close on or before `date` to the close on or before `date + h`, straight from the rows.
private func plainReturn(_ file: ReferenceCloses, from date: String, days h: Int) -> Double? {
    let target = isoDate(date, plusDays: h)
    guard target <= file.dates.last!, let start = file.close(onOrBefore: date),
          let end = file.close(onOrBefore: target) else { return nil }
    return end.close / start.close - 1
}

/// A table cell: a signed percentage, or a dash for a horizon the data does not reach.
private func cell(_ value: Double?) -> String {
    guard let value else { return String(repeating: " ", count: 8) + "—" }
    let text = ValueFormat.percent(value)
    return String(repeating: " ", count: max(0, 9 - text.count)) + text
}

@Suite("Breakout aftermath on the reference history", .enabled(if: ReferenceData.directory != nil, "needs ../shared/data"))
struct ReferenceAftermathTests {
    @Test(arguments: BreakoutBasis.allCases)
    func agreesWithAPlainComputation(_ basis: BreakoutBasis) throws {
        let rutRows = try ReferenceCloses("rut_daily.csv"), btcRows = try ReferenceCloses("btc_usd_daily.csv")
        // Breakouts need the highs, which the close-only reader leaves out: read them through the project's types.
        let rut = try referenceIndexWithHighs()
        let btc = btcRows.series(.btc)
        let breakouts = detectBreakouts(in: rut, basis: basis, quietDays: 250)
        let asOf = max(rut.days.last!, btc.days.last!)
        let table = BreakoutAftermath(breakouts: breakouts, index: rut, bitcoin: btc, asOf: asOf)
        #expect(table.episodeCount == breakouts.count)
        print("aftermath on \(basis.label), as of \(asOf.iso), \(table.episodeCount) breakouts (quiet ≥ 250 days):")
        print("breakout     series         +30d     +90d    +180d    +365d")
        for episode in table.episodes {
            let date = episode.breakout.day.iso
            let expectedCoin = table.horizons.map { plainReturn(btcRows, from: date, days: $0) }
            let expectedIndex = table.horizons.map { plainReturn(rutRows, from: date, days: $0) }
            #expect(episode.bitcoinReturns == expectedCoin, "bitcoin after \(date)")
            #expect(episode.indexReturns == expectedIndex, "index after \(date)")
            print("\(date)   Bitcoin   " + episode.bitcoinReturns.map(cell).joined())
            print("             Russell   " + episode.indexReturns.map(cell).joined())
        }
        for (name, summary) in [("Bitcoin", table.bitcoinSummary), ("Russell", table.indexSummary)] {
            print("n            \(name)   " + summary.map { String(repeating: " ", count: 8) + "\($0.count)" }.joined())
            print("mean         \(name)   " + summary.map { cell($0.mean) }.joined())
            print("median       \(name)   " + summary.map { cell($0.median) }.joined())
        }
        for (h, horizon) in table.horizons.enumerated() {
            let available = table.episodes.compactMap { $0.bitcoinReturns[h] }
            #expect(table.bitcoinSummary[h].count == available.count, "horizon \(horizon)")
            if !available.isEmpty {
                let mean = available.reduce(0, +) / Double(available.count)
                #expect(abs(table.bitcoinSummary[h].mean! - mean) <= 1e-12)
            }
        }
    }

    /// The index with highs and closes, parsed with plain splitting.
    private func referenceIndexWithHighs() throws -> Series {
        let url = try #require(ReferenceData.file("rut_daily.csv"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var bars: [Bar] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 5, let close = Double(f[4]), let day = Day(iso: f[0]) else { continue }
            bars.append(Bar(day: day, high: Double(f[2]), close: close))
        }
        return Series(id: .rut, bars: bars)
    }
}
