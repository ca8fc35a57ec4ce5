import Feeds
import Markets
import Testing

@Suite("Series CSV export")
struct SeriesCSVTests {
    @Test func rendersPlainNumbersAndEmptyCells() {
        let series = Series(id: .rut, bars: [
            Bar(day: day("2014-01-02"), open: 1160.5, high: 1160.5, low: 1146.6, close: 1150.72, volume: 3_080_600_000),
            Bar(day: day("2014-01-03"), close: 0.000015),
            Bar(day: day("2014-01-06"), open: 1e16, close: 123456789.125, volume: 0),
        ])
        #expect(SeriesCSV.render(series) == """
            date,open,high,low,close,volume
            2014-01-02,1160.5,1160.5,1146.6,1150.72,3080600000
            2014-01-03,,,,0.000015,
            2014-01-06,10000000000000000,,,123456789.125,0

            """)
    }

    @Test func renderedSeriesParsesBackToTheSameBars() throws {
        let bars = [
            Bar(day: day("2020-02-28"), open: 1.1, high: 2.2, low: 0.3, close: 1.7, volume: 12.5),
            Bar(day: day("2020-02-29"), close: 98768.53),
            Bar(day: day("2020-03-01"), open: 3e-7, high: 4.5e-7, low: 2.5e-7, close: 3.3e-7, volume: 9.99e20),
        ]
        let text = SeriesCSV.render(Series(id: .btc, bars: bars))
        #expect(!text.split(separator: "\n").dropFirst().contains { $0.contains("e") })
        #expect(try parse(text).bars == bars)
    }

    @Test func emptySeriesIsJustTheHeader() {
        #expect(SeriesCSV.render(Series(id: .iwm)) == "date,open,high,low,close,volume\n")
    }
}
