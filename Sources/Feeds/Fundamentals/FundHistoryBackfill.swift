import Foundation
import Markets

/// What one backfill of past fund snapshots did, for the summary and the tests.
public struct FundHistorySummary: Sendable {
    /// Per fund: the as-of days of the past files found, oldest first, and the flows now stored.
    public var funds: [String: (days: [Day], flows: Int)] = [:]
    /// Files asked of the publisher (the others came from the cache).
    public var fetched = 0
    /// Files read from the cache without a request.
    public var cached = 0
    /// Month ends for which no file was found even a few trading days earlier.
    public var missing: [String] = []
    /// One line per fault; a fault of the publisher (refused, rate-limited, down) stops the backfill.
    public var faults: [String] = []
}

/// Fills in past fund snapshots from the publisher's files as of past days, so that flows reach back
/// before the first daily fetch.
///
/// One file per fund and month end: the last exchange trading day of each of the `months` months ended
/// before today. The panel shows monthly flows, so month ends give every month its flow at a twentieth of
/// the requests of daily files. A month end without holdings (`as of "-"`) is asked again a trading day
/// earlier, at most `walkBackDays` times; a file dated earlier than the day asked is stored under its
/// own day. Requests are paced by the client (`ISharesClient.pastFilePacer`), and every answer is kept
/// in the cache, so a second run asks nothing it was answered before.
///
/// The flow between two month-end snapshots is the change in shares over the month priced at the later
/// NAV, dated on the later day (see `NetFlowEstimate`).
public struct FundHistoryBackfill {
    /// The most months a backfill may reach back.
    public static let maximumMonths = 120
    /// How many earlier trading days are tried when a month end has no holdings.
    public static let walkBackDays = 3

    public var store: Store
    public var config: FundamentalsConfig
    public var ishares: ISharesClient
    public var progress: (String) -> Void

    public init(store: Store, config: FundamentalsConfig, ishares: ISharesClient, progress: @escaping (String) -> Void = { _ in }) {
        self.store = store
        self.config = config
        self.ishares = ishares
        self.progress = progress
    }

    /// The last exchange trading day of each of the `months` calendar months that ended before `today`, oldest first.
    public static func monthEnds(months: Int, today: Day) -> [Day] {
        let (year, month, _) = today.components
        let thisMonth = Day(year: year, month: month, day: 1)!
        return (1...max(1, months)).reversed().map { back in
            var day = thisMonth.adding(months: -back + 1).adding(days: -1)
            while !MarketCalendar.isIndexTradingDay(day) { day = day.adding(days: -1) }
            return day
        }
    }

    /// Fetches (or reads back) the files, stores each fund's snapshots and recomputes its flows.
    public func run(months: Int, now: Date = Date()) -> FundHistorySummary {
        let today = Day.utcToday(now: now)
        let days = Self.monthEnds(months: months, today: today)
        var summary = FundHistorySummary()
        funds: for fund in config.funds {
            var files: [FundHoldingsFile] = []
            for (index, monthEnd) in days.enumerated() {
                let place = "\(fund) \(monthEnd.iso) (\(index + 1)/\(days.count))"
                do {
                    if let file = try file(fund: fund, monthEnd: monthEnd, today: today, place: place, summary: &summary) {
                        files.append(file)
                    }
                } catch let fault as FetchFault {
                    summary.faults.append("\(fund) \(monthEnd.iso): \(fault)")
                    progress("\(place): \(fault) — stopping; run again later to go on (files fetched so far are kept)")
                    try? record(files, fund: fund, today: today, summary: &summary)
                    break funds
                } catch {
                    summary.faults.append("\(fund) \(monthEnd.iso): \(error)")
                    progress("\(place): failed — \(error)")
                }
            }
            do {
                try record(files, fund: fund, today: today, summary: &summary)
            } catch {
                summary.faults.append("\(fund): \(error)")
                progress("\(fund): could not store the snapshots — \(error)")
            }
        }
        return summary
    }

    /// The file for one month end, walking back over days without holdings; nil when none was found.
    private func file(fund: String, monthEnd: Day, today: Day, place: String, summary: inout FundHistorySummary) throws -> FundHoldingsFile? {
        var day = monthEnd
        for attempt in 0...Self.walkBackDays {
            let answer = try ishares.pastHoldings(fund: fund, day: day, today: today)
            if answer.fetched { summary.fetched += 1 } else { summary.cached += 1 }
            let origin = answer.fetched ? "" : " (cached)"
            if let file = answer.file {
                let dated = file.asOf == monthEnd ? "" : " (the file of \(file.asOf.iso))"
                let shares = file.sharesOutstanding.map { ValueFormat.fixed($0, decimals: 0) } ?? "no"
                progress("\(place): \(file.holdings.count) holdings, \(shares) shares outstanding\(dated)\(origin)")
                return file
            }
            guard attempt < Self.walkBackDays else { break }
            repeat { day = day.adding(days: -1) } while !MarketCalendar.isIndexTradingDay(day)
            progress("\(place): no holdings published\(origin); trying \(day.iso)")
        }
        summary.missing.append("\(fund) \(monthEnd.iso)")
        progress("\(place): no holdings in the \(Self.walkBackDays + 1) trading days up to it")
        return nil
    }

    /// Stores a fund's snapshots and records them in the summary.
    private func record(_ files: [FundHoldingsFile], fund: String, today: Day, summary: inout FundHistorySummary) throws {
        guard !files.isEmpty else { return }
        let fetcher = FundamentalsFetcher(store: store, config: config, ishares: ishares, sec: nil)
        let flows = try fetcher.storeSnapshots(files, fund: fund, today: today)
        let days = Array(Set(files.map(\.asOf))).sorted()
        summary.funds[fund] = (days, flows)
        progress("\(fund): \(days.count) month-end snapshots stored (\(days.first!.iso) → \(days.last!.iso)), \(flows) flow\(flows == 1 ? "" : "s") in the store")
    }
}
