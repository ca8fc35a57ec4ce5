import Feeds
import Foundation
import Markets
import TestSupport
import Testing

@Suite("Importer: flows and loss share")
struct ObservationImporterTests {
    let folder: TemporaryDirectory
    let store: Store

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(location: StoreLocation(directory: folder.url))
    }

    /// Twelve monthly IWM flows and two daily IJR flows.
    static let flows = "date,fund,net_flow_usd\n"
        + (1...12).map { "2025-\($0 < 10 ? "0" : "")\($0),IWM,\($0 * 100 - 650)" }.joined(separator: "\n")
        + "\n2025-06-02,ijr,-3.5\n2025-06-03,IJR,\"1,234\"\n"

    static let lossShare = "date,share_pct\n2024Q3,43\n2024-Q4,36\n2025-03,40\n"

    /// Everything the store holds, to compare before and after a rejected import.
    func contents() throws -> [ValueSeries] {
        try store.observationSeriesIDs(prefix: "").map { try store.loadObservations($0) }
    }

    @Test func flowsReportPerFundWithSummary() throws {
        let file = try folder.write(Self.flows, to: "flows.csv")
        let reports = try Importer().importFlows(at: file, into: store, today: testToday)
        #expect(reports.map(\.summary) == [
            "flows.ijr: 2 rows — 2 added, 0 updated, 0 unchanged; 2025-06-02 … 2025-06-03",
            "flows.iwm: 12 rows — 12 added, 0 updated, 0 unchanged; 2025-01-01 … 2025-12-01",
        ])
        #expect(reports.allSatisfy { $0.source == "flows.csv" })
        #expect(try store.observationSeriesIDs(prefix: "flows.") == ["flows.ijr", "flows.iwm"])
        #expect(try store.loadObservations("flows.ijr").values == [-3.5, 1234])
        #expect(try store.loadObservations("flows.iwm").values.first == -550)
    }

    @Test func lossShareReportWithSummary() throws {
        let file = try folder.write(Self.lossShare, to: "loss.csv")
        let report = try Importer().importLossShare(at: file, into: store, today: testToday)
        #expect(report.summary == "loss_share.r2k: 3 rows — 3 added, 0 updated, 0 unchanged; 2024-09-30 … 2025-03-31")
        #expect(try store.loadObservations("loss_share.r2k").values == [43, 36, 40])
    }

    @Test func storedSeriesEqualTheParsedOnes() throws {
        let file = try folder.write(Self.flows, to: "flows.csv")
        _ = try Importer().importFlows(at: file, into: store, today: testToday)
        for parsed in try parseFlows(Self.flows) {
            #expect(try store.loadObservations(parsed.series.id) == parsed.series)
        }
        _ = try Importer().importLossShare(at: try folder.write(Self.lossShare, to: "l.csv"), into: store, today: testToday)
        #expect(try store.loadObservations("loss_share.r2k") == parseLossShare(Self.lossShare).series)
    }

    @Test func reimportingChangesNothing() throws {
        let flows = try folder.write(Self.flows, to: "flows.csv")
        let loss = try folder.write(Self.lossShare, to: "loss.csv")
        _ = try Importer().importFlows(at: flows, into: store, today: testToday)
        _ = try Importer().importLossShare(at: loss, into: store, today: testToday)
        let before = try contents()
        let again = try Importer().importFlows(at: flows, into: store, today: testToday)
        #expect(again.map(\.unchanged) == [2, 12] && again.allSatisfy { $0.added == 0 && $0.updated == 0 })
        let lossAgain = try Importer().importLossShare(at: loss, into: store, today: testToday)
        #expect(lossAgain.unchanged == 3 && lossAgain.added == 0 && lossAgain.updated == 0)
        #expect(try contents() == before)
    }

    @Test func revisedValuesAreCountedAsUpdated() throws {
        _ = try Importer().importLossShare(at: try folder.write(Self.lossShare, to: "loss.csv"), into: store, today: testToday)
        let revised = "date,share_pct\n2024-09-30,43\n2024Q4,36.5\n2025Q2,41\n"
        let report = try Importer().importLossShare(at: try folder.write(revised, to: "loss.csv"), into: store,
                                                    today: testToday)
        #expect(report.added == 1 && report.updated == 1 && report.unchanged == 1)
        #expect(try store.loadObservations("loss_share.r2k").values == [43, 36.5, 40, 41])
    }

    // MARK: - Rejection leaves the store as it was

    @Test(arguments: FlowsCSVTests.badFiles)
    func rejectedFlowsFileLeavesAFilledStoreAsItWas(text: String, expected: String) throws {
        _ = try Importer().importFlows(at: try folder.write(Self.flows, to: "good.csv"), into: store, today: testToday)
        _ = try Importer().importLossShare(at: try folder.write(Self.lossShare, to: "l.csv"), into: store, today: testToday)
        let before = try contents()
        let file = try folder.write(text, to: "bad.csv")
        let error = #expect(throws: ImportError.self) { try Importer().importFlows(at: file, into: store, today: testToday) }
        #expect(error?.description == expected)
        #expect(try contents() == before)
    }

    @Test(arguments: LossShareCSVTests.badFiles)
    func rejectedLossShareFileLeavesAFilledStoreAsItWas(text: String, expected: String) throws {
        _ = try Importer().importFlows(at: try folder.write(Self.flows, to: "good.csv"), into: store, today: testToday)
        _ = try Importer().importLossShare(at: try folder.write(Self.lossShare, to: "l.csv"), into: store, today: testToday)
        let before = try contents()
        let file = try folder.write(text, to: "bad.csv")
        let error = #expect(throws: ImportError.self) { try Importer().importLossShare(at: file, into: store, today: testToday) }
        #expect(error?.description == expected)
        #expect(try contents() == before)
    }

    @Test func aGoodFundBeforeABadRowIsNotWritten() throws {
        let text = "date,fund,net_flow_usd\n2025-01-01,IJR,1\n2025-01-02,IJR,2\n2025-01-01,IWM,oops\n"
        let file = try folder.write(text, to: "mixed.csv")
        let error = #expect(throws: ImportError.self) { try Importer().importFlows(at: file, into: store, today: testToday) }
        #expect(error?.description == "mixed.csv:4: net_flow_usd 'oops' is not a number")
        #expect(try contents().isEmpty)
    }

    @Test func missingFileNamesThePath() throws {
        let missing = folder.file("nowhere.csv")
        let error = #expect(throws: ImportError.self) { try Importer().importFlows(at: missing, into: store, today: testToday) }
        #expect(error?.description == "\(missing.path): cannot read the file (no such file)")
    }
}
