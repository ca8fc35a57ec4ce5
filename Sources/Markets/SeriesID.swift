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

    // MARK: - Observation series (defined here only; every module names them through these)

    /// The prefix of a fund's net flows, `flows.<fund>`.
    public static let flowsPrefix = "flows."

    /// A fund's net flows in US dollars: `flows.` and the fund in lower case (`flows.iwm`).
    public static func flows(fund: String) -> SeriesID { SeriesID(flowsPrefix + fund.lowercased()) }

    /// The fund of a flows series (`iwm` for `flows.iwm`), or nil for any other series.
    public var flowsFund: String? {
        rawValue.hasPrefix(Self.flowsPrefix) ? String(rawValue.dropFirst(Self.flowsPrefix.count)) : nil
    }

    /// Every fund's flows summed by month, as the flows panel draws them (computed, never stored).
    public static let allFlows: SeriesID = "flows.all"

    /// The share of loss-making Russell 2000 companies, in percent, by quarter.
    public static let lossShare: SeriesID = "loss_share.r2k"
    /// Beside `lossShare`, the counts behind it: companies that reported, that did not, that matched a
    /// filer, and the constituents asked about.
    public static let lossShareReported: SeriesID = "loss_share.r2k.reported"
    public static let lossShareMissing: SeriesID = "loss_share.r2k.missing"
    public static let lossShareMatched: SeriesID = "loss_share.r2k.matched"
    public static let lossShareConstituents: SeriesID = "loss_share.r2k.constituents"
    /// Beside `lossShare`: the loss-making count, the single-quarter share, and the report date of the
    /// holdings used as the quarter's constituents (days since 1970-01-01).
    public static let lossShareLossMaking: SeriesID = "loss_share.r2k.loss_making"
    public static let lossShareQuarter: SeriesID = "loss_share.r2k.quarter"
    public static let lossShareConstituentsAsOf: SeriesID = "loss_share.r2k.constituents_as_of"

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
