import Feeds
import Foundation
import Markets
import TestSupport
import Testing

@Suite("Store")
struct StoreTests {
    let folder: TemporaryDirectory
    let store: Store

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(location: StoreLocation(directory: folder.url))
    }

    static let bars = [
        Bar(day: Day(iso: "2024-01-02")!, open: 10, high: 11, low: 9, close: 10.5, volume: 100),
        Bar(day: Day(iso: "2024-01-03")!, close: 10.7),
        Bar(day: Day(iso: "2024-01-04")!, open: 10.7, high: 12, low: 10.6, close: 11.9, volume: 0),
    ]

    // MARK: - Opening

    @Test func opensInWALModeWithMigrationsApplied() throws {
        #expect(try store.journalMode() == "wal")
        #expect(try store.appliedMigrations() == ["v1-bars", "v2-observations", "v3-lease", "v4-series-columns", "v5-packed-column-rows", "v6-correlations", "v7-drop-correlations", "v8-issuer-cik"])
        #expect(FileManager.default.fileExists(atPath: folder.file("resonance.sqlite").path))
    }

    @Test func reopeningKeepsData() throws {
        try store.upsert(Self.bars, into: .btc, source: "test", today: testToday)
        let reopened = try Store(path: store.path)
        #expect(try reopened.load(.btc).bars == Self.bars)
        #expect(try reopened.appliedMigrations() == ["v1-bars", "v2-observations", "v3-lease", "v4-series-columns", "v5-packed-column-rows", "v6-correlations", "v7-drop-correlations", "v8-issuer-cik"])
    }

    @Test func garbageFileIsNotAStore() throws {
        let garbage = folder.file("garbage.sqlite")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) }).write(to: garbage)
        let error = #expect(throws: StoreError.self) { try Store(path: garbage.path) }
        #expect(error == .notAStore(path: garbage.path))
        #expect(error?.description.contains("\(garbage.path) is not a Resonance store") == true)
    }

    @Test func textFileIsNotAStore() throws {
        let text = try folder.write("date,close\n2024-01-02,1\n", to: "prices.csv")
        #expect(throws: StoreError.notAStore(path: text.path)) { try Store(path: text.path) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs /usr/bin/sqlite3"))
    func otherProgramsDatabaseIsNotAStore() throws {
        let path = folder.file("other.sqlite").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');"]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        #expect(throws: StoreError.notAStore(path: path)) { try Store(path: path) }
    }

    @Test func folderInPlaceOfTheFileIsAClearError() throws {
        let error = #expect(throws: StoreError.self) { try Store(path: folder.url.path) }
        #expect(error == .cannotOpen(path: folder.url.path, reason: "it is a folder"))
    }

    @Test func homeThatIsAFileCannotBeCreated() throws {
        let file = try folder.write("x", to: "not-a-folder")
        let location = StoreLocation(directory: file)
        let error = #expect(throws: StoreError.self) { try Store(location: location) }
        #expect(error?.description.contains(file.path) == true)
    }

    @Test(.disabled(if: getuid() == 0, "skipped: running as root, which ignores folder permissions"))
    func readOnlyFolderIsAClearError() throws {
        let readOnly = folder.file("readonly")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly.path) }
        let path = readOnly.appendingPathComponent("resonance.sqlite").path
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("not writable") == true)
    }

    // MARK: - Reading and writing

    @Test func upsertThenLoadRoundTrips() throws {
        let counts = try store.upsert(Self.bars.reversed(), into: .rut, source: "test", today: testToday)
        #expect(counts == UpsertCounts(added: 3, updated: 0, unchanged: 0))
        let series = try store.load(.rut)
        #expect(series.id == .rut)
        #expect(series.bars == Self.bars)
        #expect(try store.load(.btc).isEmpty)
    }

    @Test func loadHonoursTheDayRange() throws {
        try store.upsert(Self.bars, into: .rut, source: "test", today: testToday)
        #expect(try store.load(.rut, in: day("2024-01-03")...day("2024-01-10")).bars == Array(Self.bars[1...]))
        #expect(try store.load(.rut, in: day("2023-01-01")...day("2024-01-02")).bars == [Self.bars[0]])
        #expect(try store.load(.rut, in: day("2025-01-01")...day("2025-01-02")).isEmpty)
    }

    @Test func sameDataTwiceChangesNothing() throws {
        try store.upsert(Self.bars, into: .rut, source: "a", today: testToday)
        let again = try store.upsert(Self.bars, into: .rut, source: "b", today: testToday)
        #expect(again == UpsertCounts(added: 0, updated: 0, unchanged: 3))
        #expect(try store.importLogCount(for: .rut) == 2)
    }

    @Test func changedValuesAreUpdatedAndNewDaysAdded() throws {
        try store.upsert(Self.bars, into: .rut, source: "a", today: testToday)
        var changed = Self.bars
        changed[1].open = 10.6                      // a value appears where there was none
        changed[2].close = 11.2                     // a value changes
        changed.append(Bar(day: day("2024-01-05"), close: 12))
        let counts = try store.upsert(changed, into: .rut, source: "b", today: testToday)
        #expect(counts == UpsertCounts(added: 1, updated: 2, unchanged: 1))
        #expect(try store.load(.rut).bars == changed)
    }

    @Test func aValueTheBarDoesNotCarryKeepsWhatIsStored() throws {
        try store.upsert(Self.bars, into: .rut, source: "a", today: testToday)
        // The same days as closes alone, one close revised: nothing stored is erased.
        var closesOnly = Self.bars.map { Bar(day: $0.day, close: $0.close) }
        closesOnly[2].close = Self.bars[2].close + 0.1
        let counts = try store.upsert(closesOnly, into: .rut, source: "b", today: testToday)
        let keptPerBar = Self.bars.map { [$0.open, $0.high, $0.low, $0.volume].compactMap { $0 }.count }
        #expect(counts.added == 0 && counts.updated == 1 && counts.unchanged == 2)
        #expect(counts.keptValues == keptPerBar.reduce(0, +))
        var expected = Self.bars
        expected[2].close += 0.1
        #expect(try store.load(.rut).bars == expected)
    }

    @Test func aStoredValueThatANewOneContradictsGivesWay() throws {
        try store.upsert(Self.bars, into: .rut, source: "a", today: testToday)
        let stored = Self.bars[0]
        // A new high below the stored low: the stored low cannot stand beside it, and goes; the open stays.
        let batch = [Bar(day: stored.day, high: stored.low! - 1, close: stored.low! - 1.5)]
        let counts = try store.upsert(batch, into: .rut, source: "b", today: testToday)
        #expect(counts.updated == 1 && counts.contradicted == 1)
        #expect(try store.load(.rut).bar(at: 0) == Bar(day: stored.day, open: stored.open, high: stored.low! - 1,
                                                     low: nil, close: stored.low! - 1.5, volume: stored.volume))
    }

    @Test func seriesIDsAndSummary() throws {
        try store.upsert(Self.bars, into: .rut, source: "a", today: testToday)
        try store.upsert([Bar(day: day("2020-05-11"), close: 8600)], into: .btc, source: "b", today: testToday)
        #expect(try store.seriesIDs() == [.btc, .rut])
        #expect(try store.summary() == [
            SeriesSummary(id: .btc, count: 1, firstDay: day("2020-05-11"), lastDay: day("2020-05-11")),
            SeriesSummary(id: .rut, count: 3, firstDay: day("2024-01-02"), lastDay: day("2024-01-04")),
        ])
    }

    @Test func emptyStoreHasNoSeries() throws {
        #expect(try store.seriesIDs().isEmpty)
        #expect(try store.summary().isEmpty)
    }

    // MARK: - Validation

    static let invalidBars: [(String, Bar)] = [
        ("zero close", Bar(day: Day(iso: "2024-02-01")!, close: 0)),
        ("NaN close", Bar(day: Day(iso: "2024-02-01")!, close: .nan)),
        ("infinite high", Bar(day: Day(iso: "2024-02-01")!, high: .infinity, close: 1)),
        ("negative open", Bar(day: Day(iso: "2024-02-01")!, open: -1, close: 1)),
        ("zero low", Bar(day: Day(iso: "2024-02-01")!, low: 0, close: 1)),
        ("high below low", Bar(day: Day(iso: "2024-02-01")!, high: 1, low: 2, close: 1.5)),
        ("negative volume", Bar(day: Day(iso: "2024-02-01")!, close: 1, volume: -5)),
        ("future day", Bar(day: Day(iso: "2026-11-26")!, close: 1)),
    ]

    @Test(arguments: invalidBars.map(\.0))
    func oneInvalidBarRejectsTheWholeBatch(label: String) throws {
        let invalid = Self.invalidBars.first { $0.0 == label }!.1
        try store.upsert(Self.bars, into: .rut, source: "a", today: testToday)
        var batch = Self.bars.map { Bar(day: $0.day.adding(days: 40), close: $0.close * 2) }
        batch.insert(invalid, at: 1)
        let error = #expect(throws: StoreError.self) {
            try store.upsert(batch, into: .rut, source: "b", today: testToday)
        }
        guard case .invalidBar(let series, let day, _) = error else {
            Issue.record("expected invalidBar, got \(String(describing: error))")
            return
        }
        #expect(series == .rut && day == invalid.day)
        #expect(try store.load(.rut).bars == Self.bars)
        #expect(try store.importLogCount(for: .rut) == 1)
    }

    @Test func repeatedDayInOneBatchIsRejected() throws {
        let batch = [Bar(day: day("2024-01-02"), close: 1), Bar(day: day("2024-01-02"), close: 2)]
        #expect(throws: StoreError.invalidBar(series: .iwm, day: day("2024-01-02"),
                                              reason: "the day appears twice in one batch")) {
            try store.upsert(batch, into: .iwm, source: "a", today: testToday)
        }
        #expect(try store.load(.iwm).isEmpty)
    }
}
