import Feeds
import Markets

/// Opening the store and reading both price series, in process, without the rest of start-up.
enum StoreBench {
    /// Median seconds to open a store and load `rut` and `btc`, with what the chart reads and with every column.
    struct Times {
        /// Days and closes of both series and the index's highs, as the dashboard and `render` load them.
        var chartColumns: Double
        /// Every column, as `export series` loads a series.
        var allColumns: Double
    }

    /// Times loading a data set's store, checking the series come back whole.
    static func loadSeconds(_ data: DataSet, runs: Int) throws -> Times {
        try loadSeconds(home: data.home, runs: runs) { index, bitcoin in
            precondition(index.count == data.index.count && bitcoin.count == data.bitcoin.count)
        }
    }

    /// Times loading the store at a home folder; `check` sees each load's two series.
    static func loadSeconds(home: String, runs: Int, check: (Series, Series) -> Void = { _, _ in }) throws -> Times {
        func median(_ index: SeriesColumns, _ bitcoin: SeriesColumns) throws -> Double {
            var times: [Double] = []
            for _ in 0..<runs {
                var loaded: (Series, Series)?
                times.append(try Clock.time {
                    let store = try Store(location: Locations.resolve(home: home, environment: [:]).store)
                    loaded = (try store.load(.rut, columns: index), try store.load(.btc, columns: bitcoin))
                })
                if let (index, bitcoin) = loaded { check(index, bitcoin) }
            }
            return Stats.median(times)
        }
        return Times(chartColumns: try median(.highs, .closesOnly), allColumns: try median(.all, .all))
    }
}
