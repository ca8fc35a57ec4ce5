import Feeds
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET over `URLSession`, bounded in size and in time, following only http(s) redirects.
///
/// The body is read as it arrives and dropped past `limit` bytes (after decompression; an announced
/// `Content-Length` past the limit is refused before any of the body is read), so a gzip bomb or a huge
/// answer costs at most the limit. The whole request, redirects included, gets `resourceTimeout` seconds
/// however steadily bytes trickle in; `requestTimeout` bounds the wait for each byte. Redirects are
/// followed here, at most five, and only to http and https URLs: a `Location: file:///etc/passwd` is
/// reported as what it is.
final class URLSessionTransport: @unchecked Sendable {
    private let requestTimeout: TimeInterval
    private let resourceTimeout: TimeInterval
    private let limit: Int
    /// The most redirects followed for one request.
    static let redirectLimit = 5

    init(requestTimeout: TimeInterval, resourceTimeout: TimeInterval, limit: Int) {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        self.limit = limit
    }

    func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        let deadline = Date().addingTimeInterval(resourceTimeout)
        var current = url
        for _ in 0...Self.redirectLimit {
            let answer = try getOnce(current, headers: headers, deadline: deadline)
            guard [301, 302, 303, 307, 308].contains(answer.status), let location = answer.headers["location"] else {
                return answer
            }
            guard let next = URL(string: location, relativeTo: current)?.absoluteURL,
                  let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                throw FetchFault.redirectRefused("redirected to \(location.prefix(300)), not an http(s) URL; not followed")
            }
            current = next
        }
        throw FetchFault.redirectRefused("more than \(Self.redirectLimit) redirects from \(HTTPHelperTransport.shown(url))")
    }

    /// One request without following its redirect: the 3xx answer comes back as it is.
    private func getOnce(_ url: URL, headers: [String: String], deadline: Date) throws -> HTTPAnswer {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw FetchFault.tooSlow(seconds: Int(resourceTimeout.rounded(.up)), received: 0) }
        let download = CappedDownload(url: url, limit: limit)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = remaining
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: request)
        task.resume()
        guard download.done.wait(timeout: .now() + remaining) == .success else {
            task.cancel()
            throw FetchFault.tooSlow(seconds: Int(resourceTimeout.rounded(.up)), received: download.received)
        }
        return try download.outcome()
    }

    /// The fault for a transport error.
    static func fault(for error: Error, url: URL) -> FetchFault {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else { return .network(nsError.localizedDescription) }
        switch nsError.code {
        case NSURLErrorTimedOut: return .timeout
        case NSURLErrorCannotConnectToHost: return .connectionRefused
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .hostNotFound(url.host ?? "?")
        case NSURLErrorNetworkConnectionLost: return .network("connection closed before the answer was complete")
        case NSURLErrorNotConnectedToInternet: return .network("not connected to the internet")
        default: return .network(nsError.localizedDescription)
        }
    }
}

/// The delegate of one request: keeps the body up to the limit and stops the transfer past it.
private final class CappedDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let url: URL
    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var response: HTTPURLResponse?
    private var body = Data()
    private var failure: FetchFault?

    init(url: URL, limit: Int) {
        self.url = url
        self.limit = limit
    }

    /// The body bytes kept so far.
    var received: Int { lock.withLock { body.count } }

    /// The answer, or why there is none.
    func outcome() throws -> HTTPAnswer {
        try lock.withLock {
            if let failure { throw failure }
            guard let response else { throw FetchFault.network("no HTTP answer") }
            var headers: [String: String] = [:]
            for (key, value) in response.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            return HTTPAnswer(status: response.statusCode, headers: headers, body: body)
        }
    }

    private var tooLarge: FetchFault { .answerTooLarge(limit: limit, url: HTTPHelperTransport.shown(url)) }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let announced = response.expectedContentLength
        let refuse = lock.withLock { () -> Bool in
            self.response = response as? HTTPURLResponse
            if announced > limit { failure = tooLarge }
            return failure != nil
        }
        completionHandler(refuse ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            guard failure == nil else { return true }
            if body.count + data.count > limit {
                failure = tooLarge
                body = Data()
                return true
            }
            body.append(data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        // Not followed here: the 3xx answer goes back to `get`, which follows http(s) redirects only.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if failure == nil, let error { failure = URLSessionTransport.fault(for: error, url: url) }
        }
        done.signal()
    }
}
