import Feeds
import Foundation
import Markets

/// One benchmark data set: a store in its own folder, and the two series it holds.
struct DataSet {
    /// Where the data came from: "reference", "demo" or "synthetic".
    var name: String
    /// The folder passed as `--home` (a temporary RESONANCE_HOME).
    var home: String
    var index: Series
    var bitcoin: Series
    /// Seconds per 100,000 rows to import the two series from CSV files (parse, validate, write).
    var importSecondsPer100k: Double

    /// Days on which both series have a close.
    var alignedDays: Int { alignedDayCount(index, bitcoin) }
}

/// Builds the data sets under a temporary folder.
struct DataSetFactory {
    /// Where the stores and CSV files go; removed by the caller.
    let root: String

    /// The reference history when `/work/shared/data` (or `RESONANCE_REFERENCE_DATA`) holds it, else the demo market.
    func small() throws -> DataSet {
        let folder = ProcessInfo.processInfo.environment["RESONANCE_REFERENCE_DATA"] ?? "/work/shared/data"
        let rut = "\(folder)/rut_daily.csv", btc = "\(folder)/btc_usd_daily.csv"
        if FileManager.default.fileExists(atPath: rut), FileManager.default.fileExists(atPath: btc) {
            return try make(name: "reference", csv: [(.rut, rut), (.btc, btc)], today: .utcToday())
        }
        let demo = DemoMarket.generate(seed: 2026)
        return try make(name: "demo", index: demo.rut, bitcoin: demo.btc, today: .utcToday())
    }

    /// Seeded synthetic series of `days` consecutive days each, starting 1000-01-01.
    func synthetic(days: Int) throws -> DataSet {
        let market = SyntheticMarket.generate(days: days, seed: 7)
        // The bars run past today for large sets, so the import is told the last generated day is today.
        return try make(name: "synthetic", index: market.index, bitcoin: market.bitcoin,
                        today: market.index.days.last ?? .utcToday())
    }

    private func make(name: String, index: Series, bitcoin: Series, today: Day) throws -> DataSet {
        let folder = try makeFolder("\(name)-\(index.count)")
        let rut = "\(folder)/rut.csv", btc = "\(folder)/btc.csv"
        try writeCSV(index, to: rut)
        try writeCSV(bitcoin, to: btc)
        return try make(name: name, csv: [(.rut, rut), (.btc, btc)], today: today, folder: folder)
    }

    private func make(name: String, csv files: [(SeriesID, String)], today: Day, folder: String? = nil) throws -> DataSet {
        let folder = try folder ?? makeFolder(name)
        let home = "\(folder)/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let store = try Store(location: Locations.resolve(home: home, environment: [:]).store)
        var rows = 0
        let seconds = try Clock.time {
            for (id, path) in files {
                rows += try Importer().importFile(at: URL(fileURLWithPath: path), as: id, into: store, today: today).rowsRead
            }
        }
        let index = try store.load(.rut), bitcoin = try store.load(.btc)
        return DataSet(name: name, home: home, index: index, bitcoin: bitcoin,
                       importSecondsPer100k: seconds / Double(max(rows, 1)) * 100_000)
    }

    private func makeFolder(_ name: String) throws -> String {
        let folder = "\(root)/\(name)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes a series as `date,open,high,low,close,volume`, the layout `resonance import` reads.
    private func writeCSV(_ series: Series, to path: String) throws {
        var text = "date,open,high,low,close,volume\n"
        text.reserveCapacity(series.count * 64)
        func cell(_ value: Double) -> String { value.isNaN ? "" : String(format: "%.4f", value) }
        for i in 0..<series.count {
            text += series.days[i].iso
            for column in [series.open(at: i), series.high(at: i), series.low(at: i), series.closes[i]] {
                text += ","; text += cell(column)
            }
            let volume = series.volume(at: i)
            text += ","; text += volume.isNaN ? "" : String(Int(volume))
            text += "\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}

/// The number of days present in both series (both are sorted by day).
func alignedDayCount(_ a: Series, _ b: Series) -> Int {
    var i = 0, j = 0, count = 0
    while i < a.count, j < b.count {
        if a.days[i] == b.days[j] { count += 1; i += 1; j += 1 } else if a.days[i] < b.days[j] { i += 1 } else { j += 1 }
    }
    return count
}
