import Testing

extension FuzzBudget {
    /// Runs a property whose every case ends one of two ways (say, accepted or refused), and checks that
    /// both outcomes occurred. (How long cases take is reported by a long run, never asserted.)
    ///
    /// - Parameter body: one case; returns which way it ended.
    public static func checkTwoOutcomes(_ label: String, quickCases: Int,
                                        _ body: (_ seed: UInt64, _ random: inout SeededRandom) throws -> Bool) throws {
        var outcomes = [true: 0, false: 0]
        try FuzzBudget(quickCases: quickCases).run(label) { seed, random in
            outcomes[try body(seed, &random), default: 0] += 1
        }
        #expect(outcomes[true]! > 0 && outcomes[false]! > 0, "\(label): both outcomes should occur: \(outcomes)")
    }
}
