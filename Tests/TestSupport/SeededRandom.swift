import Foundation
import Markets

/// A small, fast, seeded random number generator (SplitMix64), so a failing random input can be replayed.
///
/// Every property test prints or records the seed it used; rerun with `RESONANCE_SEED=<seed>` to get the
/// same inputs again.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var generator: SplitMix64

    /// Makes a generator; the same seed always gives the same sequence.
    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public mutating func next() -> UInt64 { generator.next() }

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
/// quick and repeatable. The long runs are opt-in: `RESONANCE_FUZZ_SECONDS=600` keeps generating new
/// cases for that long per property, `RESONANCE_FUZZ_ITERATIONS=100000` runs that many cases per property
/// (the same ones on every machine), and `RESONANCE_SEED=N` replays a run.
public struct FuzzBudget: Sendable {
    /// The first seed; case `k` uses `seed + k`.
    public var seed: UInt64
    /// Cases to run when no long run is asked for.
    public var quickCases: Int
    /// Cases to run instead of `quickCases`, when the environment asks for a long run by count.
    public var iterations: Int?
    /// Seconds to keep running, when the environment asks for a long run by time.
    public var seconds: Double?

    /// The budget from the environment, with `quickCases` for the quick run.
    public init(quickCases: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.quickCases = quickCases
        seed = environment["RESONANCE_SEED"].flatMap { UInt64($0) } ?? 20_260_425
        seconds = environment["RESONANCE_FUZZ_SECONDS"].flatMap { Double($0) }.flatMap { $0 > 0 ? $0 : nil }
        iterations = environment["RESONANCE_FUZZ_ITERATIONS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Whether this is a long run (by time or by count), not the quick one.
    public var isLong: Bool { seconds != nil || iterations != nil }

    /// Runs `body` once per case with its own generator until the budget is spent, and times every case.
    ///
    /// `body` gets the case's seed too, to put in failure messages. A long run reports its cases, time and
    /// slowest case on standard error, under `label`.
    @discardableResult
    public func run(_ label: String = "", _ body: (_ seed: UInt64, _ random: inout SeededRandom) throws -> Void) rethrows -> FuzzRun {
        let started = Date()
        var result = FuzzRun()
        while true {
            if let seconds {
                if Date().timeIntervalSince(started) >= seconds { break }
                if let iterations, result.cases >= iterations { break }
            } else if result.cases >= (iterations ?? quickCases) {
                break
            }
            let caseSeed = seed &+ UInt64(result.cases)
            var random = SeededRandom(seed: caseSeed)
            let caseStarted = Date()
            try body(caseSeed, &random)
            let caseSeconds = Date().timeIntervalSince(caseStarted)
            if caseSeconds > result.slowestCase { (result.slowestCase, result.slowestSeed) = (caseSeconds, caseSeed) }
            result.cases += 1
        }
        result.seconds = Date().timeIntervalSince(started)
        if isLong {
            let name = label.isEmpty ? "" : " \(label)"
            let line = "fuzz\(name): \(result.cases) cases in \(String(format: "%.1f", result.seconds)) s from seed \(seed)"
                + ", slowest \(String(format: "%.1f", result.slowestCase * 1000)) ms (seed \(result.slowestSeed))\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return result
    }
}

/// What one `FuzzBudget.run` did: how many cases, how long, and which case took longest.
public struct FuzzRun: Sendable {
    public var cases = 0
    public var seconds = 0.0
    /// The longest time one case took, in seconds, and that case's seed.
    public var slowestCase = 0.0
    public var slowestSeed: UInt64 = 0

    public init() {}
}
