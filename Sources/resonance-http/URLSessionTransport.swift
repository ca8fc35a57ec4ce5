import Feeds
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The transport over one shared `URLSession` with request and resource timeouts.
final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    /// Makes a transport with its own session.
    init(requestTimeout: TimeInterval, resourceTimeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = resourceTimeout
        configuration.httpMaximumConnectionsPerHost = 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        var request = URLRequest(url: url)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<HTTPAnswer, FetchFault> = .failure(.timeout)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                outcome = .failure(Self.fault(for: error, url: url))
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key] = value }
                }
                outcome = .success(HTTPAnswer(status: http.statusCode, headers: headers, body: data ?? Data()))
            } else {
                outcome = .failure(.network("no HTTP answer"))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try outcome.get()
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
