import Markets

/// A fund's shares outstanding and NAV per share on one day, as published.
public struct FundSnapshot: Hashable, Sendable {
    public var day: Day
    public var sharesOutstanding: Double
    /// NAV per share; nil when the day's NAV is missing.
    public var nav: Double?

    public init(day: Day, sharesOutstanding: Double, nav: Double?) {
        self.day = day
        self.sharesOutstanding = sharesOutstanding
        self.nav = nav
    }
}
