import Foundation

/// Numbers in the SEC's JSON answers.
enum SECNumber {
    /// The largest CIK: the SEC's Central Index Keys have at most ten digits.
    static let largestCIK = 9_999_999_999

    /// A CIK given as a JSON number or as a string of digits; nil for anything else, such as a fraction,
    /// a number of more than ten digits, zero, a negative number or `true`.
    static func cik(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber where !AnswerCheck.isBoolean(number):
            guard let whole = Int(exactly: number.doubleValue), (1...largestCIK).contains(whole) else { return nil }
            return whole
        case let text as String:
            guard (1...10).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(text),
                  whole >= 1 else { return nil }
            return whole
        default:
            return nil
        }
    }

    /// A value as a finite number; nil for anything else (`true` included).
    static func value(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, !AnswerCheck.isBoolean(number), number.doubleValue.isFinite else { return nil }
        return number.doubleValue
    }
}
