import Foundation
import Markets

/// What one `fetch --fundamentals` run did, for the summary and the tests.
public struct FundamentalsSummary: Sendable {
    /// Per fund: the snapshot day and the number of flows now stored.
    public var funds: [String: (day: Day, flows: Int)] = [:]
    /// The quarters computed, oldest first.
    public var quarters: [LossShareQuarter] = []
    /// Frames fetched from the network (the others came from the cache).
    public var framesFetched = 0
    /// One line per fault that did not stop the run.
    public var faults: [String] = []
    /// One line per part left out on purpose (the loss-making share without an SEC contact).
    public var skipped: [String] = []

    /// The faults as one status line: the first, and how many more; nil when there were none.
    public var faultLine: String? {
        faults.first.map { $0 + (faults.count > 1 ? " (+\(faults.count - 1) more)" : "") }
    }
}

/// Fetches fund snapshots and SEC frames and writes flows and the loss-making share into the store.
///
/// Per fund, the holdings file's shares outstanding and its NAV (net assets over shares) are stored as
/// `fund.<fund>.shares` and `fund.<fund>.nav`, one row per day, and the flows between consecutive stored snapshots
/// recomputed into `flows.<fund>`. The first fund's equity holdings are the constituents for the
/// loss-making share of every quarter from `since` to the last ended one, stored as `loss_share.r2k`
/// with `.constituents`, `.matched`, `.reported` and `.missing` beside it.
public struct FundamentalsFetcher {
    /// The quarters fetched when no start is given: this many years back from today.
    public static let defaultYears = 5

    public var store: Store
    public var config: FundamentalsConfig
    public var ishares: ISharesClient
    /// The SEC client; nil (no contact configured) leaves the loss-making share out.
    public var sec: SECClient?
    public var progress: (String) -> Void

    public init(store: Store, config: FundamentalsConfig, ishares: ISharesClient, sec: SECClient?,
                progress: @escaping (String) -> Void = { _ in }) {
        self.store = store
        self.config = config
        self.ishares = ishares
        self.sec = sec
        self.progress = progress
    }

    /// Runs everything; a fund or quarter that fails is reported in the summary and the rest goes on,
    /// but without the constituents' file or the ticker map the loss-making share cannot be computed.
    public func run(since: Day, now: Date = Date()) throws -> FundamentalsSummary {
        var summary = FundamentalsSummary()
        var constituents: [String]?
        for (index, fund) in config.funds.enumerated() {
            progress("\(fund): holdings file (\(index + 1)/\(config.funds.count))")
            do {
                let file = try ishares.holdings(fund: fund)
                if index == 0 { constituents = file.equityTickers }
                let flows = try storeSnapshots([file], fund: fund, today: Day.utcToday(now: now))
                summary.funds[fund] = (file.asOf, flows)
                progress("\(fund): \(file.asOf.iso), \(file.holdings.count) holdings, \(flows) flow\(flows == 1 ? "" : "s") stored")
            } catch {
                summary.faults.append("\(fund): \(error)")
                progress("\(fund): failed — \(error)")
            }
        }
        guard let sec else {
            summary.skipped.append("loss-making share: no sec_contact configured, so the SEC is not asked")
            return summary
        }
        guard let constituents else {
            summary.faults.append("loss-making share: no constituents (the \(config.funds.first ?? "first fund") holdings file failed)")
            return summary
        }
        progress("SEC company tickers")
        let map = try sec.companyTickers(now: now)
        let quarters = Self.endedQuarters(since: since, today: Day.utcToday(now: now))
        for (index, (year, quarter)) in quarters.enumerated() {
            let period = XBRLFrame.periodName(year: year, quarter: quarter)
            do {
                let (frame, fetched) = try sec.netIncomeFrame(year: year, quarter: quarter, now: now)
                if fetched { summary.framesFetched += 1 }
                let end = Day(year: year, month: quarter * 3, day: 1)!.adding(months: 1).adding(days: -1)
                let result = LossShareQuarter.compute(quarterEnd: end, constituents: constituents, tickers: map, frame: frame)
                summary.quarters.append(result)
                progress("\(period) (\(index + 1)/\(quarters.count)): \(result.reported) of \(result.constituents) reported"
                         + (fetched ? "" : " (cached)"))
            } catch {
                summary.faults.append("\(period): \(error)")
                progress("\(period): failed — \(error)")
            }
        }
        try storeLossShare(summary.quarters, today: Day.utcToday(now: now))
        return summary
    }

