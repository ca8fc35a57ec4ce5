/// The name of a stored series, such as `rut`, `btc` or `flows.iwm`.
public struct SeriesID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id as stored and typed on the command line.
    public var rawValue: String

    /// Makes an id from its stored name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: SeriesID, rhs: SeriesID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The Russell 2000 price index, ^RUT.
    public static let rut: SeriesID = "rut"
    /// Bitcoin in US dollars, BTC-USD, UTC days.
    public static let btc: SeriesID = "btc"
    /// The iShares Russell 2000 ETF, as traded.
    public static let iwm: SeriesID = "iwm"

    /// Not a series of values: the name under which the daily fundamentals refresh (fund snapshots and
    /// SEC frames) records its fetch status beside the price series.
    public static let fundamentals: SeriesID = "fundamentals"

    /// The price series a user can import with `--series`.
    public static let priceSeries: [SeriesID] = [.rut, .btc, .iwm]

    /// A short human label for legends and readouts.
    public var label: String {
        switch self {
        case .rut: return "Russell 2000"
        case .btc: return "Bitcoin"
        case .iwm: return "IWM"
        default: return rawValue
        }
    }

    /// The market's ticker as shown on screen.
    public var ticker: String {
        switch self {
        case .rut: return "^RUT"
        case .btc: return "BTC-USD"
        case .iwm: return "IWM"
        default: return rawValue
        }
    }
}
