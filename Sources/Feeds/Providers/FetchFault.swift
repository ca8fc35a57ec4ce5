import Foundation
import Markets

/// Why one request to a provider gave no usable bars, as a one-line reason for the status bar and the log.
///
/// Network faults, HTTP statuses and answers that fail validation all end up here; nothing that
/// produced a fault is ever written to the store. Text the provider sent is quoted cut short and on one
/// line, whatever the answer held.
public enum FetchFault: Error, Hashable, Sendable, CustomStringConvertible {
    /// No answer within the request timeout.
    case timeout
    /// Nothing listens at the address (the server is down or the port is wrong).
    case connectionRefused
    /// The host name does not resolve.
    case hostNotFound(String)
    /// Another transport failure, with the system's words.
    case network(String)
    /// The answer was longer than its kind may be (`AnswerKind.limit`): reading stopped there.
    /// `url` is where it came from, without its query (which may hold a key).
    case answerTooLarge(limit: Int, url: String)
    /// The whole request took longer than it may (`seconds`), however steadily bytes arrived;
    /// `received` bytes of the body had come.
    case tooSlow(seconds: Int, received: Int)
    /// A redirect to somewhere that is not an http(s) URL (`file://…`), or one too many; not followed.
    case redirectRefused(String)
    /// HTTP 429; `retryAfter` is the wait the server asked for, in seconds, when it gave one.
    case rateLimited(retryAfter: TimeInterval?)
    /// HTTP 5xx.
    case serverError(status: Int)
    /// Another HTTP status that is not a success, with the provider's message when it gave one.
    case httpStatus(Int, message: String?)
    /// An HTML page where JSON or CSV was expected (a consent page, a block page, a missing key).
    case html
    /// The body is not valid JSON, or not the shape the provider documents.
    case invalidAnswer(String)
    /// The provider answered with its own error object.
    case providerError(String)
    /// A valid answer, but for another symbol than the one asked for.
    case wrongSymbol(expected: String, received: String)
    /// Columns that should line up have different lengths.
    case mismatchedArrays(String)
    /// Timestamps that do not run in order.
    case outOfOrder(at: Day)
    /// A bar dated after now.
    case futureTimestamp(Day)
    /// A price that is zero, negative or not finite.
    case badPrice(Day, String)
    /// The provider needs configuration it does not have (the Stooq key).
    case notConfigured(String)

    /// Whether asking the same provider again within one fetch could help: not after an answer past its
    /// cap, a request past its whole time, or a redirect refused. The same URL gives the same answer, and
    /// each try costs up to the cap or the whole minute (three rounds of a trickle took `fetch` 3 minutes).
    public var isWorthRetryingSoon: Bool {
        switch self {
        case .answerTooLarge, .tooSlow, .redirectRefused: return false
        default: return true
        }
    }

    /// The wait the server asked for, if any.
    public var retryAfter: TimeInterval? {
        if case .rateLimited(let seconds) = self { return seconds }
        return nil
    }

    public var description: String {
        switch self {
        case .timeout: return "no answer before the timeout"
        case .connectionRefused: return "connection refused"
        case .hostNotFound(let host): return "host \(host) not found (DNS)"
        case .network(let text): return "network error: \(MessageExcerpt.of(text, limit: 200))"
        case .answerTooLarge(let limit, let url):
            return "answer larger than \(AnswerKind.megabytes(limit)) from \(MessageExcerpt.of(url, limit: 120)); stopped reading, nothing stored"
        case .tooSlow(let seconds, let received):
            return "no complete answer after waiting \(seconds) s (the limit for a whole request; \(received) bytes had arrived)"
        case .redirectRefused(let text): return MessageExcerpt.of(text, limit: 200)
        case .rateLimited(let seconds):
            return "HTTP 429 too many requests" + (seconds.map { " (retry after \(Int($0.rounded(.up))) s)" } ?? "")
        case .serverError(let status): return "HTTP \(status) server error"
        case .httpStatus(let status, let message): return "HTTP \(status)" + (message.map { ": \(MessageExcerpt.of($0, limit: 120))" } ?? "")
        case .html: return "answered an HTML page instead of data"
        case .invalidAnswer(let text): return text
        case .providerError(let text): return "provider error: \(MessageExcerpt.of(text, limit: 120))"
        case .wrongSymbol(let expected, let received): return "answer is for \(MessageExcerpt.of(received)), not \(expected)"
        case .mismatchedArrays(let text): return "arrays of different lengths: \(text)"
        case .outOfOrder(let day): return "timestamps out of order at \(day)"
        case .futureTimestamp(let day): return "timestamp in the future (\(day))"
        case .badPrice(let day, let text): return "bad price on \(day): \(text)"
        case .notConfigured(let text): return text
        }
    }
}

/// A fault together with the provider that produced it.
public struct ProviderFault: Error, Hashable, Sendable, CustomStringConvertible {
    public var provider: String
    public var fault: FetchFault

    public init(provider: String, fault: FetchFault) {
        self.provider = provider
        self.fault = fault
    }

    public var description: String { "\(provider): \(fault)" }
}
