import Testing
@testable import Markets

@Suite("Demo market")
struct DemoMarketTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        var unit = SplitMix64(seed: 9)
        for _ in 0..<1_000 {
            let u = unit.nextUnit()
            #expect(u >= 0 && u < 1)
        }
    }

    @Test(arguments: [UInt64(0), 1, 42, 0xDEAD_BEEF])
    func sameSeedSameData(_ seed: UInt64) {
        let first = DemoMarket.generate(seed: seed)
        let second = DemoMarket.generate(seed: seed)
        #expect(first.rut == second.rut)
        #expect(first.btc == second.btc)
    }

    @Test func differentSeedsDiffer() {
        let a = DemoMarket.generate(seed: 1), b = DemoMarket.generate(seed: 2)
        #expect(a.rut.closes != b.rut.closes)
        #expect(a.btc.closes != b.btc.closes)
    }

    @Test func indexTradesOnWeekdaysWithConsistentBars() throws {
        let rut = DemoMarket.generate(seed: 7).rut
        #expect(rut.id == .rut)
        #expect(rut.days.first == DemoMarket.firstDay)
        #expect(rut.days.last == DemoMarket.lastDay)
        #expect(rut.days.allSatisfy { (1...5).contains($0.weekday) })
        #expect(rut.count > 3_200 && rut.count < 3_320)
        #expect(abs(rut.closes[0] / 1150 - 1) < 0.05)
        for i in 0..<rut.count {
            let bar = rut.bar(at: i)
            let high = try #require(bar.high), low = try #require(bar.low), open = try #require(bar.open)
            #expect(high >= bar.close && high >= open && low <= bar.close && low <= open && low > 0)
        }
    }

    @Test func coinTradesEveryDayAndSwingsHarder() {
        let (rut, btc) = DemoMarket.generate(seed: 7)
        #expect(btc.id == .btc)
        #expect(btc.count == DemoMarket.firstDay.distance(to: DemoMarket.lastDay) + 1)
        #expect(abs(btc.closes[0] / 450 - 1) < 0.05)
        #expect(btc.closes.max()! / btc.closes.min()! > 100)
        #expect(standardDeviation(logReturns(btc.closes)) > 2 * standardDeviation(logReturns(rut.closes)))
        #expect(btc.days.indices.dropFirst().allSatisfy { btc.days[$0 - 1].distance(to: btc.days[$0]) == 1 })
    }

    @Test(arguments: [UInt64(1), 7, 99])
    func indexHasBreakoutsAfterQuietSpells(_ seed: UInt64) {
        let rut = DemoMarket.generate(seed: seed).rut
        for basis in BreakoutBasis.allCases {
            let breakouts = detectBreakouts(in: rut, basis: basis)
            #expect(breakouts.count >= 2)
            #expect(breakouts.contains { $0.quietDays >= 500 })
        }
    }

    private func standardDeviation(_ values: [Double]) -> Double {
        let finite = values.filter(\.isFinite)
        let mean = finite.reduce(0, +) / Double(finite.count)
        return (finite.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(finite.count)).squareRoot()
    }
}
