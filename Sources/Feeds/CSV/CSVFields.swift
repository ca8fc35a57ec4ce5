// MARK: - Lines and fields of a CSV file, as byte ranges

/// A field of a CSV line: the byte range of its content, without surrounding whitespace or quotes.
struct CSVField {
    /// Offset of the first content byte in the file.
    var start: Int
    /// Offset just past the last content byte.
    var end: Int
    /// Whether the field was written in double quotes (its content may hold commas and `""`).
    var quoted: Bool

    /// Whether the field has no content.
    var isEmpty: Bool { start == end }
}

/// Byte constants used by the CSV scanner.
enum ASCII {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    /// Whether a byte is a space or a tab.
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == carriageReturn }

    /// Whether a byte is an ASCII digit.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
}

/// Why a line could not be split into fields.
enum CSVSplitFailure: Error {
    /// A quoted field has no closing quote before the end of the line.
    case unterminatedQuote
    /// Something other than whitespace follows a closing quote.
    case textAfterClosingQuote
}

/// Splits one line (without its line end) into fields, reusing `fields` to avoid allocations.
///
/// Follows RFC 4180 quoting within a line: a field in double quotes may hold commas, and `""` stands
/// for one quote. Whitespace around fields is dropped. Quoted line breaks are not supported: each
/// physical line is one record, so error line numbers stay physical lines.
@inline(__always)
func splitCSVLine(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to lineEnd: Int,
                  into fields: inout [CSVField]) throws(CSVSplitFailure) {
    fields.removeAll(keepingCapacity: true)
    var i = lineStart
    while true {
        while i < lineEnd, ASCII.isBlank(bytes[i]) { i += 1 }
        if i < lineEnd, bytes[i] == ASCII.quote {
            let contentStart = i + 1
            var j = contentStart
            var closed = false
            while j < lineEnd {
                if bytes[j] == ASCII.quote {
                    if j + 1 < lineEnd, bytes[j + 1] == ASCII.quote { j += 2; continue }
                    closed = true
                    break
                }
                j += 1
            }
            guard closed else { throw .unterminatedQuote }
            fields.append(CSVField(start: contentStart, end: j, quoted: true))
            i = j + 1
            while i < lineEnd, ASCII.isBlank(bytes[i]) { i += 1 }
            if i == lineEnd { return }
            guard bytes[i] == ASCII.comma else { throw .textAfterClosingQuote }
            i += 1
        } else {
            let start = i
            while i < lineEnd, bytes[i] != ASCII.comma { i += 1 }
            var end = i
            while end > start, ASCII.isBlank(bytes[end - 1]) { end -= 1 }
            fields.append(CSVField(start: start, end: end, quoted: false))
            if i == lineEnd { return }
            i += 1
        }
    }
}

/// The cells of one line of text, split by `splitCSVLine` (for answers small enough to read as text).
func csvCells(_ line: some StringProtocol) throws(CSVSplitFailure) -> [String] {
    let bytes = Array(line.utf8)
    let result: Result<[String], CSVSplitFailure> = bytes.withUnsafeBufferPointer { buffer in
        var fields: [CSVField] = []
        do throws(CSVSplitFailure) {
            try splitCSVLine(buffer, from: 0, to: buffer.count, into: &fields)
        } catch {
            return .failure(error)
        }
        return .success(fields.map { fieldText(buffer, $0) })
    }
    return try result.get()
}

/// The text of a field, with `""` in quoted fields turned back into `"`; for headers and messages.
func fieldText(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
}

extension String {
    /// Replaces every occurrence of a substring; a small stand-in to keep this file free of Foundation.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
