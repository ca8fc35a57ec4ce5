import ArgumentParser
import Feeds
import Foundation
import Markets

extension FetchCommand {
    /// `fetch --fundamentals`: fund snapshots into `flows.<fund>`, SEC frames into `loss_share.r2k`,
    /// with a line of progress per fund and per quarter; raw answers go to `cache/` in the store's folder.
    /// With `--backfill-months N`, past month-end snapshots are filled in first.
    func runFundamentals(config: FeedsConfig, environment: [String: String]) throws {
        let cache = storeOptions.rawAnswerCache(environment: environment)
        let transport = HTTPHelperTransport.shared
        let sec: SECClient
        do {
            sec = try SECClient(config: config.fundamentals, configFile: storeOptions.configFilePath(environment: environment),
                                transport: transport, cache: cache)
        } catch {
            throw ValidationError("\(error)")
        }
        let store = try storeOptions.openStore()
        let log = FetchLog.resolve(home: storeOptions.home, environment: environment)
        let ishares = config.isharesClient(transport: transport, cache: cache)
        let printLine: (String) -> Void = { line in
            print(line)
            fflush(nil)
        }
        var faults: [String] = []
        if let backfillMonths {
            let backfill = FundHistoryBackfill(store: store, config: config.fundamentals, ishares: ishares, progress: printLine)
            let summary = backfill.run(months: backfillMonths)
            print("past files: \(summary.fetched) fetched, \(summary.cached) from \(cache.file("ishares").path)"
                  + (summary.missing.isEmpty ? "" : "; no holdings for \(summary.missing.joined(separator: ", "))"))
            faults += summary.faults
        }
        let fetcher = FundamentalsFetcher(store: store, config: config.fundamentals, ishares: ishares, sec: sec, progress: printLine)
        let start = since.flatMap { Day(iso: $0) } ?? Day.utcToday().adding(months: -12 * FundamentalsFetcher.defaultYears)
        let summary: FundamentalsSummary
        do {
            summary = try fetcher.run(since: start)
        } catch {
            try? store.recordFetch(.fundamentals, source: nil, fault: "\(error)", at: Date())
            throw error
        }
        // As the live dashboard's daily run does, so a dashboard opened later today does not fetch again.
        try? store.recordFetch(.fundamentals, source: FundamentalsRefresh.isharesAndSEC, fault: summary.faultLine, at: Date())
        let counted = summary.quarters.filter { $0.sharePercent != nil }
        if let last = counted.last {
            print("loss-making share: \(counted.count) quarters; \(last.quarterEnd.iso): "
                  + String(format: "%.1f", last.sharePercent!) + "% of \(last.reported) reporting, "
                  + "\(last.matched) of \(last.constituents) constituents matched to SEC filers")
        }
        print("frames fetched: \(summary.framesFetched), the rest from \(cache.folder.path)")
        faults += summary.faults
        for fault in faults { log.write("fundamentals \(fault)") }
        if !faults.isEmpty {
            print("\(faults.count) failed (see above); run again to retry them")
            throw ExitCode(1)
        }
    }
}
