/// How a figure quoted in the press relates to the true value.
public enum PressQualifier: String, Hashable, Sendable {
    /// The figure as stated, with no hedge.
    case exact
    /// The true figure's size exceeds the stated one: an outflow of "more than $20 billion" is
    /// stored as -20 with this qualifier.
    case moreThan
    /// The figure is rounded or approximate ("about", "approx").
    case approximately

    /// A short prefix for a label: "" / ">" / "~".
    public var symbol: String {
        switch self {
        case .exact: return ""
        case .moreThan: return ">"
        case .approximately: return "~"
        }
    }
}

/// A small-cap ETF net flow over a period, as reported in the press with its source.
///
/// A single fact to draw as a labelled point, never to join into a line with others: periods,
/// funds and providers differ from figure to figure.
public struct PressFlowFigure: Hashable, Sendable {
    /// The period the flow covers, first and last day included.
    public var period: DayRange
    /// The fund (`IWM`) or group of funds the figure is about.
    public var fundOrGroup: String
    /// The net flow in billions of US dollars; negative for an outflow.
    public var netFlowUSDBillions: Double
    /// How the figure relates to the true value.
    public var qualifier: PressQualifier
    /// What is measured, in words.
    public var metricDefinition: String
    /// Who produced the number, as the article names them.
    public var dataProvider: String
    /// The article that reports it.
    public var sourceURL: String
    /// A short label for the chart.
    public var label: String
}

/// A share of loss-making Russell 2000 companies at a point in time, as reported in the press.
///
/// A single fact to draw as a labelled point, never to join into a line with others: the
/// definitions ("negative earnings", "breaking even or loss-making") and providers differ.
public struct PressLossShareFigure: Hashable, Sendable {
    /// The day the share is as of; a year or month stands for its last day.
    public var asOf: Day
    /// The as-of date as the source gives it: `1994`, `2020-06`, `2024-09-30`.
    public var asOfText: String
    /// The group of companies.
    public var group: String
    /// The share in percent, 0…100.
    public var sharePercent: Double
    /// How the figure relates to the true value.
    public var qualifier: PressQualifier
    /// What is counted as loss-making, in the source's words.
    public var metricDefinition: String
    /// Who produced the number, as the article names them.
    public var dataProvider: String
    /// The article that reports it.
    public var sourceURL: String
    /// A short label for the chart.
    public var label: String
}

/// Figures on small-cap ETF flows and loss-making Russell 2000 companies, quoted from the press.
///
/// They are facts reported with their source, shipped as context for the flows and loss-share panels;
/// they are drawn as labelled points and never stored or joined as a series. A year or month "as of"
/// stands for its last day.
///
/// Left out, because the cited tables mark them as low reliability or they are not a percentage:
/// - IWM -10.8 bn and VB +0.12 bn, 2025-01-01 … 2025-11-05 (ginlix.ai): an automatically written news
///   summary whose underlying source and as-of date are unclear;
/// - "over 40%" as of 2023-08 (mehabe.com blog post): low reliability, no data provider named;
/// - "about 36%" at 2024-12-31 (FactSet / Goldman Sachs chart seen only through a Reddit post):
///   secondary, marked low reliability;
/// - 806 firms with negative EPS by 2025-10 (ainvest.com): a count of firms, not a percentage, from an
///   automatically written article;
/// - 44% as of 2025-11 (ginlix.ai): the same low-reliability summary as above.
public enum PressFigures {
    /// Reported small-cap ETF net flows, oldest period first.
    public static let flows: [PressFlowFigure] = [
        PressFlowFigure(
            period: day(2024, 1, 1)...day(2024, 8, 31), fundOrGroup: "US small-cap equity ETFs",
            netFlowUSDBillions: -20, qualifier: .moreThan,
            metricDefinition: "net flows of the US small-cap equity ETF category, year to date",
            dataProvider: "State Street Global Advisors",
            sourceURL: "https://tipsfortraders.com/2024/09/06/small-cap-vs-large-cap-who-will-win-the-etf-battle-in-2024",
            label: "Small-cap ETFs 2024 to Aug: >$20bn out"),
        PressFlowFigure(
            period: day(2024, 8, 1)...day(2024, 8, 31), fundOrGroup: "US small-cap equity ETFs",
            netFlowUSDBillions: -1, qualifier: .moreThan,
            metricDefinition: "net flows of the US small-cap equity ETF category in the month",
            dataProvider: "State Street Global Advisors",
            sourceURL: "https://tipsfortraders.com/2024/09/06/small-cap-vs-large-cap-who-will-win-the-etf-battle-in-2024",
            label: "Small-cap ETFs Aug 2024: >$1bn out"),
        PressFlowFigure(
            period: day(2025, 11, 1)...day(2025, 11, 30), fundOrGroup: "IWM",
            netFlowUSDBillions: 3.7, qualifier: .exact,
            metricDefinition: "net flows into the fund in the month",
            dataProvider: "ETF.com",
            sourceURL: "https://www.marketdash.io/news/55338/small-cap-etf-just-pulled-3-billion-are-investors-positioning-for-2026s-surprise-rally",
            label: "IWM Nov 2025: +$3.7bn"),
        PressFlowFigure(
            period: day(2025, 11, 24)...day(2025, 11, 28), fundOrGroup: "IWM",
            netFlowUSDBillions: 2.78, qualifier: .exact,
            metricDefinition: "net flows into the fund in the holiday-shortened week",
            dataProvider: "ETF.com",
            sourceURL: "https://www.marketdash.io/news/55338/small-cap-etf-just-pulled-3-billion-are-investors-positioning-for-2026s-surprise-rally",
            label: "IWM week to 28 Nov 2025: +$2.78bn"),
    ]

