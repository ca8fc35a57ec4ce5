import Foundation
import Markets
import TestSupport

/// CSV files made from the seeded demo market, so end-to-end tests never need real prices.
enum SyntheticFiles {
    /// Writes a series as `date,open,high,low,close,volume` and returns the file.
    static func writeCSV(_ series: Series, to folder: URL, name: String) throws -> URL {
        var text = "date,open,high,low,close,volume\n"
        func cell(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "" }
        for b in series.bars {
            text += "\(b.day.iso),\(cell(b.open)),\(cell(b.high)),\(cell(b.low)),\(cell(b.close)),\(b.volume.map { String(Int64($0)) } ?? "")\n"
        }
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A store folder holding the demo market imported through the real binary.
    static func importedHome() throws -> URL {
        let home = try Processes.temporaryFolder()
        let demo = DemoMarket.generate(seed: 2026)
        let rut = try writeCSV(demo.rut, to: home, name: "rut.csv")
        let btc = try writeCSV(demo.btc, to: home, name: "btc.csv")
        for (file, id) in [(rut, "rut"), (btc, "btc")] {
            let r = try Processes.resonance(["import", file.path, "--series", id, "--home", home.path])
            guard r.status == 0 else { throw ImportFailed(message: r.stderr + r.stdout) }
        }
        return home
    }

    struct ImportFailed: Error, CustomStringConvertible { let message: String; var description: String { message } }
}
