import ArgumentParser
import Feeds
import Foundation
import Markets

extension FetchCommand {
    /// `fetch --fundamentals`: N-PORT flows per configured fund into `flows.<fund>`, the loss-making share
    /// into `loss_share.r2k`, with a progress line; raw answers are kept under `cache/` in the store's folder.
    ///
    /// Without `sec_contact` it asks for one on a terminal (and writes it to `config.toml`), and otherwise stops
    /// with the line to add.
    func runFundamentals(config: FeedsConfig, environment: [String: String]) throws {
        var config = config
        let configFile = storeOptions.configFilePath(environment: environment)
        if config.fundamentals.secUserAgent == nil {
            config.fundamentals.secContact = try askForContact(configFile: configFile)
        }
        let cache = storeOptions.rawAnswerCache(environment: environment)
        var sec: SECClient
        do {
            sec = try SECClient(config: config.fundamentals, configFile: configFile, transport: HTTPHelperTransport.shared, cache: cache)
        } catch {
            throw ValidationError("\(error)")
        }
        let store = try storeOptions.openStore()
        let log = FetchLog.resolve(home: storeOptions.home, environment: environment)
        let line = ProgressLine(isTerminal: isatty(STDOUT_FILENO) == 1)
        sec.onWait = { line.note($0) }
        let fetcher = FundamentalsFetcher(store: store, config: config.fundamentals, sec: sec,
                                          progress: { line.show($0) }, report: { line.note($0) })
        let firstYear = since.flatMap { Day(iso: $0) }.map { max(FundamentalsFetcher.firstFrameYear, $0.year) }
            ?? FundamentalsFetcher.firstFrameYear
        let summary: FundamentalsSummary
        do {
            summary = try fetcher.run(firstYear: firstYear)
        } catch {
            line.finish()
            try? store.recordFetch(.fundamentals, source: nil, fault: "\(error)", at: Date())
            throw error
        }
        line.finish()
        // As the live dashboard's daily run does, so a dashboard opened later today does not fetch again.
        try? store.recordFetch(.fundamentals, source: FundamentalsRefresh.source, fault: summary.faultLine, at: Date())
        for fund in config.fundamentals.funds {
            if let (months, latest) = summary.funds[fund] {
                print("\(fund): \(months) months of flows, the latest \(latest.map { String($0.iso.prefix(7)) } ?? "none")")
            } else {
                print("\(fund): no flows (see above)")
            }
        }
        if let last = summary.quarters.last, let share = last.sharePercent {
            print("loss-making share: \(summary.quarters.count) quarters; \(last.quarterEnd.iso): "
                  + String(format: "%.1f", share) + "% of \(last.reported) companies with four quarters reported "
                  + "(\(last.matched) of \(last.constituents) constituents matched to SEC filers)")
        }
        print("\(summary.requests) requests to the SEC; answers kept in \(cache.folder.path)")
        for fault in summary.faults { log.write("fundamentals \(fault)") }
        if !summary.faults.isEmpty {
            print("\(summary.faults.count) failed (see above); run again to retry them")
            throw ExitCode(1)
        }
    }

    /// Asks for the SEC contact on a terminal and saves it; elsewhere stops with the line to add.
    private func askForContact(configFile: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError(SECClient.missingContactMessage(configFile: configFile))
        }
        while true {
            print("The SEC asks for a contact e-mail for its data (sent only to the SEC, saved in \(configFile)): ", terminator: "")
            fflush(nil)
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else {
                throw ValidationError(SECClient.missingContactMessage(configFile: configFile))
            }
            if let problem = FundamentalsConfig.contactProblem(answer) {
                print("  \(problem)")
                continue
            }
            do { try SECContactSetting.save(answer, to: configFile) } catch { throw ValidationError("\(error)") }
            return answer
        }
    }
}

/// The fundamentals progress: one line redrawn in place on a terminal, a line every 25 requests otherwise;
/// notes (faults, waits) on lines of their own.
final class ProgressLine: @unchecked Sendable {
    let isTerminal: Bool
    private let lock = NSLock()
    private var lastPrinted = -1000
    private var shown = false

    init(isTerminal: Bool) { self.isTerminal = isTerminal }

    func show(_ progress: FundamentalsProgress) {
        lock.withLock {
            if isTerminal {
                print("\r\(progress.line)\u{1B}[K", terminator: "")
                shown = true
            } else if progress.done - lastPrinted >= 25 {
                print(progress.line)
                lastPrinted = progress.done
            }
            fflush(nil)
        }
    }

    func note(_ text: String) {
        lock.withLock {
            print((isTerminal && shown ? "\r\u{1B}[K" : "") + text)
            shown = false
            fflush(nil)
        }
    }

    func finish() {
        lock.withLock {
            if isTerminal, shown { print("") }
            shown = false
            fflush(nil)
        }
    }
}