    /// Reported shares of loss-making Russell 2000 companies, oldest first.
    public static let lossShare: [PressLossShareFigure] = [
        PressLossShareFigure(
            asOf: day(1994, 12, 31), asOfText: "1994", group: "Russell 2000", sharePercent: 14, qualifier: .exact,
            metricDefinition: "share of Russell 2000 companies with negative earnings",
            dataProvider: "Bloomberg Finance L.P.",
            sourceURL: "https://fsinvestments.com/fs-insights/chart-of-the-week-2024-11-15-small-cap-negative-earnings",
            label: "1994: 14% negative earnings (Bloomberg)"),
        PressLossShareFigure(
            asOf: day(2010, 12, 31), asOfText: "2010", group: "Russell 2000", sharePercent: 44, qualifier: .exact,
            metricDefinition: "share of Russell 2000 companies breaking even or loss-making",
            dataProvider: "FTSE Russell, as reported by the Financial Times",
            sourceURL: "https://pymnts.com/trends/2010",
            label: "2010: 44% break-even or loss (FTSE Russell)"),
        PressLossShareFigure(
            asOf: day(2020, 6, 30), asOfText: "2020-06", group: "Russell 2000", sharePercent: 42, qualifier: .exact,
            metricDefinition: "share of Russell 2000 companies breaking even or loss-making",
            dataProvider: "FTSE Russell, as reported by the Financial Times",
            sourceURL: "https://pymnts.com/trends/2010",
            label: "Jun 2020: 42% break-even or loss (FTSE Russell)"),
        PressLossShareFigure(
            asOf: day(2024, 9, 30), asOfText: "2024-09", group: "Russell 2000", sharePercent: 42, qualifier: .exact,
            metricDefinition: "share of Russell 2000 companies with negative earnings",
            dataProvider: "Apollo (Torsten Slok)",
            sourceURL: "https://voronoiapp.com/markets/Just-6-of-SP-500-Firms-Are-Unprofitable--3372",
            label: "Sep 2024: 42% negative earnings (Apollo)"),
        PressLossShareFigure(
            asOf: day(2024, 9, 30), asOfText: "2024-09-30", group: "Russell 2000", sharePercent: 43, qualifier: .exact,
            metricDefinition: "share of Russell 2000 companies with negative earnings",
            dataProvider: "Bloomberg Finance L.P.",
            sourceURL: "https://fsinvestments.com/fs-insights/chart-of-the-week-2024-11-15-small-cap-negative-earnings",
            label: "Q3 2024: 43% negative earnings (Bloomberg)"),
    ]

    /// A day written in this table; the dates above all exist.
    private static func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
        Day(year: year, month: month, day: dayOfMonth)!
    }
}
