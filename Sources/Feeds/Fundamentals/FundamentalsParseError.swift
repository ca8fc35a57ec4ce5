/// Why a publisher's answer could not be read: where in the answer, and what is wrong there.
///
/// Printed as `WHERE: what`, such as `IWM filing 0001752724-24-123456: fundInfo/mon2Flow sales is 'N/A', not an amount in USD`.
public struct FundamentalsParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The answer and the place in it (a line, a field, an entry).
    public var location: String
    /// What is wrong there.
    public var problem: String

    /// Makes an error for a place in an answer.
    public init(_ location: String, _ problem: String) {
        self.location = location
        self.problem = problem
    }

    public var description: String { "\(location): \(problem)" }
}
