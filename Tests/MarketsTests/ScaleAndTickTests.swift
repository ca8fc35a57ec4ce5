import Testing
@testable import Markets

@Suite("Scales")
struct ScaleTests {
    @Test func linearMapsEndsAndInverts() {
        let scale = LinearScale(domain: 1000...3000)
        #expect(scale.position(of: 1000) == 0)
        #expect(scale.position(of: 3000) == 1)
        #expect(scale.position(of: 2500) == 0.75)
        #expect(scale.position(of: 4000) == 1.5)
        #expect(scale.clampedPosition(of: 4000) == 1)
        for p in stride(from: -0.5, through: 1.5, by: 0.125) {
            #expect(abs(scale.position(of: scale.value(at: p)) - p) < 1e-12)
        }
    }

    @Test func logMapsRatiosToEqualDistancesAndInverts() throws {
        let scale = try #require(LogScale(domain: 100...100_000))
        #expect(abs(scale.position(of: 1000) - 1.0 / 3) < 1e-12)
        #expect(abs(scale.position(of: 10_000) - 2.0 / 3) < 1e-12)
        for value in [100.0, 450, 1234.5, 67_566.83, 100_000] {
            #expect(abs(scale.value(at: scale.position(of: value)) / value - 1) < 1e-12)
        }
        #expect(scale.position(of: 0).isNaN)
        #expect(scale.position(of: -5).isNaN)
    }

    @Test func logNeedsAPositiveDomain() {
        #expect(LogScale(domain: 0...10) == nil)
        #expect(LogScale(domain: -1...10) == nil)
        #expect(LogScale(domain: 1...Double.infinity) == nil)
    }

    @Test func degenerateDomainsMapToTheMiddle() throws {
        #expect(LinearScale(domain: 5...5).position(of: 5) == 0.5)
        #expect(LinearScale(domain: 5...5).value(at: 0.3) == 5)
        #expect(try #require(LogScale(domain: 5...5)).position(of: 5) == 0.5)
    }
}

@Suite("Tick values")
struct TickTests {
    struct NiceCase: Sendable, CustomTestStringConvertible {
        var min: Double
        var max: Double
        var maxCount: Int
        var ticks: [Double]
        var testDescription: String { "\(min)...\(max) ≤\(maxCount)" }
    }

    @Test(arguments: [
        NiceCase(min: 0, max: 100, maxCount: 5, ticks: [0, 50, 100]),
        NiceCase(min: 0, max: 100, maxCount: 6, ticks: [0, 20, 40, 60, 80, 100]),
        NiceCase(min: 0, max: 100, maxCount: 11, ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
        NiceCase(min: 0.1, max: 0.35, maxCount: 4, ticks: [0.1, 0.2, 0.3]),
        NiceCase(min: 0.1, max: 0.35, maxCount: 6, ticks: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]),
        NiceCase(min: 1150, max: 3060, maxCount: 8, ticks: [1500, 2000, 2500, 3000]),
        NiceCase(min: 1150, max: 3060, maxCount: 10, ticks: [1200, 1400, 1600, 1800, 2000, 2200, 2400, 2600, 2800, 3000]),
        NiceCase(min: -3, max: 7, maxCount: 6, ticks: [-2, 0, 2, 4, 6]),
        NiceCase(min: 7, max: -3, maxCount: 6, ticks: [-2, 0, 2, 4, 6]),
        NiceCase(min: -0.61, max: 0.83, maxCount: 4, ticks: [-0.5, 0, 0.5]),
        NiceCase(min: 5, max: 5, maxCount: 3, ticks: [5]),
        NiceCase(min: 0, max: 10, maxCount: 0, ticks: []),
        NiceCase(min: 0, max: 1, maxCount: 1, ticks: [0]),
    ])
    func niceValues(_ c: NiceCase) {
        #expect(niceTicks(min: c.min, max: c.max, maxCount: c.maxCount) == c.ticks)
    }

