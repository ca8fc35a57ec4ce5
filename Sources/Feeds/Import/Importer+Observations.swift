import Foundation
import Markets

// MARK: - Flows and loss share

extension Importer {
    /// Reads, checks and stores an ETF flows file (`date,fund,net_flow_usd`), one series per fund.
    ///
    /// Every fund is written in one transaction: a file is stored whole or not at all.
    ///
    /// - Parameters:
    ///   - url: the file; errors name it by its last path component.
    ///   - store: the store.
    ///   - today: the current day; rows dated later reject the file.
    /// - Returns: one report per fund, in series id order (`flows.ijr` before `flows.iwm`).
    /// - Throws: `ImportError` (unreadable file, or `FILE:LINE:` for a bad row), or `StoreError`.
    public func importFlows(at url: URL, into store: Store, today: Day) throws -> [ObservationImportReport] {
        let name = url.lastPathComponent
        let funds = try FlowsCSVParser(today: today).parse(try Importer.contents(of: url), name: name)
        let counts = try store.upsertObservations(funds.map { ObservationBatch($0.series) }, source: name, today: today)
        return zip(funds, counts).map { ObservationImportReport($0, source: name, counts: $1) }
    }

    /// Reads, checks and stores a loss-share file (`date,share_pct`) as `loss_share.r2k`.
    ///
    /// - Parameters:
    ///   - url: the file; errors name it by its last path component.
    ///   - store: the store.
    ///   - today: the current day; periods ending later reject the file.
    /// - Throws: `ImportError` (unreadable file, or `FILE:LINE:` for a bad row), or `StoreError`.
    public func importLossShare(at url: URL, into store: Store, today: Day) throws -> ObservationImportReport {
        let name = url.lastPathComponent
        let parsed = try LossShareCSVParser(today: today).parse(try Importer.contents(of: url), name: name)
        let batch = ObservationBatch(parsed.series)
        let counts = try store.upsertObservations(batch.points, into: batch.series, source: name, today: today)
        return ObservationImportReport(parsed, source: name, counts: counts)
    }
}
