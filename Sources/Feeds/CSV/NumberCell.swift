#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a numeric cell of a price file holds.
enum NumberCell: Equatable {
    /// The cell is empty or says `null`.
    case missing
    /// A number, possibly NaN or infinite (callers reject those with their own message).
    case value(Double)
    /// Text that is not a number.
    case invalid
}

// MARK: - Parsing

/// Powers of ten that a Double holds exactly, for the fast decimal path.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// Parses a numeric cell straight from the file's bytes.
///
/// Plain decimals with up to 15 significant digits, the usual case for prices and volumes, are
/// converted exactly without leaving Swift (Clinger's fast path); anything longer goes through
/// `strtod`, which rounds correctly. A quoted cell may use commas as thousands separators
/// (`"1,150.72"`), as some spreadsheet exports do.
func parseNumberCell(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> NumberCell {
    if field.isEmpty { return .missing }
    if field.quoted, bytes[field.start..<field.end].contains(ASCII.comma) {
        guard let digits = removingThousandsSeparators(bytes, field) else { return .invalid }
        return digits.withUnsafeBufferPointer { parseDecimal($0, 0, $0.count) }
    }
    return parseDecimal(bytes, field.start, field.end)
}

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, or the words null, nan and inf(inity).
private func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> NumberCell {
    var i = start
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var digitsSeen = 0
    var decimalExponent = 0
    while i < end, ASCII.isDigit(bytes[i]) {
        let digit = UInt64(bytes[i] - ASCII.zero)
        if mantissa != 0 || digit != 0 { significantDigits += 1 }
        if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit } else { decimalExponent += 1 }
        digitsSeen += 1
        i += 1
    }
    if i < end, bytes[i] == UInt8(ascii: ".") {
        i += 1
        while i < end, ASCII.isDigit(bytes[i]) {
            let digit = UInt64(bytes[i] - ASCII.zero)
            if mantissa != 0 || digit != 0 { significantDigits += 1 }
            if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit; decimalExponent -= 1 }
            digitsSeen += 1
            i += 1
        }
    }
    guard digitsSeen > 0 else { return parseWord(bytes, start, end) }
    if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
        i += 1
        var exponentNegative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            exponentNegative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var exponent = 0
        var exponentDigits = 0
        while i < end, ASCII.isDigit(bytes[i]) {
            if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[i] - ASCII.zero) }
            exponentDigits += 1
            i += 1
        }
        guard exponentDigits > 0 else { return .invalid }
        decimalExponent += exponentNegative ? -exponent : exponent
    }
    guard i == end else { return .invalid }

    if significantDigits <= 15, (-22...22).contains(decimalExponent) {
        var value = Double(mantissa)
        if decimalExponent < 0 { value /= exactPowersOfTen[-decimalExponent] } else { value *= exactPowersOfTen[decimalExponent] }
        return .value(negative ? -value : value)
    }
    return .value(strtodCopy(bytes, start, end))
}

/// The words a numeric cell may hold instead of digits.
private func parseWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> NumberCell {
    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
    switch word {
    case "null": return .missing
    case "nan", "+nan", "-nan": return .value(.nan)
    case "inf", "+inf", "infinity", "+infinity": return .value(.infinity)
    case "-inf", "-infinity": return .value(-.infinity)
    default: return .invalid
    }
}

/// Correctly rounded conversion of an already validated decimal, through a NUL-terminated copy.
private func strtodCopy(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double {
    var text = [CChar](repeating: 0, count: end - start + 1)
    for k in start..<end { text[k - start] = CChar(bitPattern: bytes[k]) }
    return strtod(text, nil)
}

/// The digits of a quoted number such as `"1,150.72"` without its separators, or nil when the commas
/// are not thousands separators (each must be followed by exactly three digits).
private func removingThousandsSeparators(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> [UInt8]? {
    var result: [UInt8] = []
    var i = field.start
    while i < field.end {
        let byte = bytes[i]
        if byte == ASCII.comma {
            guard let previous = result.last, ASCII.isDigit(previous), !result.contains(UInt8(ascii: ".")),
                  i + 3 < field.end,
                  ASCII.isDigit(bytes[i + 1]), ASCII.isDigit(bytes[i + 2]), ASCII.isDigit(bytes[i + 3])
            else { return nil }
            if i + 4 < field.end, bytes[i + 4] != ASCII.comma, bytes[i + 4] != UInt8(ascii: ".") { return nil }
        } else {
            result.append(byte)
        }
        i += 1
    }
    return result
}
