import Foundation

/// Deterministic synthetic daily markets for the demo mode and for tests that need realistic-looking data.
///
/// Nothing here comes from real prices. Each series follows a hand-drawn path of (day, level) anchors, joined
/// smoothly in log space, plus mean-reverting noise from a seeded `SplitMix64`, so the same seed always gives the
/// same bars. The index path has a long sideways stretch and several new highs after quiet spells; the coin path
/// has much larger cycles and volatility.
public enum DemoMarket {
    /// The first day of the generated data.
    public static let firstDay = Day(year: 2014, month: 1, day: 2)!
    /// The last day of the generated data.
    public static let lastDay = Day(year: 2026, month: 8, day: 21)!

    /// An index-like series on weekdays (ids `rut`) and a coin-like series every calendar day (id `btc`).
    public static func generate(seed: UInt64) -> (rut: Series, btc: Series) {
        var indexRandom = SplitMix64(seed: seed)
        var coinRandom = SplitMix64(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let index = makeSeries(id: .rut, path: Path(indexAnchors), style: indexStyle, weekdaysOnly: true,
                               random: &indexRandom)
        let coin = makeSeries(id: .btc, path: Path(coinAnchors), style: coinStyle, weekdaysOnly: false,
                              random: &coinRandom)
        return (index, coin)
    }

    // MARK: - Shapes

    /// How a series wiggles around its path.
    private struct Style {
        /// AR(1) persistence of the log deviation from the path.
        var persistence: Double
        /// Daily shock of the deviation, in log units.
        var shock: Double
        /// Typical overnight gap between the previous close and the open.
        var gap: Double
        /// Typical distance from the open/close body to the high and low.
        var wick: Double
        /// Typical daily volume.
        var volume: Double
    }

    private static let indexStyle = Style(persistence: 0.97, shock: 0.0085, gap: 0.002, wick: 0.005, volume: 3.2e9)
    private static let coinStyle = Style(persistence: 0.975, shock: 0.03, gap: 0, wick: 0.02, volume: 2.5e10)

    /// Index anchors: a rise, a dip and recovery, a long sideways stretch, and breakouts after it.
    private static let indexAnchors: [(String, Double)] = [
        ("2014-01-02", 1150), ("2014-09-01", 1210), ("2015-06-20", 1265), ("2016-02-08", 990),
        ("2016-10-01", 1230), ("2017-08-01", 1430), ("2018-08-25", 1690), ("2018-12-22", 1330),
        ("2019-10-01", 1580), ("2020-02-14", 1700), ("2020-03-20", 1040), ("2020-12-01", 1880),
        ("2021-03-10", 2260), ("2021-11-05", 2390), ("2022-06-20", 1690), ("2023-02-01", 1990),
        ("2023-10-27", 1640), ("2024-07-20", 2230), ("2024-11-22", 2470), ("2025-04-08", 1830),
        ("2025-10-10", 2520), ("2026-01-20", 2730), ("2026-08-21", 2980),
    ]

    /// Coin anchors: boom-and-bust cycles of about four years, each peak far above the last.
    private static let coinAnchors: [(String, Double)] = [
        ("2014-01-02", 450), ("2015-01-15", 215), ("2015-10-01", 245), ("2016-07-01", 680),
        ("2017-12-17", 14_500), ("2018-12-15", 3_400), ("2019-06-26", 11_500), ("2020-03-13", 5_100),
        ("2021-04-14", 59_000), ("2021-07-20", 31_000), ("2021-11-10", 65_000), ("2022-11-21", 16_200),
        ("2024-03-14", 70_500), ("2024-08-05", 53_000), ("2024-12-17", 104_000), ("2025-04-08", 77_500),
        ("2025-10-06", 121_000), ("2026-02-05", 63_000), ("2026-08-21", 74_000),
    ]

    /// A smooth log-space path through anchors.
    private struct Path {
        var days: [Day]
        var logLevels: [Double]

        init(_ anchors: [(String, Double)]) {
            days = anchors.map { Day(iso: $0.0)! }
            logLevels = anchors.map { log($0.1) }
        }

        /// The log level on a day: smoothstep between the surrounding anchors, flat outside them.
        func logLevel(on day: Day, from segment: inout Int) -> Double {
            while segment + 1 < days.count - 1, days[segment + 1] <= day { segment += 1 }
            let start = days[segment], end = days[segment + 1]
            let t = min(max(Double(start.distance(to: day)) / Double(start.distance(to: end)), 0), 1)
            let eased = t * t * (3 - 2 * t)
            return logLevels[segment] + (logLevels[segment + 1] - logLevels[segment]) * eased
        }
    }

    // MARK: - Generation

    private static func makeSeries(id: SeriesID, path: Path, style: Style, weekdaysOnly: Bool,
                                   random: inout SplitMix64) -> Series {
        var series = Series(id: id)
        series.reserveCapacity(firstDay.distance(to: lastDay) + 1)
        var segment = 0
        var deviation = 0.0
        var previousClose = exp(path.logLevels[0])
        var day = firstDay
        while day <= lastDay {
            defer { day = day.adding(days: 1) }
            if weekdaysOnly, day.weekday == 0 || day.weekday == 6 { continue }
            if day != firstDay { deviation = style.persistence * deviation + style.shock * random.nextGaussian() }
            let close = exp(path.logLevel(on: day, from: &segment) + deviation)
            let open = style.gap > 0 ? previousClose * exp(style.gap * random.nextGaussian()) : previousClose
            let high = max(open, close) * exp(style.wick * abs(random.nextGaussian()))
            let low = min(open, close) * exp(-style.wick * abs(random.nextGaussian()))
            let volume = (style.volume * exp(0.25 * random.nextGaussian())).rounded()
            series.append(Bar(day: day, open: cents(open), high: cents(high), low: cents(low), close: cents(close),
                              volume: volume))
            previousClose = close
        }
        return series
    }

    /// Rounds a price to cents, as quotes are, keeping the high ≥ close ordering intact.
    private static func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
