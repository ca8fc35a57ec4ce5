import Foundation

/// Walks the rows of a small CSV file that must begin with a known header, in any column order.
///
/// Used by the observation parsers (flows, loss share), whose layouts are fixed: the header is
/// required, its names are compared without regard to case or surrounding whitespace, and each
/// expected column must appear exactly once. It tolerates a UTF-8 byte order mark, CRLF line ends,
/// blank lines, quoted fields and whitespace around fields, like the price parser.
struct HeaderedCSV {
    /// The expected column names, lowercase, in the order `cells` are handed to the row visitor.
    var columns: [String]
    /// How errors refer to the file.
    var name: String

    /// The header as documentation shows it, such as `date,fund,net_flow_usd`.
    var headerText: String { columns.joined(separator: ",") }

    /// An error at a line of this file.
    func fail(_ line: Int, _ message: String) -> ImportError { ImportError(file: name, line: line, message: message) }

    /// Calls `visit` for every data row with its 1-based physical line and its cells in `columns` order.
    ///
    /// - Returns: the number of data rows.
    /// - Throws: `ImportError` for a missing or wrong header, a row with too few or too many fields,
    ///   a broken quote, a file with no data rows, or whatever `visit` throws.
    @discardableResult
    func forEachRow(in bytes: UnsafeBufferPointer<UInt8>,
                    _ visit: (_ line: Int, _ cells: [CSVField]) throws(ImportError) -> Void) throws(ImportError) -> Int {
        var position = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        var lineNumber = 0
        var fields: [CSVField] = []
        var order: [Int]?  // for each expected column, its index in the file
        var headerLine = 0
        var rows = 0

        while position < bytes.count {
            lineNumber += 1
            let lineStart = position
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != ASCII.newline { lineEnd += 1 }
            position = lineEnd + 1
            while lineEnd > lineStart, ASCII.isBlank(bytes[lineEnd - 1]) { lineEnd -= 1 }
            if !(lineStart..<lineEnd).contains(where: { !ASCII.isBlank(bytes[$0]) }) { continue }

            do throws(CSVSplitFailure) {
                try splitCSVLine(bytes, from: lineStart, to: lineEnd, into: &fields)
            } catch {
                switch error {
                case .unterminatedQuote: throw fail(lineNumber, "quoted field has no closing quote")
                case .textAfterClosingQuote: throw fail(lineNumber, "text after the closing quote of a field")
                }
            }

            guard let order else {
                order = try columnOrder(fields.map { fieldText(bytes, $0) }, line: lineNumber)
                headerLine = lineNumber
                continue
            }
            rows += 1
            if fields.count < columns.count {
                throw fail(lineNumber, "row has \(fields.count) fields, expected \(columns.count) (truncated line?)")
            }
            if fields.count > columns.count, fields[columns.count...].contains(where: { !$0.isEmpty }) {
                throw fail(lineNumber, "row has \(fields.count) fields, expected \(columns.count)")
            }
            try visit(lineNumber, order.map { fields[$0] })
        }

        if order == nil { throw fail(1, "empty file; expected the header \(headerText)") }
        if rows == 0 { throw fail(headerLine, "no data rows after the header") }
        return rows
    }

    /// Where each expected column sits in a header line, or an error saying what is wrong with it.
    private func columnOrder(_ names: [String], line: Int) throws(ImportError) -> [Int] {
        let normalized = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let first = normalized.first, let character = first.first, character.isNumber {
            throw fail(line, "missing header; the file must begin with \(headerText)")
        }
        var seen: [String: Int] = [:]
        for (index, name) in normalized.enumerated() {
            if name.isEmpty, index == normalized.count - 1, index > 0 { continue }  // trailing comma
            guard columns.contains(name) else {
                throw fail(line, "unknown column '\(MessageExcerpt.of(names[index], limit: 40))'; expected the header \(headerText)")
            }
            guard seen.updateValue(index, forKey: name) == nil else {
                throw fail(line, "column '\(MessageExcerpt.of(name, limit: 40))' appears twice in the header")
            }
        }
        return try columns.map { column throws(ImportError) in
            guard let index = seen[column] else {
                throw fail(line, "missing column '\(column)'; expected the header \(headerText)")
            }
            return index
        }
    }

    /// A cell's text for an error message, cut short when long.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        MessageExcerpt.of(fieldText(bytes, field), limit: 40)
    }
}

extension Data {
    /// Runs a typed-throwing body over the bytes, without copying them.
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws(ImportError) -> T) throws(ImportError) -> T {
        let result: Result<T, ImportError> = withUnsafeBytes { raw in
            do throws(ImportError) { return .success(try body(raw.bindMemory(to: UInt8.self))) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
