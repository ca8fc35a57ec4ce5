import Markets
import Testing
import TestSupport

/// Base rates and lead–lag on the reference history, against numbers a separate script (Python's `statistics`,
/// brute force over the CSV files) printed for the same definitions.
@Suite("Base rates and lead–lag on the reference history",
       .enabled(if: ReferenceData.directory != nil, "needs ../shared/data"))
struct ReferenceEvidenceTests {
    struct RateCase: Sendable, CustomTestStringConvertible {
        var file: String
        var horizon: Int
        var starts: Int
        var median: Double
        var shareUp: Double
        /// The percentile of the return after the 2016-11-14 breakout.
        var percentile: Double
        var testDescription: String { "\(file) +\(horizon)d" }
    }

    @Test(arguments: [
        RateCase(file: "btc_usd_daily.csv", horizon: 30, starts: 4326, median: 0.02572398516880381,
                 shareUp: 0.5631067961165048, percentile: 67.5335182616736),
        RateCase(file: "btc_usd_daily.csv", horizon: 365, starts: 3991, median: 0.7377529028801006,
                 shareUp: 0.7278877474317214, percentile: 97.33149586569782),
        RateCase(file: "rut_daily.csv", horizon: 30, starts: 3156, median: 0.010796334565180477,
                 shareUp: 0.5871356147021546, percentile: 76.60012674271229),
        RateCase(file: "rut_daily.csv", horizon: 365, starts: 2927, median: 0.07233539445898596,
                 shareUp: 0.6682610181072771, percentile: 65.20327980867782),
    ])
    func baseRateMatchesTheScript(_ c: RateCase) throws {
        let rut = try ReferenceCloses("rut_daily.csv").series(.rut), btc = try ReferenceCloses("btc_usd_daily.csv").series(.btc)
        let series = c.file == "rut_daily.csv" ? rut : btc
        let asOf = max(rut.days.last!, btc.days.last!)
        let breakout = Day(iso: "2016-11-14")!
        let start = series.close(onOrBefore: breakout)!, end = series.close(onOrBefore: breakout.adding(days: c.horizon))!
        let rate = BaseRate(series, horizon: c.horizon, asOf: asOf, ranking: [end / start - 1])
        #expect(rate.startCount == c.starts)
        #expect(rate.median == c.median)
        #expect(rate.shareUp == c.shareUp)
        #expect(rate.percentiles == [c.percentile])
    }

    @Test func leadLagMatchesTheScript() throws {
        let rut = try ReferenceCloses("rut_daily.csv").series(.rut), btc = try ReferenceCloses("btc_usd_daily.csv").series(.btc)
        let lags = LeadLag(rut, btc, maxLag: 30)
        let expected: [(Int, Double, Int)] = [(-3, -0.004870115337923564, 2995), (-1, -0.013271609965491584, 2997),
                                              (0, 0.24909898500272445, 2998), (1, -0.03322295865551547, 2997),
                                              (3, 0.010928645897672973, 2995)]
        for (lag, r, pairs) in expected {
            let point = try #require(lags.point(lag: lag))
            #expect(point.pairs == pairs)
            #expect(abs(point.correlation - r) < 1e-12, "lag \(lag)")
        }
        print("lead–lag on the reference history: largest |r| at k = \(lags.strongest!.lag), "
              + "r = \(lags.strongest!.correlation), band ±\(lags.strongest!.band)")
    }
}
