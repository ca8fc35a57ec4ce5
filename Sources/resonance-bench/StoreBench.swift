import Feeds
import Markets

/// Opening the store and reading both price series, in process, without the rest of start-up.
enum StoreBench {
    /// Median seconds to open the store at a home folder and load `rut` and `btc`.
    static func loadSeconds(_ data: DataSet, runs: Int) throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(try Clock.time {
                let store = try Store(location: StoreLocation.resolve(home: data.home, environment: [:]))
                let index = try store.load(.rut), bitcoin = try store.load(.btc)
                precondition(index.count == data.index.count && bitcoin.count == data.bitcoin.count)
            })
        }
        return Stats.median(times)
    }
}