    @Test func tickCountsStayWithinTheLimitAndStepsAreNice() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let a = (rng.nextUnit() - 0.5) * pow10Random(&rng)
            let b = a + rng.nextUnit() * pow10Random(&rng)
            let maxCount = Int(rng.next() % 12) + 1
            let ticks = niceTicks(min: a, max: b, maxCount: maxCount)
            #expect(ticks.count <= maxCount)
            #expect(ticks.allSatisfy { $0 >= a - abs(b - a) * 1e-9 && $0 <= b + abs(b - a) * 1e-9 })
            if maxCount >= 2 { #expect(ticks.count >= 1) }
            guard let step = niceTickStep(min: a, max: b, maxCount: maxCount) else { continue }
            var mantissa = step
            while mantissa >= 10 { mantissa /= 10 }
            while mantissa < 1 { mantissa *= 10 }
            #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 })
        }
    }

    private func pow10Random(_ rng: inout SplitMix64) -> Double { powerOfTen(Int(rng.next() % 8)) }

    struct LogCase: Sendable, CustomTestStringConvertible {
        var min: Double
        var max: Double
        var maxCount: Int
        var ticks: [Double]
        var testDescription: String { "log \(min)...\(max) ≤\(maxCount)" }
    }

    @Test(arguments: [
        LogCase(min: 400, max: 125_000, maxCount: 8, ticks: [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]),
        LogCase(min: 400, max: 125_000, maxCount: 5, ticks: [1000, 10_000, 100_000]),
        LogCase(min: 1, max: 1e12, maxCount: 5, ticks: [1, 1e5, 1e10]),
        LogCase(min: 1, max: 1e6, maxCount: 4, ticks: [1, 100, 10_000, 1e6]),
        LogCase(min: 0.01, max: 1, maxCount: 8, ticks: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]),
        LogCase(min: 60_000, max: 120_000, maxCount: 5, ticks: [60_000, 80_000, 100_000, 120_000]),
        LogCase(min: 0, max: 10, maxCount: 5, ticks: []),
    ])
    func logValues(_ c: LogCase) {
        #expect(logTicks(min: c.min, max: c.max, maxCount: c.maxCount) == c.ticks)
    }
}

@Suite("Date ticks")
struct DateTickTests {
    struct DateCase: Sendable, CustomTestStringConvertible {
        var name: String
        var from: String
        var to: String
        var maxCount: Int
        var step: DateStep
        var labels: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        DateCase(name: "12 years", from: "2014-01-02", to: "2026-01-01", maxCount: 8, step: .years(2),
                 labels: ["2016", "2018", "2020", "2022", "2024", "2026"]),
        DateCase(name: "12 years, room for all", from: "2014-01-01", to: "2026-08-21", maxCount: 13, step: .years(1),
                 labels: (2014...2026).map(String.init)),
        DateCase(name: "12 years, tight", from: "2014-01-02", to: "2026-08-21", maxCount: 3, step: .years(5),
                 labels: ["2015", "2020", "2025"]),
        DateCase(name: "1 year", from: "2024-01-01", to: "2024-12-31", maxCount: 6, step: .months(3),
                 labels: ["Jan 2024", "Apr", "Jul", "Oct"]),
        DateCase(name: "1 year, monthly", from: "2024-01-01", to: "2024-12-31", maxCount: 12, step: .months(1),
                 labels: ["Jan 2024", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
        DateCase(name: "1 year across new year", from: "2024-06-15", to: "2025-06-14", maxCount: 5,
                 step: .months(3), labels: ["Jul 2024", "Oct", "Jan 2025", "Apr"]),
        DateCase(name: "3 months", from: "2024-03-10", to: "2024-06-09", maxCount: 8, step: .months(1),
                 labels: ["Apr 2024", "May", "Jun"]),
        DateCase(name: "3 months, weekly", from: "2024-03-10", to: "2024-06-09", maxCount: 13, step: .weeks(1),
                 labels: ["Mar 11", "Mar 18", "Mar 25", "Apr 1", "Apr 8", "Apr 15", "Apr 22", "Apr 29", "May 6",
                          "May 13", "May 20", "May 27", "Jun 3"]),
        DateCase(name: "2 weeks", from: "2024-03-04", to: "2024-03-17", maxCount: 8, step: .weeks(1),
                 labels: ["Mar 4", "Mar 11"]),
        DateCase(name: "2 weeks, daily", from: "2024-02-26", to: "2024-03-10", maxCount: 14, step: .days(1),
                 labels: ["Feb 26", "Feb 27", "Feb 28", "Feb 29", "Mar 1", "Mar 2", "Mar 3", "Mar 4", "Mar 5", "Mar 6",
                          "Mar 7", "Mar 8", "Mar 9", "Mar 10"]),
    ])
    func stepsAndLabels(_ c: DateCase) throws {
        let range = try #require(Day(iso: c.from))...(try #require(Day(iso: c.to)))
        #expect(DateTicks.step(for: range, maxCount: c.maxCount) == c.step)
        let ticks = DateTicks.ticks(in: range, maxCount: c.maxCount)
        #expect(ticks.map(\.label) == c.labels)
        #expect(ticks.count <= c.maxCount)
        #expect(ticks.allSatisfy { range.contains($0.day) })
        if case .weeks = c.step { #expect(ticks.allSatisfy { $0.day.weekday == 1 }) }
    }

    @Test func countsAgreeWithBuiltTicksAcrossManyRanges() {
        var rng = SplitMix64(seed: 5)
        let steps: [DateStep] = [.days(1), .weeks(1), .months(1), .months(3), .years(1), .years(2), .years(5)]
        for _ in 0..<300 {
            let start = Day(rawValue: Int32(15_000 + Int(rng.next() % 6_000)))
            let range = start...start.adding(days: Int(rng.next() % 2_000))
            for step in steps {
                let ticks = DateTicks.ticks(in: range, step: step)
                #expect(DateTicks.count(step, in: range) == ticks.count)
                #expect(ticks.allSatisfy { range.contains($0.day) })
            }
            let maxCount = Int(rng.next() % 15) + 1
            #expect(DateTicks.ticks(in: range, maxCount: maxCount).count <= maxCount)
        }
    }

    @Test func noTicksForAZeroCount() throws {
        let range = try #require(Day(iso: "2024-01-01"))...(try #require(Day(iso: "2024-02-01")))
        #expect(DateTicks.ticks(in: range, maxCount: 0).isEmpty)
    }
}

@Suite("Value formatting")
struct ValueFormatTests {
    struct FormatCase: Sendable, CustomTestStringConvertible {
        var value: Double
        var text: String
        var testDescription: String { "\(value) → \(text)" }
    }

