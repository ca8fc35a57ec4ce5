import Testing

extension FuzzBudget {
    /// Runs a property whose every case ends one of two ways (say, accepted or refused), and checks that
    /// both outcomes occurred and that no case took `slowestAllowed` seconds (so only a hang trips it).
    ///
    /// - Parameter body: one case; returns which way it ended.
    public static func checkTwoOutcomes(_ label: String, quickCases: Int, slowestAllowed: Double = 10,
                                        _ body: (_ seed: UInt64, _ random: inout SeededRandom) throws -> Bool) throws {
        var outcomes = [true: 0, false: 0]
        let run = try FuzzBudget(quickCases: quickCases).run(label) { seed, random in
            outcomes[try body(seed, &random), default: 0] += 1
        }
        #expect(outcomes[true]! > 0 && outcomes[false]! > 0, "\(label): both outcomes should occur: \(outcomes)")
        #expect(run.slowestCase < slowestAllowed, "\(label): seed \(run.slowestSeed) took \(run.slowestCase) s")
    }
}
