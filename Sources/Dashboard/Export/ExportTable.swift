import Foundation
import Markets

/// A table of numbers for `export`: named columns and rows, printed as CSV or JSON.
public struct ExportTable: Equatable, Sendable {
    /// One cell: text, or a number that may be missing (printed empty in CSV, null in JSON).
    public enum Value: Equatable, Sendable {
        case text(String)
        case number(Double?)
        case integer(Int)
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as CSV with a header line; missing numbers are empty cells.
    public var csv: String {
        var out = columns.joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { value -> String in
                switch value {
                case .text(let s): return ExportTable.csvField(s)
                case .number(let d): return d.flatMap(ExportTable.number) ?? ""
                case .integer(let i): return String(i)
                }
            }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The table as a JSON array of objects keyed by column; missing numbers are null.
    public var json: String {
        let items = rows.map { row -> String in
            let fields = zip(columns, row).map { column, value -> String in
                let v: String
                switch value {
                case .text(let s): v = jsonString(s)
                case .number(let d): v = d.flatMap(ExportTable.number) ?? "null"
                case .integer(let i): v = String(i)
                }
                return "\(jsonString(column)): \(v)"
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The shortest text that reads back as the same double; nil for NaN and infinities.
    static func number(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

/// The analysis panels' numbers as tables, exactly as the panels draw them.
public enum AnalysisExport {
    /// The rolling correlation for a window: one row per aligned day in the range.
    public static func correlation(_ data: MarketData, window: Int, range: DayRange?) -> ExportTable {
        var table = ExportTable(columns: ["date", "window_days", "correlation"])
        let c = data.derived.correlation(window: window)?.correlation ?? RollingCorrelation(data.index, data.bitcoin, window: window)
        for (day, r) in zip(c.days, c.values) where range?.contains(day) ?? true {
            table.rows.append([.text(day.iso), .integer(window), .number(r.isNaN ? nil : r)])
        }
        return table
    }

    /// Each halving cycle: Bitcoin's close over its halving-day close, by day since the halving.
    public static func cycles(_ data: MarketData, range: DayRange?) -> ExportTable {
        var table = ExportTable(columns: ["halving", "halving_date", "base_date", "day", "date", "multiple"])
        for cycle in data.analysis.cycles.cycles {
            for (n, m) in zip(cycle.daysSinceHalving, cycle.multiples) {
                let day = cycle.halving.day.adding(days: n)
                guard range?.contains(day) ?? true else { continue }
                table.rows.append([.integer(cycle.halving.number), .text(cycle.halving.day.iso), .text(cycle.baseDay.iso),
                                   .integer(n), .text(day.iso), .number(m)])
            }
        }
        return table
    }

    /// Returns after each breakout on a basis, per series and horizon; a day still ahead is empty.
    ///
    /// Beside each return: its mid-rank `percentile` among the series' returns over the same horizon from every
    /// start day of its history, that base rate's median (`base_median`) and share of gains (`base_share_up`),
    /// and the breakout's `days_since_halving` (empty before the first halving).
    public static func aftermath(_ data: MarketData, basis: BreakoutBasis, range: DayRange?) -> ExportTable {
        var table = ExportTable(columns: ["basis", "breakout_date", "series", "horizon_days", "return", "percentile",
                                          "base_median", "base_share_up", "days_since_halving"])
        let rates = data.derived.baseRates
            ?? AftermathEvidence.measure(data.analysis.aftermath, index: data.index, bitcoin: data.bitcoin)
        guard let a = data.analysis.aftermath[basis], let evidence = rates[basis], let confound = data.analysis.confound[basis]
        else { return table }
        for (i, e) in a.episodes.enumerated() where range?.contains(e.breakout.day) ?? true {
            let days: ExportTable.Value = confound.rows[i].daysSinceHalving.map { .integer($0) } ?? .number(nil)
            for (series, returns, rates) in [("btc", e.bitcoinReturns, evidence.bitcoin), ("rut", e.indexReturns, evidence.index)] {
                for (h, r) in zip(a.horizons.indices, returns) {
                    table.rows.append([.text(basis.rawValue), .text(e.breakout.day.iso), .text(series),
                                       .integer(a.horizons[h]), .number(r), .number(rates[h].percentiles[i]),
                                       .number(rates[h].median), .number(rates[h].shareUp), days])
                }
            }
        }
        return table
    }

    /// The lead–lag correlation of the index's and Bitcoin's daily log returns, one row per lag from `-maxLag`
    /// to `maxLag` (positive: the index leads), over returns ending in the range; an undefined one is empty.
    public static func leadLag(_ data: MarketData, maxLag: Int, range: DayRange?) -> ExportTable {
        var table = ExportTable(columns: ["lag", "correlation", "pairs"])
        let leadLag = LeadLag(data.index, data.bitcoin, maxLag: maxLag, range: range)
        for point in leadLag.points {
            table.rows.append([.integer(point.lag), .number(point.correlation.isNaN ? nil : point.correlation),
                               .integer(point.pairs)])
        }
        return table
    }

    /// Monthly net flows per fund and summed, with running totals from the start of the range.
    public static func flows(_ data: MarketData, range: DayRange?) -> ExportTable {
        var table = ExportTable(columns: ["month", "fund", "net_flow_usd", "running_total_usd"])
        let funds = data.analysis.flows.map { (monthlySums($0), $0.id.flowsFund ?? $0.id.rawValue) }
            + [(data.analysis.monthlyFlows, "all")]
        for (monthly, name) in funds {
            var total = 0.0
            for (day, value) in zip(monthly.days, monthly.values) where range?.contains(day) ?? true {
                total += value
                table.rows.append([.text(String(day.iso.prefix(7))), .text(name), .number(value), .number(total)])
            }
        }
        return table
    }

    /// A stored price series, one row per day; fields the source did not give are missing.
    public static func series(_ series: Series) -> ExportTable {
        var table = ExportTable(columns: ["date", "open", "high", "low", "close", "volume"])
        table.rows = series.bars.map { b in
            [.text(b.day.iso), .number(b.open), .number(b.high), .number(b.low), .number(b.close), .number(b.volume)]
        }
        return table
    }

    /// The loss-making share by quarter: the trailing-twelve-month share, the single-quarter share and the
    /// counts behind them (empty for an imported share, which has none).
    public static func lossShare(_ data: MarketData, range: DayRange?) -> ExportTable {
        var table = ExportTable(columns: ["date", "share_pct", "quarter_share_pct", "constituents", "matched", "reported", "loss_making"])
        let s = data.analysis.lossShare
        let coverage = data.lossShareCoverage
        func value(_ series: ValueSeries, _ day: Day) -> Double? {
            let i = series.days.partitioningIndex { $0 >= day }
            return i < series.days.count && series.days[i] == day ? series.values[i] : nil
        }
        for (day, v) in zip(s.days, s.values) where range?.contains(day) ?? true {
            table.rows.append([.text(day.iso), .number(v), .number(value(coverage.quarterShare, day)),
                               .number(value(coverage.constituents, day)), .number(value(coverage.matched, day)),
                               .number(value(coverage.reported, day)), .number(value(coverage.lossMaking, day))])
        }
        return table
    }
}

/// A JSON string literal with the characters JSON requires escaped.
public func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
