import ArgumentParser
import Dashboard
import Feeds
import Foundation
import Markets

/// `resonance export`: prints what the dashboard shows as CSV or JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print markers or stored series as CSV or JSON.",
        subcommands: [ExportMarkers.self, ExportSeries.self])
}

/// The output formats of `export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

/// `resonance export markers`: every halving and breakout, with the basis in use.
struct ExportMarkers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markers", abstract: "Print every halving and index breakout as kind,date,label.")

    @Option(name: .long, help: "csv or json.") var format: ExportFormat = .csv
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let (data, _) = try viewOptions.loadData(store: storeOptions.openStore)
        let rows = MarkerExport.rows(data: data, basis: viewOptions.breakoutBasis)
        print(format == .csv ? MarkerExport.csv(rows) : MarkerExport.json(rows), terminator: "")
    }
}

/// `resonance export series ID`: the bars the store holds for a series.
struct ExportSeries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series", abstract: "Print a stored series as date,open,high,low,close,volume.")

    @Argument(help: "The series: rut, btc or iwm.") var series: SeriesID
    @Option(name: .long, help: "csv or json.") var format: ExportFormat = .csv
    @Option(name: .long, help: "Days to print, as FROM..TO.") var range: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openStore()
        var data = try store.load(series)
        if let range, let bounds = data.dayRange { data = data.slice(try parseDayRange(range, data: bounds)) }
        print(format == .csv ? SeriesCSV.render(data) : seriesJSON(data), terminator: "")
    }
}

/// A series as a JSON array of daily objects; missing fields are null.
func seriesJSON(_ series: Series) -> String {
    func number(_ v: Double?) -> String { v.map { ValueFormat.fixed($0, decimals: 2, grouped: false) } ?? "null" }
    let rows = series.bars.map { b in
        "  {\"date\": \"\(b.day.iso)\", \"open\": \(number(b.open)), \"high\": \(number(b.high)), "
            + "\"low\": \(number(b.low)), \"close\": \(number(b.close)), \"volume\": \(b.volume.map { String(Int64($0)) } ?? "null")}"
    }
    return "[\n" + rows.joined(separator: ",\n") + (rows.isEmpty ? "]\n" : "\n]\n")
}
