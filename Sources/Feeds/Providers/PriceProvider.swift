import Foundation
import Markets

/// A source of daily bars over HTTP.
public protocol PriceProvider: Sendable {
    /// The short name shown as the source ("yahoo", "coinbase", "stooq").
    var name: String { get }

    /// Whether this provider serves a series.
    func serves(_ series: SeriesID) -> Bool

    /// The validated daily bars of a series from one day through another, oldest first.
    ///
    /// Bars with no close (a day without trades) are left out; anything else that is wrong with the
    /// answer throws.
    /// - Parameter now: the current time; bars dated after it are a fault.
    /// - Throws: `FetchFault`.
    func dailyBars(_ series: SeriesID, from: Day, through: Day, now: Date) throws -> [Bar]
}

/// Checks shared by every provider's answer.
enum AnswerCheck {
    /// Throws `.html` when a body looks like an HTML page.
    static func rejectHTML(_ answer: HTTPAnswer) throws {
        if let type = answer.headers["content-type"], type.lowercased().contains("text/html") { throw FetchFault.html }
        let head = answer.body.prefix(64).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if head.first == UInt8(ascii: "<") { throw FetchFault.html }
    }

    /// Throws the fault for a status that is not 200, reading the provider's message with `message`.
    static func requireSuccess(_ answer: HTTPAnswer, message: (HTTPAnswer) -> String? = { _ in nil }) throws {
        switch answer.status {
        case 200: return
        case 429: throw FetchFault.rateLimited(retryAfter: retryAfter(answer.headers["retry-after"]))
        case 500...599: throw FetchFault.serverError(status: answer.status)
        default: throw FetchFault.httpStatus(answer.status, message: message(answer))
        }
    }

    /// Seconds from a `Retry-After` header: delta seconds or an HTTP date.
    static func retryAfter(_ header: String?, now: Date = Date()) -> TimeInterval? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds.isFinite, seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Parses JSON, turning a parse failure into a one-line reason.
    static func json(_ answer: HTTPAnswer) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: answer.body, options: [])
        } catch {
            throw FetchFault.invalidAnswer("invalid or truncated JSON (\(answer.body.count) bytes)")
        }
    }

    /// Checks one bar's prices and date; throws the fault that names the first problem.
    static func check(_ bar: Bar, now: Date) throws {
        if bar.day > Day.utcToday(now: now) { throw FetchFault.futureTimestamp(bar.day) }
        for (label, value) in [("close", bar.close), ("open", bar.open), ("high", bar.high), ("low", bar.low)] {
            if let value, !(value.isFinite && value > 0) { throw FetchFault.badPrice(bar.day, "\(label) \(value)") }
        }
        if let problem = bar.validationProblem(today: Day.utcToday(now: now)) { throw FetchFault.badPrice(bar.day, problem) }
    }

    /// A JSON number as a Double; nil for JSON null, a fault for anything else (`true` included).
    static func number(_ value: Any?, field: String) throws -> Double? {
        switch value {
        case nil, is NSNull: return nil
        case let number as NSNumber where !isBoolean(number):
            return number.doubleValue
        case let number as NSNumber:
            throw FetchFault.invalidAnswer("\(field) is \(number.boolValue), not a number")
        case let text as String:
            throw FetchFault.invalidAnswer("\(field) is the text '\(MessageExcerpt.of(text, limit: 20))', not a number")
        default:
            throw FetchFault.invalidAnswer("\(field) is \(value is [Any] ? "an array" : "an object"), not a number")
        }
    }

    /// Whether a number `JSONSerialization` returned was written `true` or `false`.
    ///
    /// Booleans come back as `NSNumber` too, and would otherwise read as the prices 1 and 0.
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    /// Unix seconds of 1900-01-01 and of 9999-12-31: the times a provider's answer may hold.
    static let plausibleSeconds: ClosedRange<Int64> = -2_208_988_800...253_402_300_799

    /// A JSON time as whole Unix seconds; nil for JSON null.
    ///
    /// A fraction of a second, or a time before 1900 or after 9999, is a fault: no provider sends one, and
    /// such a number would otherwise trap on the way to an integer or become an absurd day.
    static func seconds(_ value: Any?, field: String) throws -> Int64? {
        guard let number = try number(value, field: field) else { return nil }
        guard let seconds = Int64(exactly: number), plausibleSeconds.contains(seconds) else {
            throw FetchFault.invalidAnswer("\(field) \(number) is not a time in whole seconds between 1900 and 9999")
        }
        return seconds
    }
}