    @Test(arguments: [
        FormatCase(value: 2442.03, text: "2,442"),
        FormatCase(value: 98768.5, text: "98.8k"),
        FormatCase(value: 1_234_567, text: "1.23M"),
        FormatCase(value: 0.0421, text: "0.042"),
        FormatCase(value: 0, text: "0"),
        FormatCase(value: -2442.03, text: "-2,442"),
        FormatCase(value: 12.34, text: "12.3"),
        FormatCase(value: 1.5, text: "1.5"),
        FormatCase(value: 450, text: "450"),
        FormatCase(value: 999.96, text: "1,000"),
        FormatCase(value: 9_999.6, text: "10k"),
        FormatCase(value: 999_960, text: "1M"),
        FormatCase(value: 123_456, text: "123k"),
        FormatCase(value: 1.2e9, text: "1.2B"),
        FormatCase(value: 1.23e13, text: "12.3T"),
        FormatCase(value: 999.4e12, text: "999T"),
        FormatCase(value: 999.6e12, text: "1e15"),
        FormatCase(value: 3.3608e18, text: "3.36e18"),
        FormatCase(value: -9.996e33, text: "-1e34"),
        FormatCase(value: 0.5, text: "0.5"),
        FormatCase(value: 0.999, text: "1"),
        FormatCase(value: -0.0421, text: "-0.042"),
        FormatCase(value: .nan, text: "n/a"),
        FormatCase(value: -.infinity, text: "-inf"),
    ])
    func compact(_ c: FormatCase) {
        #expect(ValueFormat.compact(c.value) == c.text)
    }

    @Test(arguments: [
        FormatCase(value: 2442.03, text: "2,442.03"),
        FormatCase(value: 98768.53, text: "98,768.53"),
        FormatCase(value: 1_234_567.891, text: "1,234,567.89"),
        FormatCase(value: 999.995, text: "1,000.00"),
        FormatCase(value: 12, text: "12.00"),
        FormatCase(value: -0.004, text: "0.00"),
        FormatCase(value: -1234.5, text: "-1,234.50"),
        // Past what two decimals can hold exactly: one suffix, never one per level of fallback.
        FormatCase(value: 3.3608e33, text: "3.36e33"),
    ])
    func price(_ c: FormatCase) {
        #expect(ValueFormat.price(c.value) == c.text)
    }

    @Test(arguments: [
        FormatCase(value: 0.123, text: "+12.3%"),
        FormatCase(value: -0.04, text: "-4.0%"),
        FormatCase(value: 0, text: "0.0%"),
        FormatCase(value: -0.00001, text: "0.0%"),
        FormatCase(value: 1.5, text: "+150.0%"),
        FormatCase(value: 12.5, text: "+1,250.0%"),
    ])
    func percent(_ c: FormatCase) {
        #expect(ValueFormat.percent(c.value) == c.text)
    }

    struct TickCase: Sendable, CustomTestStringConvertible {
        var value: Double
        var step: Double
        var text: String
        var testDescription: String { "\(value) step \(step) → \(text)" }
    }

    @Test(arguments: [
        TickCase(value: 2400, step: 200, text: "2,400"),
        TickCase(value: 0.15, step: 0.05, text: "0.15"),
        TickCase(value: 0, step: 0.1, text: "0.0"),
        TickCase(value: 12_010, step: 10, text: "12.01k"),
        TickCase(value: 100_000, step: 50_000, text: "100k"),
        TickCase(value: 1_500_000, step: 500_000, text: "1.5M"),
        TickCase(value: -0.5, step: 0.5, text: "-0.5"),
    ])
    func tickLabels(_ c: TickCase) {
        #expect(ValueFormat.tick(c.value, step: c.step) == c.text)
    }

    @Test func fixedAndGrouping() {
        #expect(ValueFormat.fixed(1234.5678, decimals: 3) == "1,234.568")
        #expect(ValueFormat.fixed(1234.5678, decimals: 0, grouped: false) == "1235")
        #expect(ValueFormat.groupedDigits(0) == "0")
        #expect(ValueFormat.groupedDigits(100) == "100")
        #expect(ValueFormat.groupedDigits(1000) == "1,000")
        #expect(ValueFormat.groupedDigits(12_345_678) == "12,345,678")
    }
}