    /// Calendar quarters that have ended, from the one holding `since` to the last before `today`.
    public static func endedQuarters(since: Day, today: Day) -> [(year: Int, quarter: Int)] {
        var result: [(Int, Int)] = []
        var (year, month, _) = since.components
        var quarter = (month - 1) / 3 + 1
        while true {
            let end = Day(year: year, month: quarter * 3, day: 1)!.adding(months: 1).adding(days: -1)
            guard end < today else { break }
            result.append((year, quarter))
            quarter += 1
            if quarter == 5 { quarter = 1; year += 1 }
        }
        return result
    }

    /// Stores snapshots (each under its file's as-of day) and recomputes the fund's flows from every stored
    /// snapshot; returns how many flows there are.
    func storeSnapshots(_ files: [FundHoldingsFile], fund: String, today: Day) throws -> Int {
        let key = fund.lowercased()
        var shares: [(Day, Double)] = [], navs: [(Day, Double)] = []
        // One row a day: a file answered for two days asked is stored once.
        let byDay = Dictionary(files.map { ($0.asOf, $0) }, uniquingKeysWith: { $1 })
        for file in byDay.values.sorted(by: { $0.asOf < $1.asOf }) {
            guard let count = file.sharesOutstanding else {
                throw FundamentalsParseError("\(fund) holdings as of \(file.asOf.iso)", "no Shares Outstanding line in the preamble")
            }
            shares.append((file.asOf, count))
            if let nav = file.navPerShare { navs.append((file.asOf, nav)) }
        }
        var batches = [ObservationBatch(series: SeriesID("fund.\(key).shares"), points: shares)]
        if !navs.isEmpty { batches.append(ObservationBatch(series: SeriesID("fund.\(key).nav"), points: navs)) }
        try store.upsertObservations(batches, source: "ishares", today: today)
        let storedShares = try store.loadObservations(SeriesID("fund.\(key).shares"))
        let storedNAV = try store.loadObservations(SeriesID("fund.\(key).nav"))
        let navByDay = Dictionary(uniqueKeysWithValues: zip(storedNAV.days, storedNAV.values))
        let snapshots = zip(storedShares.days, storedShares.values).map {
            FundSnapshot(day: $0, sharesOutstanding: $1, nav: navByDay[$0])
        }
        let flows = NetFlowEstimate.dailyFlows(snapshots, id: SeriesID(SeriesID.flowsPrefix + key))
        if !flows.isEmpty { try store.upsertObservations([ObservationBatch(flows)], source: "ishares", today: today) }
        return flows.count
    }

    /// Writes the quarters' shares and counts in one transaction.
    func storeLossShare(_ quarters: [LossShareQuarter], today: Day) throws {
        guard !quarters.isEmpty else { return }
        typealias Name = LossShareQuarter.SeriesName
        let counted = quarters.filter { $0.sharePercent != nil }
        let batches = [
            ObservationBatch(series: Name.share, points: counted.map { ($0.quarterEnd, $0.sharePercent!) }),
            ObservationBatch(series: Name.constituents, points: counted.map { ($0.quarterEnd, Double($0.constituents)) }),
            ObservationBatch(series: Name.matched, points: counted.map { ($0.quarterEnd, Double($0.matched)) }),
            ObservationBatch(series: Name.reported, points: counted.map { ($0.quarterEnd, Double($0.reported)) }),
            ObservationBatch(series: Name.missing, points: counted.map { ($0.quarterEnd, Double($0.missing)) }),
        ]
        try store.upsertObservations(batches, source: "sec", today: today)
    }
}
