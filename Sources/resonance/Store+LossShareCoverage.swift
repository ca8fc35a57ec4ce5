import Dashboard
import Feeds

extension Store {
    /// The counts stored beside the loss-making share by `fetch --fundamentals` (empty when it was imported).
    func lossShareCoverage() throws -> LossShareCoverage {
        LossShareCoverage(constituents: try loadObservations(LossShareCoverage.constituentsID),
                          matched: try loadObservations(LossShareCoverage.matchedID),
                          reported: try loadObservations(LossShareCoverage.reportedID),
                          lossMaking: try loadObservations(LossShareCoverage.lossMakingID),
                          quarterShare: try loadObservations(LossShareCoverage.quarterShareID),
                          constituentsAsOf: try loadObservations(LossShareCoverage.constituentsAsOfID))
    }
}
