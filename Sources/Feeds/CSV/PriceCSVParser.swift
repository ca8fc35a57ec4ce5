import Foundation
import Markets

/// Reads daily price files (CSV) into bars, rejecting a whole file at the first thing wrong.
///
/// Pure: it reads bytes and returns values, so it is tested without a database. It understands
/// Yahoo exports, `date,open,high,low,close,volume`, Stooq's plain and bulk layouts, `date,close`, and
/// files without a header (see `PriceColumns`). Dates may be ISO days, ISO date-times, `YYYYMMDD` or
/// Unix seconds or milliseconds (see `parseDayCell`). It tolerates a UTF-8 byte order mark, CRLF line
/// ends, blank lines, quoted fields and whitespace around fields; rows out of order are sorted.
///
/// A file is rejected, with an `ImportError` at the offending physical line, for a price that is not a
/// number, not finite or not positive; a high below the low; a negative volume; an unparseable or
/// future date; a row with fewer fields than the header; two rows for one day; or no data rows.
public struct PriceCSVParser: Sendable {
    /// The current day; a row dated later is an error.
    public var today: Day

    /// Makes a parser that rejects rows dated after `today`.
    public init(today: Day) {
        self.today = today
    }

    // MARK: - Entry points

    /// Parses a whole file's contents; `name` is how errors refer to the file.
    ///
    /// - Throws: `ImportError` naming the file and line.
    public func parse(_ data: Data, name: String) throws(ImportError) -> ParsedPrices {
        let result: Result<ParsedPrices, ImportError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ImportError) { return .success(try parse(buffer: bytes, name: name)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses a whole file's contents; `name` is how errors refer to the file.
    ///
    /// - Throws: `ImportError` naming the file and line.
    public func parse(_ bytes: [UInt8], name: String) throws(ImportError) -> ParsedPrices {
        let result: Result<ParsedPrices, ImportError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(ImportError) { return .success(try parse(buffer: buffer, name: name)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    // MARK: - Scanning

    private func parse(buffer bytes: UnsafeBufferPointer<UInt8>, name: String) throws(ImportError) -> ParsedPrices {
        func fail(_ line: Int, _ message: String) -> ImportError { ImportError(file: name, line: line, message: message) }

        var position = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }

        var lineNumber = 0
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        var columns: PriceColumns?
        var headerLine: Int?

        var bars: [Bar] = []
        bars.reserveCapacity(bytes.count / 40)
        var lines: [Int32] = []
        lines.reserveCapacity(bytes.count / 40)
        var rowsRead = 0
        var skippedNoClose = 0
        var emptyCells = 0
        var inOrder = true

        while position < bytes.count {
            lineNumber += 1
            let lineStart = position
            var lineEnd = nextNewline(bytes, from: position)
            position = lineEnd + 1
            while lineEnd > lineStart, ASCII.isBlank(bytes[lineEnd - 1]) { lineEnd -= 1 }
            var firstContent = lineStart
            while firstContent < lineEnd, ASCII.isBlank(bytes[firstContent]) { firstContent += 1 }
            if firstContent == lineEnd { continue }  // blank line

            do throws(CSVSplitFailure) {
                try splitCSVLine(bytes, from: lineStart, to: lineEnd, into: &fields)
            } catch {
                switch error {
                case .unterminatedQuote: throw fail(lineNumber, "quoted field has no closing quote")
                case .textAfterClosingQuote: throw fail(lineNumber, "text after the closing quote of a field")
                }
            }

            // The first non-blank line is either a header or, when it starts with a date, data.
            if columns == nil {
                if parseDayCell(bytes, fields[0]) == nil, !looksLikeDate(bytes, fields[0]) {
                    switch PriceColumns.fromHeader(fields.map { fieldText(bytes, $0) }) {
                    case .success(let layout): columns = layout
                    case .failure(let problem): throw fail(lineNumber, problem.message)
                    }
                    headerLine = lineNumber
                    continue
                }
                guard let layout = PriceColumns.inferred(fieldCount: fields.count) else {
                    throw fail(lineNumber, "no header, and \(fields.count) columns match no known layout "
                        + "(2: date,close; 5: date,o,h,l,c; 6: +volume; 7: Yahoo)")
                }
                columns = layout
            }
            let layout = columns!
            rowsRead += 1

            if fields.count < layout.fieldCount {
                throw fail(lineNumber, "row has \(fields.count) fields, expected \(layout.fieldCount) (truncated line?)")
            }
            if fields.count > layout.fieldCount, fields[layout.fieldCount...].contains(where: { !$0.isEmpty }) {
                throw fail(lineNumber, "row has \(fields.count) fields, expected \(layout.fieldCount)")
            }

            // Date.
            let dateField = fields[layout.date]
            guard let day = parseDayCell(bytes, dateField) else {
                throw fail(lineNumber, "unparseable date '\(quoteForMessage(bytes, dateField))'")
            }
            if day > today {
                throw fail(lineNumber, "date \(day) is in the future (today is \(today))")
            }

            // Prices and volume.
            func number(_ index: Int?, _ label: String) throws(ImportError) -> Double? {
                guard let index else { return nil }
                let field = fields[index]
                switch parseNumberCell(bytes, field) {
                case .missing:
                    return nil
                case .invalid:
                    throw fail(lineNumber, "\(label) '\(quoteForMessage(bytes, field))' is not a number")
                case .value(let value):
                    guard value.isFinite else {
                        throw fail(lineNumber, "\(label) '\(quoteForMessage(bytes, field))' is not finite")
                    }
                    if label == "volume" {
                        guard value >= 0 else { throw fail(lineNumber, "volume \(formatNumber(value)) is negative") }
                    } else {
                        guard value > 0 else {
                            throw fail(lineNumber, "\(label) \(formatNumber(value)) is not positive")
                        }
                    }
                    return value
                }
            }
            let open = try number(layout.open, "open")
            let high = try number(layout.high, "high")
            let low = try number(layout.low, "low")
            let close = try number(layout.close, "close")
            let volume = try number(layout.volume, "volume")
            if let high, let low, high < low {
                throw fail(lineNumber, "high \(formatNumber(high)) is below low \(formatNumber(low))")
            }
            guard let close else {
                skippedNoClose += 1
                continue
            }
            if layout.open != nil, open == nil { emptyCells += 1 }
            if layout.high != nil, high == nil { emptyCells += 1 }
            if layout.low != nil, low == nil { emptyCells += 1 }
            if layout.volume != nil, volume == nil { emptyCells += 1 }

            if let last = bars.last, day <= last.day { inOrder = false }
            bars.append(Bar(day: day, open: open, high: high, low: low, close: close, volume: volume))
            lines.append(Int32(truncatingIfNeeded: lineNumber))
        }

        if bars.isEmpty {
            if skippedNoClose > 0 {
                throw fail(headerLine ?? 1, "no data rows with a close (\(skippedNoClose) rows had none)")
            }
            throw fail(headerLine ?? max(lineNumber, 1), headerLine == nil ? "no data rows (empty file)" : "no data rows after the header")
        }
        if !inOrder { try sortAndCheckDuplicates(&bars, lines: lines, fail: fail) }

        return ParsedPrices(bars: bars, rowsRead: rowsRead, skippedNoClose: skippedNoClose, emptyCells: emptyCells,
                            wasReordered: !inOrder, hadHeader: headerLine != nil,
                            carriedColumns: columns?.carried ?? [])
    }

    /// Sorts bars by day, and rejects the file when two rows share a day, naming both lines.
    private func sortAndCheckDuplicates(_ bars: inout [Bar], lines: [Int32],
                                        fail: (Int, String) -> ImportError) throws(ImportError) {
        let order = bars.indices.sorted { (bars[$0].day, $0) < (bars[$1].day, $1) }
        for k in order.indices.dropFirst() where bars[order[k]].day == bars[order[k - 1]].day {
            let first = min(lines[order[k]], lines[order[k - 1]])
            let second = max(lines[order[k]], lines[order[k - 1]])
            throw fail(Int(second), "duplicate date \(bars[order[k]].day) (also on line \(first))")
        }
        bars = order.map { bars[$0] }
    }

    // MARK: - Helpers

    /// The offset of the next line feed at or after `start`, or the end of the buffer.
    @inline(__always)
    private func nextNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        guard let found = memchr(base + start, Int32(ASCII.newline), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether a first cell is shaped like a date even though it is not a valid one, such as
    /// `2023-02-30`: such a file has no header, and the bad date is reported as a bad date.
    private func looksLikeDate(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> Bool {
        guard field.end - field.start >= 8 else { return false }
        return (field.start..<field.end).allSatisfy { i in
            let byte = bytes[i]
            return ASCII.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") || byte == UInt8(ascii: "/")
        } && ASCII.isDigit(bytes[field.start])
    }

    /// A cell's text for an error message, cut short when long.
    private func quoteForMessage(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        MessageExcerpt.of(fieldText(bytes, field), limit: 40)
    }
}
