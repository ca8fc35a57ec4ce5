import Foundation
import Testing
@testable import Markets

/// Seeded returns on a grid of 2⁻²⁰, so that adding any whole or half constant up to 10⁶ is exact.
///
/// With arbitrary doubles, `x + 1e6` itself rounds away about 10⁻¹⁰ of each return, which changes the true
/// correlation by far more than 10⁻¹²; exact inputs make the test measure the algorithm and not that rounding.
private func gridReturns(seed: UInt64, count: Int, sigma: Double) -> [Double] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in (rng.nextGaussian() * sigma * 0x1p20).rounded() / 0x1p20 }
}

@Suite("Rolling correlation: shift and scale stability")
struct CorrelationStabilityTests {
    struct Transform: Sendable, CustomTestStringConvertible {
        var shift: Double
        var scale: Double
        var onBothSides: Bool
        var testDescription: String { "x·\(scale) + \(shift)" + (onBothSides ? " on both sides" : "") }
        func apply(_ v: [Double]) -> [Double] { v.map { $0 * scale + shift } }
    }

    static let transforms: [Transform] = [
        Transform(shift: 1, scale: 1, onBothSides: false),
        Transform(shift: 0.5, scale: 1, onBothSides: true),
        Transform(shift: 1234.5, scale: 1, onBothSides: false),
        Transform(shift: 1e6, scale: 1, onBothSides: false),
        Transform(shift: -1e6, scale: 1, onBothSides: true),
        Transform(shift: 0, scale: 1e-6, onBothSides: false),
        Transform(shift: 0, scale: 1e6, onBothSides: false),
        Transform(shift: 0, scale: 1e6, onBothSides: true),
        Transform(shift: 0, scale: 1e-6, onBothSides: true),
    ]

    @Test(arguments: transforms)
    func shiftedOrScaledReturnsKeepTheCorrelation(_ t: Transform) {
        for seed in UInt64(1)...4 {
            let x = gridReturns(seed: seed, count: 1500, sigma: 0.012)
            let noise = gridReturns(seed: seed + 100, count: 1500, sigma: 0.03)
            let y = zip(x, noise).map { $0 * 0.75 + $1 } // correlated, still on a grid exact under the shifts
            for w in [2, 30, 90, 180] {
                let base = rollingPearson(x, y, window: w)
                let moved = rollingPearson(t.apply(x), t.onBothSides ? t.apply(y) : y, window: w)
                var worst = 0.0
                for (a, b) in zip(base, moved) {
                    #expect(a.isNaN == b.isNaN)
                    if !a.isNaN, !b.isNaN { worst = max(worst, abs(a - b)) }
                }
                #expect(worst <= 1e-12, "seed \(seed), window \(w): worst difference \(worst)")
            }
            let full = fullSamplePearson(x, y).value
            let movedFull = fullSamplePearson(t.apply(x), t.onBothSides ? t.apply(y) : y).value
            #expect(abs(full - movedFull) <= 1e-12)
        }
    }

    /// The test has teeth: raw one-pass sums (Σx, Σx², Σxy) lose the correlation entirely after a shift of 10⁶.
    @Test func rawSumsWouldFailTheShiftTest() {
        let x = gridReturns(seed: 9, count: 90, sigma: 0.012)
        let y = gridReturns(seed: 10, count: 90, sigma: 0.03)
        func rawSums(_ x: [Double], _ y: [Double]) -> Double {
            let n = Double(x.count)
            let sx = x.reduce(0, +), sy = y.reduce(0, +)
            let sxx = x.reduce(0) { $0 + $1 * $1 }, syy = y.reduce(0) { $0 + $1 * $1 }
            let sxy = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            return (n * sxy - sx * sy) / ((n * sxx - sx * sx) * (n * syy - sy * sy)).squareRoot()
        }
        let shifted = x.map { $0 + 1e6 }
        let stable = rollingPearson(shifted, y, window: 90)[89]
        #expect(abs(stable - textbookPearson(x[...], y[...])) <= 1e-12)
        #expect(!(abs(rawSums(shifted, y) - textbookPearson(x[...], y[...])) <= 1e-6))
    }
}
