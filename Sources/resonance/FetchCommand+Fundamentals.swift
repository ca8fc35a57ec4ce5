import ArgumentParser
import Feeds
import Foundation
import Markets

extension FetchCommand {
    /// The quarters fetched when `--since` is not given: five years back from today.
    static let defaultFundamentalsYears = 5

    /// `fetch --fundamentals`: fund snapshots into `flows.<fund>`, SEC frames into `loss_share.r2k`,
    /// with a line of progress per fund and per quarter; raw answers go to `cache/` in the store's folder.
    func runFundamentals(config: FeedsConfig, environment: [String: String]) throws {
        let configFile = (LiveSettings.folder(home: storeOptions.home, environment: environment)?
            .appendingPathComponent("config.toml").path) ?? "config.toml"
        let location = StoreLocation.resolve(home: storeOptions.home, environment: environment)
        let cache = RawAnswerCache(folder: location.directory.appendingPathComponent("cache"))
        let transport = HTTPHelperTransport.shared
        let sec: SECClient
        do {
            sec = try SECClient(config: config.fundamentals, configFile: configFile, transport: transport, cache: cache)
        } catch {
            throw ValidationError("\(error)")
        }
        let store = try storeOptions.openStore()
        let log = FetchLog.resolve(home: storeOptions.home, environment: environment)
        let ishares = ISharesClient(config: config.fundamentals, userAgent: config.userAgent ?? YahooChartProvider.browserUserAgent,
                                    transport: transport, cache: cache)
        let fetcher = FundamentalsFetcher(store: store, config: config.fundamentals, ishares: ishares, sec: sec) { line in
            print(line)
            fflush(nil)
        }
        let start = since.flatMap { Day(iso: $0) } ?? Day.utcToday().adding(months: -12 * Self.defaultFundamentalsYears)
        let summary = try fetcher.run(since: start)
        let counted = summary.quarters.filter { $0.sharePercent != nil }
        if let last = counted.last {
            print("loss-making share: \(counted.count) quarters; \(last.quarterEnd.iso): "
                  + String(format: "%.1f", last.sharePercent!) + "% of \(last.reported) reporting, "
                  + "\(last.matched) of \(last.constituents) constituents matched to SEC filers")
        }
        print("frames fetched: \(summary.framesFetched), the rest from \(cache.folder.path)")
        for fault in summary.faults { log.write("fundamentals \(fault)") }
        if !summary.faults.isEmpty {
            print("\(summary.faults.count) failed (see above); run again to retry them")
            throw ExitCode(1)
        }
    }
}
