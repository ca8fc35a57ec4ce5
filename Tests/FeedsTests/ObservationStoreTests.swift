@testable import Feeds
import Foundation
import Markets
import TestSupport
import Testing

@Suite("Store: observations")
struct ObservationStoreTests {
    let folder: TemporaryDirectory
    let store: Store

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(location: StoreLocation(directory: folder.url))
    }

    static let flows: [(day: Day, value: Double)] = [
        (day("2025-01-01"), -1_250_000_000), (day("2025-02-01"), 0), (day("2025-03-01"), 3_700_000_000.5),
    ]

    // MARK: - Round trips

    @Test func negativeZeroAndFractionalValuesRoundTrip() throws {
        let counts = try store.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
        #expect(counts == UpsertCounts(added: 3))
        let loaded = try store.loadObservations("flows.iwm")
        #expect(loaded.id == "flows.iwm")
        #expect(loaded.days == Self.flows.map(\.day))
        #expect(loaded.values == Self.flows.map(\.value))
        #expect(try store.importLogCount(for: "flows.iwm") == 1)
    }

    @Test func pointsInAnyOrderLoadSorted() throws {
        try store.upsertObservations(Self.flows.reversed(), into: "flows.ijr", source: "test", today: testToday)
        #expect(try store.loadObservations("flows.ijr").days == Self.flows.map(\.day))
    }

    @Test func missingSeriesLoadsEmpty() throws {
        #expect(try store.loadObservations("flows.vb").isEmpty)
    }

    @Test func observationsDoNotShowAsPriceSeries() throws {
        try store.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
        #expect(try store.seriesIDs().isEmpty)
        #expect(try store.load("flows.iwm").isEmpty)
    }

    // MARK: - Ranges and listing

    @Test(arguments: [
        ("2025-01-01", "2025-03-01", ["2025-01-01", "2025-02-01", "2025-03-01"]),
        ("2025-01-02", "2025-02-28", ["2025-02-01"]),
        ("2025-02-01", "2025-02-01", ["2025-02-01"]),
        ("2024-01-01", "2024-12-31", []),
        ("2025-03-01", "2026-01-01", ["2025-03-01"]),
    ])
    func loadingByRangeIncludesBothEnds(from: String, through: String, expected: [String]) throws {
        try store.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
        let loaded = try store.loadObservations("flows.iwm", in: day(from)...day(through))
        #expect(loaded.days == expected.map(day))
    }

    @Test func seriesAreListedByPrefixAsPlainText() throws {
        for id: SeriesID in ["flows.iwm", "flows.ijr", "flowsXvb", "loss_share.r2k", "loss_shareXr2k"] {
            try store.upsertObservations(Self.flows, into: id, source: "test", today: testToday)
        }
        #expect(try store.observationSeriesIDs(prefix: "flows.") == ["flows.ijr", "flows.iwm"])
        #expect(try store.observationSeriesIDs(prefix: "loss_share.") == ["loss_share.r2k"])
        #expect(try store.observationSeriesIDs(prefix: "") == ["flows.ijr", "flows.iwm", "flowsXvb", "loss_share.r2k",
                                                              "loss_shareXr2k"])
        #expect(try store.observationSeriesIDs(prefix: "nothing.").isEmpty)
    }

    // MARK: - Counting

    @Test func rewritingCountsUnchangedAndUpdated() throws {
        try store.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
        #expect(try store.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
            == UpsertCounts(unchanged: 3))
        let revised: [(day: Day, value: Double)] = [(day("2025-02-01"), -5), (day("2025-04-01"), 7)]
        #expect(try store.upsertObservations(revised, into: "flows.iwm", source: "test", today: testToday)
            == UpsertCounts(added: 1, updated: 1))
        #expect(try store.loadObservations("flows.iwm").values == [-1_250_000_000, -5, 3_700_000_000.5, 7])
    }

    // MARK: - Rejection: nothing is written

    @Test(arguments: [
        (Double.nan, "2025-01-01", "value nan is not a finite number"),
        (Double.infinity, "2025-01-01", "value inf is not a finite number"),
        (-Double.infinity, "2025-01-01", "value -inf is not a finite number"),
        (1, "2026-11-26", "day is after today (2026-11-25)"),
    ])
    func anInvalidPointRejectsTheWholeBatch(value: Double, iso: String, reason: String) throws {
        try store.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
        let batch = [(day: day("2025-01-01"), value: 99.0), (day: day(iso), value: value)]
        let error = #expect(throws: StoreError.self) {
            try store.upsertObservations(batch, into: "flows.iwm", source: "test", today: testToday)
        }
        #expect(error == .invalidObservation(series: "flows.iwm", day: day(iso), reason: reason))
        #expect(try store.loadObservations("flows.iwm").values == Self.flows.map(\.value))
        #expect(try store.importLogCount(for: "flows.iwm") == 1)
    }

    @Test func aDayTwiceInOneBatchIsRejected() throws {
        let batch = [(day: day("2025-01-01"), value: 1.0), (day: day("2025-01-01"), value: 2.0)]
        #expect(throws: StoreError.invalidObservation(series: "flows.iwm", day: day("2025-01-01"),
                                                      reason: "the day appears twice in one batch")) {
            try store.upsertObservations(batch, into: "flows.iwm", source: "test", today: testToday)
        }
        #expect(try store.loadObservations("flows.iwm").isEmpty)
    }

    @Test func severalSeriesAreWrittenAllOrNothing() throws {
        let good = ObservationBatch(series: "flows.iwm", points: Self.flows)
        let bad = ObservationBatch(series: "flows.ijr", points: [(day("2025-01-01"), .nan)])
        #expect(throws: StoreError.self) { try store.upsertObservations([good, bad], source: "test", today: testToday) }
        #expect(try store.observationSeriesIDs(prefix: "").isEmpty)
        #expect(try store.importLogCount(for: "flows.iwm") == 0)
    }

    // MARK: - Migration

    @Test func aVersionOneStoreMigratesAndKeepsItsBars() throws {
        let path = folder.file("old.sqlite").path
        let bars = [
            Bar(day: day("2024-01-02"), open: 10, high: 11, low: 9, close: 10.5, volume: 100),
            Bar(day: day("2024-01-03"), close: 10.7),
        ]
        do {
            let old = try Store(path: path, migratingUpTo: "v1-bars")
            #expect(try old.appliedMigrations() == ["v1-bars"])
            try old.upsert(bars, into: .rut, source: "rut_daily.csv", today: testToday)
        }

        let migrated = try Store(path: path)
        #expect(try migrated.appliedMigrations() == ["v1-bars", "v2-observations", "v3-lease", "v4-series-columns", "v5-packed-column-rows", "v6-correlations", "v7-drop-correlations", "v8-issuer-cik"])
        #expect(try migrated.load(.rut).bars == bars)
        #expect(try migrated.importLogCount(for: .rut) == 1)
        try migrated.upsertObservations(Self.flows, into: "flows.iwm", source: "test", today: testToday)
        #expect(try Store(path: path).loadObservations("flows.iwm").count == 3)
    }
}
