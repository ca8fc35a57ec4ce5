import Foundation
import Markets

/// Reads the share of loss-making Russell 2000 companies, `date,share_pct`, into `loss_share.r2k`.
///
/// The header is required (names in any order and case). A share is a reading at a point in time, so
/// a period stands for its end:
/// - `YYYY-MM-DD` is that day;
/// - `YYYY-MM` is the month's last day (`2025-09` → 2025-09-30);
/// - `2025Q3` or `2025-Q3` (`q` also accepted) is the quarter's last day, 2025-09-30 (Q1 → 03-31,
///   Q2 → 06-30, Q3 → 09-30, Q4 → 12-31).
///
/// A period that has not ended by `today` is therefore in the future and rejected: a quarter's share
/// is known only once the quarter is over. Rows may come in any order.
///
/// A file is rejected, with an `ImportError` at the offending physical line, for a missing or wrong
/// header; an empty, non-numeric, NaN or infinite share or one outside 0…100 (both ends allowed); an
/// unparseable or future date; a row with too few fields; two rows for one day (naming both lines, so
/// `2025Q3` and `2025-09-30` clash); or no data rows.
public struct LossShareCSVParser: Sendable {
    /// The header of a loss-share file.
    public static let header = "date,share_pct"
    /// The series the file is stored as.
    public static let seriesID: SeriesID = .lossShare

    /// The current day; a row dated later is an error.
    public var today: Day

    /// Makes a parser that rejects rows dated after `today`.
    public init(today: Day) {
        self.today = today
    }

    /// Parses a whole file's contents; `name` is how errors refer to the file.
    ///
    /// - Throws: `ImportError` naming the file and line.
    public func parse(_ data: Data, name: String) throws(ImportError) -> ParsedObservations {
        try data.withBytes { bytes throws(ImportError) in try parse(bytes, name: name) }
    }

    /// Parses a whole file's contents; `name` is how errors refer to the file.
    public func parse(_ bytes: [UInt8], name: String) throws(ImportError) -> ParsedObservations {
        try parse(Data(bytes), name: name)
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(ImportError) -> ParsedObservations {
        let csv = HeaderedCSV(columns: ["date", "share_pct"], name: name)
        let forms = PeriodDateForms(month: .last, quarters: true)
        var shares = ObservationCollector()

        try csv.forEachRow(in: bytes) { line, cells throws(ImportError) in
            let day = try csv.day(bytes, cells[0], line: line, forms: forms, today: today)
            let share = try csv.number(bytes, cells[1], line: line, column: "share_pct")
            guard (0...100).contains(share) else {
                throw csv.fail(line, "share_pct \(formatNumber(share)) is outside 0…100")
            }
            if let earlier = shares.add(day: day, value: share, line: line) {
                throw csv.fail(line, "duplicate date \(day) (also on line \(earlier))")
            }
        }
        return shares.parsed(as: Self.seriesID)
    }
}
