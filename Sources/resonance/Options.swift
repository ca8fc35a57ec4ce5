import ArgumentParser
import Dashboard
import Feeds
import Foundation
import Markets
import Runtime
import TermCanvas

/// Where the store lives: `--home`, else the environment.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder for the store (overrides RESONANCE_HOME and XDG_DATA_HOME).", valueName: "dir"))
    var home: String?

    /// Opens the store, creating its folder on first use.
    func openStore() throws -> Store {
        let location = StoreLocation.resolve(home: home, environment: ProcessInfo.processInfo.environment)
        try location.createDirectory()
        return try Store(path: location.databaseURL.path)
    }

    /// Where raw publisher answers are kept: `cache/` beside the store.
    func rawAnswerCache(environment: [String: String]) -> RawAnswerCache {
        RawAnswerCache(folder: StoreLocation.resolve(home: home, environment: environment).directory.appendingPathComponent("cache"))
    }

    /// The path of `config.toml`, as messages name it.
    func configFilePath(environment: [String: String]) -> String {
        (LiveSettings.folder(home: home, environment: environment)?.appendingPathComponent("config.toml").path) ?? "config.toml"
    }
}

/// How the chart is drawn; shared by the dashboard and `render`.
struct ViewOptions: ParsableArguments {
    @Flag(name: .long, help: "Use a deterministic synthetic data set instead of the store (labelled DEMO, never stored).")
    var demo = false

    @Option(name: .long, help: "Glyphs for the plot: braille, block or ascii (default: braille in a UTF-8 locale, else ascii).")
    var glyphs: GlyphSet?

    @Option(name: .long, help: "Breakout basis: the daily high or the close.")
    var breakoutBasis: BreakoutBasis = .high

    @Option(name: .long, help: "Trading days without a new high before a new high counts as a breakout.")
    var quietDays: Int = 250

    @Option(name: .long, help: "Chart mode: indexed or dual.")
    var mode: ChartModeOption = .indexed

    @Option(name: .long, help: "Days to show, as FROM..TO (YYYY-MM-DD; either side may be left out).")
    var range: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Start with a log value scale (L toggles it).")
    var log = true

    func validate() throws {
        guard quietDays >= 1 else { throw ValidationError("--quiet-days must be at least 1, got \(quietDays)") }
    }

    /// The data to chart: the demo set, or both price series from the store.
    /// The slow numbers derived from it (a correlation window) are not computed here: the dashboard asks for
    /// them with `Cmd.derive`, `render` computes them with `AppState.deriveNow()`.
    func loadData(store: () throws -> Store) throws -> (MarketData, String) {
        if demo {
            let demo = DemoMarket.generate(seed: 2026)
            let data = MarketData(index: demo.rut, bitcoin: demo.btc, isDemo: true, quietDays: quietDays,
                                  correlationWindows: [])
            return (data, "DEMO")
        }
        let store = try store()
        return (try StoredChartData.load(from: store, quietDays: quietDays), "store " + store.path)
    }

    /// The initial state for some data.
    func makeState(data: MarketData, source: String, unicode: Bool, theme: Theme, size: Size) throws -> AppState {
        var state = AppState(data: data, glyphs: glyphs ?? (unicode ? .braille : .ascii), theme: theme, size: size,
                             sourceLabel: source)
        state.basis = breakoutBasis
        state.mode = mode.chartMode
        state.logScale = log
        if let range {
            let days = try parseDayRange(range, data: data.bounds)
            if var viewport = state.viewport {
                viewport.show(days)
                state.viewport = viewport
            }
        }
        return state
    }
}

/// What the dashboard charts, read from the store: only the columns the chart draws.
enum StoredChartData {
    /// Reads and derives the dashboard's data: days and closes of both series and the index's highs
    /// (breakouts on the high basis), the net flows and the loss-making share; no derived numbers (see `Derivation`).
    ///
    /// The two sides are read and derived at the same time on two threads: the index with its breakouts on
    /// one, Bitcoin with its halving cycles on the other. At a million days each takes 15 to 25 ms, so
    /// overlapping them saves about a third of the start. Opens, lows and volumes are for `export series` and
    /// CSV files; leaving them out saves 56 MB at a million bars per series.
    static func load(from store: Store, quietDays: Int) throws -> MarketData {
        let points = try store.packedRowCount(.rut) + store.packedRowCount(.btc)
        let (index, bitcoin) = try concurrently(if: isWorthTwoThreads(points: points)) {
            IndexSide(try store.load(.rut, columns: .highs), quietDays: quietDays)
        } and: {
            BitcoinSide(try store.load(.btc, columns: .closesOnly))
        }
        var data = MarketData(index: index, bitcoin: bitcoin,
                              flows: try store.observationSeriesIDs(prefix: "flows.").map { try store.loadObservations($0) },
                              lossShare: try store.loadObservations(Analysis.lossShareID))
        data.lossShareCoverage = try store.lossShareCoverage()
        return data
    }
}

/// The chart modes as typed on the command line.
enum ChartModeOption: String, ExpressibleByArgument, CaseIterable {
    case indexed, dual
    var chartMode: ChartMode { self == .indexed ? .indexed : .dualAxis }
}

extension GlyphSet: ExpressibleByArgument {}
extension BreakoutBasis: ExpressibleByArgument {}

extension SeriesID: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Parses `A..B` (either side may be left out) into a range of days.
func parseDayRange(_ text: String, data: DayRange?) throws -> DayRange {
    let parts = text.components(separatedBy: "..")
    guard parts.count == 2 else { throw ValidationError("--range: expected FROM..TO with dates as YYYY-MM-DD, got '\(text)'") }
    func day(_ s: String, _ fallback: Day?) throws -> Day {
        if s.isEmpty, let fallback { return fallback }
        guard let d = Day(iso: s) else { throw ValidationError("--range: '\(s)' is not a date (YYYY-MM-DD)") }
        return d
    }
    let lo = try day(parts[0], data?.lowerBound), hi = try day(parts[1], data?.upperBound)
    guard lo <= hi else { throw ValidationError("--range: \(lo.iso) is after \(hi.iso)") }
    return lo...hi
}
