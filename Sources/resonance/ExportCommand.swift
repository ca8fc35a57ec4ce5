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
        subcommands: [ExportMarkers.self, ExportSeries.self, ExportCorrelation.self, ExportCycles.self,
                      ExportAftermath.self, ExportLeadLag.self, ExportFlows.self, ExportLossShare.self])
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
        let table = MarkerExport.table(rows)
        print(format == .csv ? table.csv : table.json, terminator: "")
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

    func validate() throws {
        try checkPriceSeries(series, argument: "series")
    }

    func run() throws {
        let store = try storeOptions.openStore()
        var data = try store.load(series)
        if let range {
            let days = try parseDayRange(range, data: data.dayRange)
            try checkOverlap(days, data: data.dayRange, what: "the \(series) data")
            data = data.slice(days)
        }
        print(format == .csv ? SeriesCSV.render(data) : AnalysisExport.series(data).json, terminator: "")
    }
}

/// Options every analysis export shares: format, range, and where the data comes from.
struct AnalysisExportOptions: ParsableArguments {
    @Option(name: .long, help: "csv or json.") var format: ExportFormat = .csv
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var storeOptions: StoreOptions

    /// Loads the data, builds a table for the range and prints it.
    func print(_ table: (MarketData, DayRange?) -> ExportTable) throws {
        let (data, _) = try viewOptions.loadData(store: storeOptions.openStore)
        let days = try viewOptions.range.map { try parseDayRange($0, data: data.bounds) }
        if let days { try checkOverlap(days, data: data.bounds, what: "the data") }
        let t = table(data, days)
        Swift.print(format == .csv ? t.csv : t.json, terminator: "")
    }
}

/// `resonance export correlation`: the rolling correlation the panel draws.
struct ExportCorrelation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correlation", abstract: "Print the rolling correlation of daily log returns.")
    @Option(name: .long, help: "Trailing window in aligned days.") var window: Int = 90
    @OptionGroup var options: AnalysisExportOptions

    func validate() throws {
        guard window >= 2 else { throw ValidationError("--window must be at least 2, got \(window)") }
    }

    func run() throws { try options.print { AnalysisExport.correlation($0, window: window, range: $1) } }
}

/// `resonance export cycles`: Bitcoin's multiple of its halving-day close, by day since each halving.
struct ExportCycles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cycles", abstract: "Print the halving cycles.")
    @OptionGroup var options: AnalysisExportOptions
    func run() throws { try options.print { AnalysisExport.cycles($0, range: $1) } }
}

/// `resonance export aftermath`: returns after each breakout, on the basis given.
struct ExportAftermath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftermath", abstract: "Print Bitcoin's and the index's returns after each breakout.")
    @OptionGroup var options: AnalysisExportOptions
    func run() throws {
        try options.print { AnalysisExport.aftermath($0, basis: options.viewOptions.breakoutBasis, range: $1) }
    }
}

/// `resonance export leadlag`: r(k) of the index's return on aligned day t and Bitcoin's on t + k.
struct ExportLeadLag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadlag",
        abstract: "Print the lead-lag correlation of daily log returns as lag,correlation,pairs (lag > 0: the index leads).")
    @Option(name: .long, help: "The largest lag each way, in aligned days.") var maxLag: Int = 30
    @OptionGroup var options: AnalysisExportOptions

    func validate() throws {
        guard (0...10_000).contains(maxLag) else {
            throw ValidationError("--max-lag must be between 0 and 10000 aligned days, got \(maxLag)")
        }
    }

    func run() throws { try options.print { AnalysisExport.leadLag($0, maxLag: maxLag, range: $1) } }
}

/// `resonance export flows`: monthly net flows per fund and summed, with running totals.
struct ExportFlows: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flows", abstract: "Print monthly ETF net flows.")
    @OptionGroup var options: AnalysisExportOptions
    func run() throws { try options.print { AnalysisExport.flows($0, range: $1) } }
}

/// `resonance export loss-share`: the loss-making share by quarter.
struct ExportLossShare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loss-share", abstract: "Print the share of loss-making Russell 2000 companies.")
    @OptionGroup var options: AnalysisExportOptions
    func run() throws { try options.print { AnalysisExport.lossShare($0, range: $1) } }
}
