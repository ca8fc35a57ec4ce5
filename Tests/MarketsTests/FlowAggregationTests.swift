import Testing
@testable import Markets

/// A value series from ISO dates and values.
private func flows(_ rows: [(String, Double)]) -> ValueSeries {
    ValueSeries(id: "flows.iwm", points: rows.map { (Day(iso: $0.0)!, $0.1) })
}

@Suite("Monthly sums and running totals of flows")
struct FlowAggregationTests {
    @Test func dailyValuesAreSummedPerMonthOnTheFirst() {
        let daily = flows([("2025-01-02", 100), ("2025-01-15", -250), ("2025-01-31", 50), ("2025-02-01", 10),
                           ("2025-04-30", -5), ("2024-12-31", 7)])
        let monthly = monthlySums(daily)
        #expect(monthly.id == "flows.iwm")
        #expect(monthly.days.map(\.iso) == ["2024-12-01", "2025-01-01", "2025-02-01", "2025-04-01"])
        #expect(monthly.values == [7, -100, 10, -5]) // March has no value and stays out
    }

    @Test func monthlyValuesStayAsTheyAre() {
        let monthly = flows([("2025-01-01", -1.5e9), ("2025-02-01", 2e8), ("2025-03-01", 0)])
        #expect(monthlySums(monthly) == monthly)
        #expect(monthlySums(flows([])).isEmpty)
        // A month-end date is moved to the first of its month.
        #expect(monthlySums(flows([("2025-02-28", 3)])).days.map(\.iso) == ["2025-02-01"])
    }

    @Test func runningTotalStartsAtTheGivenDay() {
        let v = flows([("2025-01-01", 5), ("2025-02-01", -2), ("2025-03-01", 4), ("2025-04-01", -10)])
        let total = runningTotal(v, from: Day(iso: "2025-01-15")!)
        #expect(total.days.map(\.iso) == ["2025-02-01", "2025-03-01", "2025-04-01"])
        #expect(total.values == [-2, 2, -8])
        #expect(runningTotal(v, from: Day(iso: "2025-01-01")!).values == [5, 3, 7, -3])
        #expect(runningTotal(v, from: Day(iso: "2026-01-01")!).isEmpty)
        #expect(runningTotal(flows([]), from: Day(iso: "2025-01-01")!).isEmpty)
    }
}
