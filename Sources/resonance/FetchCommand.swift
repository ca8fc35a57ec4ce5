import ArgumentParser
import Feeds
import Foundation
import Markets
import TermCanvas

/// `resonance fetch`: fills the store from the providers, incrementally.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch daily history from the providers into the store.",
        discussion: """
            Asks for what the store is missing plus the last few days (providers revise them; today's bar is \
            provisional). Each series is written in one transaction, all or nothing. Providers, their order and \
            their URLs come from config.toml; RESONANCE_YAHOO_URL, RESONANCE_COINBASE_URL and RESONANCE_STOOQ_URL \
            override the URLs.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Series to fetch, comma-separated.", valueName: "rut,btc"))
    var series: String = "rut,btc"

    @Option(name: .long, help: ArgumentHelp("Fetch from this day on (YYYY-MM-DD) instead of what is missing.", valueName: "date"))
    var since: String?

    @Flag(name: .long, help: "Fetch the funds' monthly flows (SEC N-PORT filings) and the loss-making share (N-PORT holdings, XBRL frames); --since sets the first year of the share's history.")
    var fundamentals = false

    /// Gone with iShares' holdings route; kept only to say so.
    @Option(name: .long, help: .hidden)
    var backfillMonths: Int?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        _ = try seriesList()
        if let since {
            guard let day = Day(iso: since) else { throw ValidationError("--since: '\(since)' is not a date (YYYY-MM-DD)") }
            let today = Day.utcToday()
            if day > today { throw ValidationError("--since: \(since) is in the future (today is \(today.iso) UTC)") }
        }
        if backfillMonths != nil {
            throw ValidationError("--backfill-months is gone: iShares' holdings route no longer answers; fetch --fundamentals now reads every month since 2019 from the SEC's N-PORT filings")
        }
    }

    func seriesList() throws -> [SeriesID] {
        let ids = series.split(separator: ",").map { SeriesID(String($0).trimmingCharacters(in: .whitespaces)) }
        guard !ids.isEmpty else { throw ValidationError("--series: name at least one of rut, btc, iwm") }
        for id in ids where !SeriesID.priceSeries.contains(id) {
            throw ValidationError("--series: '\(id)' is not one of rut, btc, iwm")
        }
        return ids
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try LiveSettings.config(home: storeOptions.home, environment: environment)
        if fundamentals { return try runFundamentals(config: config, environment: environment) }
        let store = try storeOptions.openStore()
        let log = FetchLog.resolve(home: storeOptions.home, environment: environment)
        let ids = try seriesList()
        let book = BackoffBook()
        let progress = FetchProgress(total: ids.count, isTerminal: isatty(STDOUT_FILENO) == 1)
        var failures = 0
        for (index, id) in ids.enumerated() {
            progress.starting(id, index: index)
            let transport = ProgressTransport(HTTPHelperTransport.shared, series: id) { progress.update($0, index: index) }
            let chain = ProviderChain(series: id, providers: config.providers(for: id, transport: transport), book: book)
            do {
                let summary = try SeriesFetcher(store: store, chain: chain).run(since: since.flatMap { Day(iso: $0) })
                let line = Self.describe(summary)
                log.write("\(id) \(line)")
                progress.finished(index: index, line: "\(id): \(line)")
            } catch {
                failures += 1
                log.write("\(id) failed: \(error)")
                progress.finished(index: index, line: "\(id): failed — \(error)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// One series' summary: source, rows added and updated, first and last day.
    static func describe(_ summary: SeriesFetchSummary) -> String {
        let span = summary.firstDay.map { "\($0.iso) → \(summary.lastDay!.iso)" } ?? "no bars in the answer"
        return "\(summary.source), \(summary.counts.added) added, \(summary.counts.updated) updated, \(span)"
    }
}

/// Progress for `fetch`: a bar and the request in flight redrawn in place on a terminal, plain lines otherwise.
///
/// On a terminal the line names the provider, the request (page) and any failure as each request starts and
/// ends; in a log only failures get a line of their own, so a slow or retried fetch says why it is slow.
final class FetchProgress: @unchecked Sendable {
    let total: Int
    let isTerminal: Bool
    private let lock = NSLock()
    private var reportedFailures = 0

    init(total: Int, isTerminal: Bool) {
        self.total = total
        self.isTerminal = isTerminal
    }

    func starting(_ id: SeriesID, index: Int) {
        lock.withLock {
            reportedFailures = 0
            if isTerminal {
                print("\r\(bar(done: index)) \(index + 1)/\(total) fetching \(id)…\u{1B}[K", terminator: "")
            } else {
                print("fetching \(id) (\(index + 1)/\(total))")
            }
            fflush(nil)
        }
    }

    /// A request of the series began or ended.
    func update(_ activity: FetchActivity, index: Int) {
        lock.withLock {
            if isTerminal {
                print("\r\(bar(done: index)) \(index + 1)/\(total) fetching \(activity.line)\u{1B}[K", terminator: "")
            } else if activity.failures.count > reportedFailures, let reason = activity.failures.last {
                print("  \(activity.series): \(activity.provider ?? "?") request \(activity.requests) failed: \(reason)")
            }
            reportedFailures = activity.failures.count
            fflush(nil)
        }
    }

    func finished(index: Int, line: String) {
        lock.withLock {
            if isTerminal {
                print("\r\u{1B}[K\(line)")
                if index + 1 < total { print("\(bar(done: index + 1)) \(index + 1)/\(total)", terminator: "") }
            } else {
                print(line)
            }
            fflush(nil)
        }
    }

    private func bar(done: Int) -> String {
        let width = 20
        let filled = total == 0 ? width : width * done / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }
}

/// The live-data configuration for the commands: `config.toml` in the configuration folder.
enum LiveSettings {
    /// The config folder (`Locations.config`).
    static func folder(home: String?, environment: [String: String]) -> URL? {
        Locations.resolve(home: home, environment: environment).config
    }

    /// Reads the configuration; a bad file stops the program with `FILE:LINE: what is wrong`.
    static func config(home: String?, environment: [String: String]) throws -> FeedsConfig {
        do {
            return try FeedsConfig.load(folder: folder(home: home, environment: environment), environment: environment)
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }
}
