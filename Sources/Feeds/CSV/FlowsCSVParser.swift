import Foundation
import Markets

/// Reads ETF net flow tables, `date,fund,net_flow_usd`, into one series per fund, `flows.<fund>`.
///
/// The header is required (names in any order and case). A row is one fund's net flow in US dollars
/// over a day (`YYYY-MM-DD`) or a month (`YYYY-MM`, filed under the month's first day); daily and
/// monthly rows may be mixed, and rows may come in any order. Values may be negative (an outflow) or
/// zero, and may be written `"1,234"` in quotes. The fund (`IWM`, `ijr`) must be letters, digits, `_` or
/// `-`; it is stored lowercased, so `IWM` and `iwm` are the same fund.
///
/// A file is rejected, with an `ImportError` at the offending physical line, for a missing or wrong
/// header; an empty, non-numeric, NaN or infinite value; a bad fund name; an unparseable or future
/// date; a row with too few fields; the same fund and day twice (naming both lines); or no data rows.
public struct FlowsCSVParser: Sendable {
    /// The header of a flows file.
    public static let header = "date,fund,net_flow_usd"
    /// The prefix of every flow series id.
    public static let seriesPrefix = SeriesID.flowsPrefix

    /// The current day; a row dated later is an error.
    public var today: Day

    /// Makes a parser that rejects rows dated after `today`.
    public init(today: Day) {
        self.today = today
    }

    /// The series id for a fund as written in a file, such as `flows.iwm` for `IWM`.
    public static func seriesID(fund: String) -> SeriesID { .flows(fund: fund) }

    /// Parses a whole file's contents; `name` is how errors refer to the file.
    ///
    /// - Returns: one entry per fund, in series id order.
    /// - Throws: `ImportError` naming the file and line.
    public func parse(_ data: Data, name: String) throws(ImportError) -> [ParsedObservations] {
        try data.withBytes { bytes throws(ImportError) in try parse(bytes, name: name) }
    }

    /// Parses a whole file's contents; `name` is how errors refer to the file.
    public func parse(_ bytes: [UInt8], name: String) throws(ImportError) -> [ParsedObservations] {
        try parse(Data(bytes), name: name)
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(ImportError) -> [ParsedObservations] {
        let csv = HeaderedCSV(columns: ["date", "fund", "net_flow_usd"], name: name)
        let forms = PeriodDateForms(month: .first, quarters: false)
        var funds: [SeriesID: ObservationCollector] = [:]
        var fundSpelling: [SeriesID: String] = [:]

        try csv.forEachRow(in: bytes) { line, cells throws(ImportError) in
            let day = try csv.day(bytes, cells[0], line: line, forms: forms, today: today)
            let fund = fieldText(bytes, cells[1])
            if fund.isEmpty { throw csv.fail(line, "fund is empty") }
            guard fund.utf8.allSatisfy(Self.isFundByte) else {
                throw csv.fail(line, "fund '\(HeaderedCSV.quote(bytes, cells[1]))' may hold only letters, digits, '_' and '-'")
            }
            let value = try csv.number(bytes, cells[2], line: line, column: "net_flow_usd")
            let id = Self.seriesID(fund: fund)
            if let earlier = funds[id, default: ObservationCollector()].add(day: day, value: value, line: line) {
                throw csv.fail(line, "duplicate date \(day) for fund \(fundSpelling[id] ?? fund) (also on line \(earlier))")
            }
            if fundSpelling[id] == nil { fundSpelling[id] = fund }
        }
        return funds.keys.sorted().map { funds[$0]!.parsed(as: $0) }
    }

    /// Whether a byte may appear in a fund name: an ASCII letter or digit, `_` or `-`.
    private static func isFundByte(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || byte.isASCIILetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII letter.
    fileprivate var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
