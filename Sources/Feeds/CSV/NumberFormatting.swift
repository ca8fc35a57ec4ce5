// MARK: - Plain decimal text

/// A number as plain decimal text: no exponent, and no `.0` on whole numbers.
///
/// Uses Swift's shortest round-tripping digits, so `1150.72` prints as `1150.72` and
/// `3080600000` as `3080600000`; `1e-05` becomes `0.00001`. NaN and infinities print as Swift does.
func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let text = "\(value)"
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
    let exponent = Int(text[text.index(after: e)...])!
    var mantissa = String(text[..<e])
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let integerDigits = String(parts[0])
    var fractionDigits = parts.count > 1 ? String(parts[1]) : ""
    if fractionDigits == "0" { fractionDigits = "" }
    let digits = integerDigits + fractionDigits
    let pointPosition = integerDigits.count + exponent  // digits before the decimal point
    var result: String
    if pointPosition <= 0 {
        result = "0." + String(repeating: "0", count: -pointPosition) + digits
    } else if pointPosition >= digits.count {
        result = digits + String(repeating: "0", count: pointPosition - digits.count)
    } else {
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        result = String(digits[..<split]) + "." + String(digits[split...])
    }
    return negative ? "-" + result : result
}
