/// The one-line question for the SEC's contact, shown at the bottom of the screen until answered or skipped.
public struct SECContactPrompt: Equatable, Sendable {
    /// What the SEC asks, as the line starts.
    public static let question = "The SEC asks for a contact e-mail for its data (flows, loss share):"
    /// The longest answer taken.
    public static let maximumLength = 200

    /// What has been typed.
    public var text = ""
    /// Why the last Enter was refused, if it was.
    public var problem: String?

    public init() {}
}
