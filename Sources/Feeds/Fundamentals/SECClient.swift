import Foundation
import Markets

/// One document asked of the SEC: where it is, where its answer is kept, and for how long it is good.
public struct SECRequest: Sendable {
    /// The path below the base URL, such as `files/company_tickers.json`.
    public var path: String
    public var query: [(name: String, value: String)] = []
    /// Which of the SEC's hosts serves it when no base URL is configured.
    public var onDataHost = false
    /// The cache file, such as `sec/frames/NetIncomeLoss-CY2025Q3.json`.
    public var cacheName: String
    /// How long a kept answer is used before it is asked again; nil: for good (a settled document).
    public var freshFor: TimeInterval?
    /// How messages name the document.
    public var label: String
}

/// Asks the SEC for documents as it asks to be asked: a User-Agent naming the application and a contact, at
/// most 10 requests a second (one pacer for everything), every answer kept, a settled document never asked
/// again, and 403 / 429 / 5xx answered by waiting and asking again, saying why.
public struct SECClient: Sendable {
    public static let dataURL = URL(string: "https://data.sec.gov")!
    public static let wwwURL = URL(string: "https://www.sec.gov")!

    public var userAgent: String
    /// One base for every path (tests, mirrors); nil: the SEC's own hosts.
    public var baseURL: URL?
    public var transport: any HTTPTransport
    public var pacer: RequestPacer
    public var cache: RawAnswerCache
    /// Waits after refused or failed answers; `attempts` tries in all.
    public var backoff = BackoffPolicy(base: 5, cap: 120)
    public var attempts = 4
    /// Sleeps between tries (tests pass a short one).
    public var sleep: @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    /// Told each wait and its reason.
    public var onWait: @Sendable (String) -> Void = { _ in }
    /// Counts the requests that went out.
    public let counter = RequestCounter()

    /// A client; refuses to exist without a contact, since the SEC answers 403 to anonymous clients.
    ///
    /// - Throws: `FetchFault.notConfigured` with the line to add to the configuration file.
    public init(config: FundamentalsConfig, configFile: String, transport: any HTTPTransport, cache: RawAnswerCache,
                pacer: RequestPacer = RequestPacer(perSecond: 10)) throws {
        guard let userAgent = config.secUserAgent else {
            throw FetchFault.notConfigured(Self.missingContactMessage(configFile: configFile))
        }
        self.userAgent = userAgent
        baseURL = config.secURL
        self.transport = transport
        self.cache = cache
        self.pacer = pacer
    }

    /// What to do without a contact: the line to add and where.
    public static func missingContactMessage(configFile: String) -> String {
        "the SEC asks for a contact e-mail for its data; add a line like sec_contact = \"Jane Doe jane@example.com\" at the top of \(configFile)"
    }

    /// The document: the kept answer while it is good and reads, else asked for, read and then kept.
    ///
    /// `read` turns the bytes into a value or throws `FundamentalsParseError`; an answer that does not read is
    /// never kept. A 404 gives nil when `missingIsNil` (a frame no filer has reported yet).
    public func document<T>(_ request: SECRequest, now: Date = Date(), missingIsNil: Bool = false,
                            read: (Data) throws -> T) throws -> (value: T, fromNetwork: Bool)? {
        if let data = cache.read(request.cacheName, maximumAge: request.freshFor, now: now), let value = try? read(data) {
            return (value, false)
        }
        guard let data = try get(request, missingIsNil: missingIsNil) else { return nil }
        let value = try read(data)
        try cache.write(data, to: request.cacheName)
        return (value, true)
    }

    /// Whether a document is kept and still good, so asking for it costs no request.
    public func isKept(_ request: SECRequest, now: Date = Date()) -> Bool {
        cache.isFresh(request.cacheName, maximumAge: request.freshFor, now: now)
    }

    func url(for request: SECRequest) -> URL {
        let base = baseURL ?? (request.onDataHost ? Self.dataURL : Self.wwwURL)
        var components = URLComponents(url: base.appendingPathComponent(request.path), resolvingAgainstBaseURL: false)!
        if !request.query.isEmpty { components.queryItems = request.query.map { URLQueryItem(name: $0.name, value: $0.value) } }
        return components.url!
    }

    /// Paced GETs with the SEC's User-Agent until an answer comes or the tries run out.
    func get(_ request: SECRequest, missingIsNil: Bool) throws -> Data? {
        let url = url(for: request)
        var failures = 0
        while true {
            pacer.waitTurn()
            counter.add()
            let reason: String
            let fault: FetchFault
            do {
                let answer = try transport.get(url, headers: ["User-Agent": userAgent, "Accept": "*/*"])
                switch answer.status {
                case 200..<300:
                    if Self.isHTML(answer) { throw FetchFault.html }
                    return answer.body
                case 404 where missingIsNil:
                    return nil
                case 403:
                    reason = "the SEC refused (403: it does so without a contact in the User-Agent, or above 10 requests a second)"
                    fault = .httpStatus(403, message: "the SEC refused the request (it does so without a contact in the User-Agent, or above 10 requests a second)")
                case 429:
                    let retryAfter = answer.headers["retry-after"].flatMap { TimeInterval($0) }
                    reason = "the SEC asked to slow down (429)"
                    fault = .rateLimited(retryAfter: retryAfter)
                case 500...599:
                    reason = "the SEC's server failed (\(answer.status))"
                    fault = .serverError(status: answer.status)
                default:
                    throw FetchFault.httpStatus(answer.status, message: nil)
                }
                failures += 1
                guard failures < attempts else { throw fault }
                let wait = backoff.delay(failures: failures, jitter: 0.5, retryAfter: fault.retryAfter)
                onWait("\(reason); waiting \(Self.seconds(wait)) before asking for \(request.label) again")
                sleep(wait)
            }
        }
    }

    /// Whether an answer is an HTML page (a maintenance or block page) rather than the JSON or XML asked for:
    /// by its type, or by a body that opens with `<!DOCTYPE html` or `<html`; XML documents open with `<` too.
    static func isHTML(_ answer: HTTPAnswer) -> Bool {
        if let type = answer.headers["content-type"], type.lowercased().contains("text/html") { return true }
        let head = String(decoding: answer.body.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval < 1 ? "\(Int((interval * 1000).rounded())) ms" : "\(Int(interval.rounded())) s"
    }
}

/// How many requests went out, shared by the copies of a client.
public final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    public init() {}
    public var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}
