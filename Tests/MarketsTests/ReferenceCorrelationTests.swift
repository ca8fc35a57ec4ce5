import Foundation
import Testing
import TestSupport
@testable import Markets

/// Log returns between the dates both files have, joined with a dictionary rather than `AlignedPair`.
private struct JoinedReturns {
    /// The later date of each return.
    var dates: [String] = []
    var index: [Double] = []
    var bitcoin: [Double] = []
    var sharedDates = 0

    init(index: ReferenceCloses, bitcoin: ReferenceCloses) {
        let coinByDate = Dictionary(uniqueKeysWithValues: zip(bitcoin.dates, bitcoin.closes))
        var previous: (Double, Double)?
        for (date, close) in zip(index.dates, index.closes) {
            guard let coin = coinByDate[date] else { continue }
            sharedDates += 1
            if let (p, q) = previous {
                dates.append(date)
                self.index.append(log(close) - log(p))
                self.bitcoin.append(log(coin) - log(q))
            }
            previous = (close, coin)
        }
    }
}

@Suite("Rolling correlation on the reference history", .enabled(if: ReferenceData.directory != nil, "needs ../shared/data"))
struct ReferenceCorrelationTests {
    @Test(arguments: [30, 90, 180])
    func agreesWithTheTextbookFormulaEveryFiftiethDay(_ window: Int) throws {
        let rut = try ReferenceCloses("rut_daily.csv"), btc = try ReferenceCloses("btc_usd_daily.csv")
        let joined = JoinedReturns(index: rut, bitcoin: btc)
        let rc = RollingCorrelation(rut.series(.rut), btc.series(.btc), window: window)
        #expect(rc.alignedDayCount == joined.sharedDates)
        #expect(rc.days.map(\.iso) == joined.dates)
        var checked = 0
        for i in stride(from: window - 1, to: joined.dates.count, by: 50) {
            let lo = i - window + 1
            let expected = textbookPearson(joined.index[lo...i], joined.bitcoin[lo...i])
            #expect(abs(rc.values[i] - expected) <= 1e-9, "window \(window) ending \(joined.dates[i])")
            checked += 1
        }
        #expect(checked > 40)
        #expect(rc.values.prefix(window - 1).allSatisfy { $0.isNaN })
        #expect(rc.values.dropFirst(window - 1).allSatisfy { !$0.isNaN && abs($0) <= 1 })
        let full = textbookPearson(joined.index[...], joined.bitcoin[...])
        #expect(abs(rc.fullSample - full) <= 1e-12)
        #expect(rc.returnCount == joined.dates.count)
    }

    @Test func printsTheHeadlineNumbers() throws {
        let rut = try ReferenceCloses("rut_daily.csv").series(.rut)
        let btc = try ReferenceCloses("btc_usd_daily.csv").series(.btc)
        let day = try #require(Day(iso: "2024-11-25"))
        for window in [30, 90, 180] {
            let rc = RollingCorrelation(rut, btc, window: window)
            let value = try #require(rc.value(onOrBefore: day))
            print("correlation \(window)d on \(day.iso): \(value)")
            if window == 90 {
                print("full-sample correlation: \(rc.fullSample), aligned days \(rc.alignedDayCount), "
                    + "returns \(rc.returnCount), \(rc.days.first!.iso)...\(rc.days.last!.iso)")
            }
            #expect(abs(value) <= 1)
        }
    }
}
