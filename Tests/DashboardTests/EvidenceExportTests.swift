import Dashboard
import Markets
import Testing

@Suite("The evidence in the exports, at full precision")
struct EvidenceExportTests {
    @Test("export aftermath: the same rows as before, each with its percentile, base rate and days since the halving")
    func aftermathColumns() throws {
        let data = Fixtures.demo
        let table = AnalysisExport.aftermath(data, basis: .high, range: nil)
        #expect(table.columns == ["basis", "breakout_date", "series", "horizon_days", "return", "percentile",
                                  "base_median", "base_share_up", "days_since_halving"])
        let aftermath = try #require(data.analysis.aftermath[.high])
        #expect(table.rows.count == aftermath.episodeCount * 2 * aftermath.horizons.count)
        let asOf = aftermath.asOf
        for row in table.rows {
            guard case .text(let date) = row[1], case .text(let series) = row[2], case .integer(let h) = row[3],
                  case .number(let r) = row[4], case .number(let p) = row[5], case .number(let median) = row[6],
                  case .number(let share) = row[7]
            else { Issue.record("unexpected cells \(row)"); continue }
            let prices = series == "btc" ? data.bitcoin : data.index
            // Recomputed from the series alone: the base rate over every start day, ranking this row's return.
            let rate = BaseRate(prices, horizon: h, asOf: asOf, ranking: [r])
            #expect(p == rate.percentiles[0], "\(date) \(series) +\(h)d")
            #expect(median == rate.median && share == rate.shareUp)
            let day = Day(iso: date)!
            let halving = HalvingSchedule.latest(onOrBefore: day)
            if case .integer(let days) = row[8] {
                #expect(days == halving!.day.distance(to: day))
            } else {
                #expect(halving == nil)
            }
        }
        // Full precision: the CSV holds the doubles as they are, not rounded for the screen.
        let csvLine = table.csv.split(separator: "\n")[1]
        guard case .number(let p?) = table.rows[0][5] else { Issue.record("no percentile"); return }
        #expect(csvLine.contains("\(p)"))
    }

    @Test("export leadlag: one row per lag with its correlation and pairs, over the range asked")
    func leadLagRows() throws {
        let data = Fixtures.demo
        let range = Day(iso: "2020-01-01")!...Day(iso: "2022-12-31")!
        let table = AnalysisExport.leadLag(data, maxLag: 4, range: range)
        #expect(table.columns == ["lag", "correlation", "pairs"])
        #expect(table.rows.count == 9)
        let expected = LeadLag(AlignedPair(data.index, data.bitcoin), maxLag: 4, range: range)
        for (row, point) in zip(table.rows, expected.points) {
            #expect(row[0] == .integer(point.lag))
            #expect(row[1] == .number(point.correlation))
            #expect(row[2] == .integer(point.pairs))
        }
    }
}
