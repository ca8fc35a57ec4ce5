import Foundation

/// A small, fast, seeded random number generator (SplitMix64), so a failing random input can be replayed.
///
/// Every property test prints or records the seed it used; rerun with `RESONANCE_SEED=<seed>` to get the
/// same inputs again.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Makes a generator; the same seed always gives the same sequence.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in a closed range.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with a probability.
    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    /// One element of a non-empty collection.
    public mutating func pick<C: Collection>(_ choices: C) -> C.Element {
        choices[choices.index(choices.startIndex, offsetBy: Int.random(in: 0..<choices.count, using: &self))]
    }

    /// Random bytes, `count` of them.
    public mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

/// How long and from which seed the randomised tests run.
///
/// By default each property runs a fixed, small number of cases from a fixed seed, so `swift test` is
/// quick and repeatable. Set `RESONANCE_FUZZ_SECONDS=600` to keep generating new cases for that long per
/// property (the long run), and `RESONANCE_SEED=N` to replay a run.
public struct FuzzBudget: Sendable {
    /// The first seed; case `k` uses `seed + k`.
    public var seed: UInt64
    /// Cases to run when no time budget is set.
    public var quickCases: Int
    /// Seconds to keep running, when the environment asks for a long run.
    public var seconds: Double?

    /// The budget from the environment, with `quickCases` for the quick run.
    public init(quickCases: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.quickCases = quickCases
        seed = environment["RESONANCE_SEED"].flatMap { UInt64($0) } ?? 20_260_425
        seconds = environment["RESONANCE_FUZZ_SECONDS"].flatMap { Double($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Runs `body` once per case with its own generator until the budget is spent; returns the cases run
    /// and the seconds taken.
    ///
    /// `body` gets the case's seed too, to put in failure messages.
    @discardableResult
    public func run(_ body: (_ seed: UInt64, _ random: inout SeededRandom) throws -> Void) rethrows -> (cases: Int, seconds: Double) {
        let started = Date()
        var cases = 0
        while true {
            if let seconds {
                if Date().timeIntervalSince(started) >= seconds { break }
            } else if cases >= quickCases {
                break
            }
            let caseSeed = seed &+ UInt64(cases)
            var random = SeededRandom(seed: caseSeed)
            try body(caseSeed, &random)
            cases += 1
        }
        let elapsed = Date().timeIntervalSince(started)
        if seconds != nil {
            FileHandle.standardError.write(Data("fuzz: \(cases) cases in \(String(format: "%.1f", elapsed)) s from seed \(seed)\n".utf8))
        }
        return (cases, elapsed)
    }
}
