import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// Properties of the flows and loss-share parsers over random files: round trips for well-formed files,
/// and for damaged ones either values the store takes or `FILE:LINE: what`.
@Suite("Flows and loss-share CSV properties")
struct ObservationCSVPropertyTests {
    static let flows = FlowsCSVParser(today: testToday)
    static let lossShare = LossShareCSVParser(today: testToday)

    /// A random flows file and the series it holds.
    static func flowsFile(_ random: inout SeededRandom) -> (text: String, series: [SeriesID: [(day: Day, value: Double)]]) {
        var rows: [String] = []
        var series: [SeriesID: [(day: Day, value: Double)]] = [:]
        for fund in ["IWM", "ijr", "VTWO", "x_1-b"].shuffled(using: &random).prefix(random.int(1...3)) {
            for day in RandomMarketData.days(random.int(1...40), &random, today: testToday) {
                let value = random.chance(0.1) ? 0 : Double(random.int(-9_000_000...9_000_000)) * pow(10, Double(random.int(-2...4)))
                rows.append("\(day.iso),\(fund),\(value)")
                series[FlowsCSVParser.seriesID(fund: fund), default: []].append((day, value))
            }
        }
        rows.shuffle(using: &random)
        return (FlowsCSVParser.header + "\n" + rows.joined(separator: "\n") + "\n", series)
    }

    /// A random loss-share file and its points.
    static func lossShareFile(_ random: inout SeededRandom) -> (text: String, points: [(day: Day, value: Double)]) {
        let days = RandomMarketData.days(random.int(1...60), &random, today: testToday)
        let points = days.map { (day: $0, value: Double(random.int(0...10_000)) / 100) }
        let text = LossShareCSVParser.header + "\n" + points.map { "\($0.day.iso),\($0.value)" }.joined(separator: "\n")
        return (text, points)
    }

    @Test("flows: parse gives back every fund's points")
    func flowsRoundTrip() throws {
        try FuzzBudget(quickCases: 300).run { seed, random in
            let file = Self.flowsFile(&random)
            let parsed = try Self.flows.parse(Array(file.text.utf8), name: "flows.csv")
            #expect(Set(parsed.map(\.series.id)) == Set(file.series.keys), "seed \(seed)")
            for observations in parsed {
                let expected = file.series[observations.series.id, default: []].sorted { $0.day < $1.day }
                #expect(observations.series.days == expected.map(\.day), "seed \(seed): days of \(observations.series.id)")
                #expect(observations.series.values == expected.map(\.value), "seed \(seed): values of \(observations.series.id)")
            }
        }
    }

    @Test("loss share: parse gives back the points")
    func lossShareRoundTrip() throws {
        try FuzzBudget(quickCases: 300).run { seed, random in
            let file = Self.lossShareFile(&random)
            let parsed = try Self.lossShare.parse(Array(file.text.utf8), name: "loss.csv")
            #expect(parsed.series.days == file.points.map(\.day), "seed \(seed)")
            #expect(parsed.series.values == file.points.map(\.value), "seed \(seed)")
        }
    }

    @Test("mutated flows and loss-share files: storable values, or FILE:LINE")
    func mutatedFiles() throws {
        var outcomes = [true: 0, false: 0]
        FuzzBudget(quickCases: 2_000).run { seed, random in
            if random.chance(0.5) {
                let bytes = CSVMutation.mutate(Array(Self.flowsFile(&random).text.utf8), &random)
                do {
                    let parsed = try Self.flows.parse(bytes, name: "fuzz.csv")
                    for observations in parsed { Self.expectStorable(observations, seed: seed) }
                    #expect(parsed.allSatisfy { $0.series.id.rawValue.hasPrefix(FlowsCSVParser.seriesPrefix) })
                    outcomes[true, default: 0] += 1
                } catch {
                    Self.expectLocated(error, bytes, seed: seed)
                    outcomes[false, default: 0] += 1
                }
            } else {
                let bytes = CSVMutation.mutate(Array(Self.lossShareFile(&random).text.utf8), &random)
                do {
                    let parsed = try Self.lossShare.parse(bytes, name: "fuzz.csv")
                    Self.expectStorable(parsed, seed: seed)
                    #expect(parsed.series.values.allSatisfy { (0...100).contains($0) }, "seed \(seed): share outside 0…100")
                    outcomes[true, default: 0] += 1
                } catch {
                    Self.expectLocated(error, bytes, seed: seed)
                    outcomes[false, default: 0] += 1
                }
            }
        }
        #expect(outcomes[true]! > 0 && outcomes[false]! > 0, "\(outcomes)")
    }

    @Test("random bytes never crash the observation parsers")
    func garbage() {
        FuzzBudget(quickCases: 1_000).run { seed, random in
            let header = random.pick(["", "date,fund,net_flow_usd\n", "date,share_pct\n", "DATE , Share_Pct\r\n"])
            let bytes = Array(header.utf8) + random.bytes(random.int(0...400))
            do { _ = try Self.flows.parse(bytes, name: "fuzz.csv") } catch { Self.expectLocated(error, bytes, seed: seed) }
            do { _ = try Self.lossShare.parse(bytes, name: "fuzz.csv") } catch { Self.expectLocated(error, bytes, seed: seed) }
        }
    }

    static func expectStorable(_ parsed: ParsedObservations, seed: UInt64) {
        #expect(!parsed.series.isEmpty, "seed \(seed): accepted with no rows")
        for (day, value) in zip(parsed.series.days, parsed.series.values) {
            if let problem = Store.observationProblem(day: day, value: value, today: testToday) {
                Issue.record("seed \(seed): accepted a value the store refuses: \(day) \(value): \(problem)")
            }
        }
        #expect(Set(parsed.series.days).count == parsed.series.days.count, "seed \(seed): a day twice")
    }

    static func expectLocated(_ error: any Error, _ bytes: [UInt8], seed: UInt64) {
        #expect(error is ImportError, "seed \(seed): not an ImportError: \(error)")
        #expect(CSVMutation.isLocated(String(describing: error), file: "fuzz.csv", lineCount: CSVMutation.lineCount(bytes)),
                "seed \(seed): not FILE:LINE: message: \(error)")
    }
}
