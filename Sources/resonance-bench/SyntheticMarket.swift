import Foundation
import Markets

/// Seeded synthetic price series of any length, for data sets larger than the reference history.
///
/// Both series get one bar on every calendar day from `firstDay`, so every day is an aligned day: an index-like
/// random walk (small daily moves) and a coin-like one (larger moves, a strong drift). Nothing here is a real
/// price; the same seed and length always give the same bars.
struct SyntheticMarket {
    /// The first day of every generated series: 1000-01-01, so a million days end in the 38th century.
    static let firstDay = Day(year: 1000, month: 1, day: 1)!

    /// An index-like and a coin-like series of `days` consecutive daily bars.
    static func generate(days: Int, seed: UInt64) -> (index: Series, bitcoin: Series) {
        var indexRandom = SplitMix64(seed: seed)
        var coinRandom = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        let index = walk(id: .rut, days: days, start: 1000, drift: 0.0002, volatility: 0.01, random: &indexRandom)
        let coin = walk(id: .btc, days: days, start: 5, drift: 0.0008, volatility: 0.035, random: &coinRandom)
        return (index, coin)
    }

    /// A mean-reverting geometric random walk with opens, highs, lows and volumes.
    ///
    /// The log price reverts slowly toward a rising trend, so a million steps stay within a few decades of prices
    /// instead of drifting to overflow, and new highs still come after long quiet spells.
    private static func walk(id: SeriesID, days: Int, start: Double, drift: Double, volatility: Double,
                             random: inout SplitMix64) -> Series {
        var series = Series(id: id)
        series.reserveCapacity(days)
        let trendCap = 8.0 // the trend rises by at most e^8 over the whole series
        let trendStep = min(drift, trendCap / Double(max(days, 1)))
        var deviation = 0.0
        var previousClose = start
        for offset in 0..<days {
            let trend = log(start) + trendStep * Double(offset)
            deviation = 0.995 * deviation + volatility * random.nextGaussian()
            let close = exp(trend + deviation)
            let open = previousClose * exp(0.2 * volatility * random.nextGaussian())
            let wick = abs(volatility * random.nextGaussian())
            let high = max(open, close) * exp(wick)
            let low = min(open, close) * exp(-wick * random.nextUnit())
            series.append(Bar(day: firstDay.adding(days: offset), open: open, high: high, low: low, close: close,
                              volume: 1e9 * (1 + random.nextUnit())))
            previousClose = close
        }
        return series
    }
}
