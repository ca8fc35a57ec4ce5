import CCurl
import Feeds
import Foundation

/// One GET through libcurl, bounded in size and in time, following only http(s) redirects.
///
/// The body is counted twice as it arrives: the bytes on the wire (libcurl's download counter, before
/// decompression) and the bytes after decompression (the write callback). Past `limit` either way the
/// transfer stops at once, so a gzip bomb or a huge answer costs at most the limit; an announced
/// `Content-Length` past it is refused before the body is read. The whole request, redirects included,
/// gets `resourceTimeout` seconds however steadily bytes trickle in; `requestTimeout` bounds the wait to
/// connect and any stretch without a byte. Redirects are followed here, at most five, and only to http and
/// https URLs: a `Location: file:///etc/passwd` is reported as what it is.
///
/// libcurl rather than `URLSession`: FoundationNetworking queues every received chunk for its delegate
/// and cancels late, so a 1 GB answer still took the helper past 800 MB before it stopped.
final class CurlTransport {
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
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        let deadline = Date().addingTimeInterval(resourceTimeout)
        var current = url
        for _ in 0...Self.redirectLimit {
            let (answer, redirect) = try getOnce(current, headers: headers, deadline: deadline)
            guard [301, 302, 303, 307, 308].contains(answer.status), let location = answer.headers["location"] else {
                return answer
            }
            guard let next = redirect ?? URL(string: location, relativeTo: current)?.absoluteURL,
                  let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                throw FetchFault.redirectRefused("redirected to \(location.prefix(300)), not an http(s) URL; not followed")
            }
            current = next
        }
        throw FetchFault.redirectRefused("more than \(Self.redirectLimit) redirects from \(HTTPHelperTransport.shown(url))")
    }

    /// One request without following a redirect: a 3xx answer comes back as it is, with where it points.
    private func getOnce(_ url: URL, headers: [String: String], deadline: Date) throws -> (HTTPAnswer, URL?) {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw tooSlow(received: 0) }
        guard let curl = curl_easy_init() else { throw FetchFault.network("libcurl could not start a request") }
        defer { curl_easy_cleanup(curl) }
        let transfer = Transfer(limit: limit)
        let context = Unmanaged.passRetained(transfer)
        defer { context.release() }
        // libcurl keeps the pointer and writes there during the transfer: memory of its own, not an array's.
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        for (name, value) in headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        defer { curl_slist_free_all(headerList) }

        let milliseconds = { (seconds: TimeInterval) in max(1, Int(seconds * 1000)) }
        resonance_curl_set_string(curl, CURLOPT_URL, url.absoluteString)
        resonance_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        resonance_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 0)
        resonance_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        resonance_curl_set_string(curl, CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl decodes
        resonance_curl_set_long(curl, CURLOPT_TIMEOUT_MS, milliseconds(remaining))
        resonance_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(requestTimeout, remaining)))
        resonance_curl_set_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1)
        resonance_curl_set_long(curl, CURLOPT_LOW_SPEED_TIME, max(1, Int(requestTimeout.rounded(.up))))
        resonance_curl_set_offset(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit))
        resonance_curl_set_pointer(curl, CURLOPT_HTTPHEADER, headerList)
        resonance_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorText)
        resonance_curl_set_write(curl, CURLOPT_WRITEFUNCTION, Transfer.receiveBody)
        resonance_curl_set_pointer(curl, CURLOPT_WRITEDATA, context.toOpaque())
        resonance_curl_set_write(curl, CURLOPT_HEADERFUNCTION, Transfer.receiveHeader)
        resonance_curl_set_pointer(curl, CURLOPT_HEADERDATA, context.toOpaque())
        resonance_curl_set_long(curl, CURLOPT_NOPROGRESS, 0)
        resonance_curl_set_progress(curl, Transfer.progress)
        resonance_curl_set_pointer(curl, CURLOPT_XFERINFODATA, context.toOpaque())

        let started = Date()
        let code = curl_easy_perform(curl)
        if transfer.overLimit || code == CURLE_FILESIZE_EXCEEDED {
            throw FetchFault.answerTooLarge(limit: limit, url: HTTPHelperTransport.shown(url))
        }
        guard code == CURLE_OK else {
            let said = String(validatingCString: errorText) ?? ""
            let words = said.isEmpty ? String(cString: curl_easy_strerror(code)) : said
            switch code {
            case CURLE_OPERATION_TIMEDOUT:
                // The whole request's time ran out, or a stretch without a byte did.
                if Date() >= deadline.addingTimeInterval(-0.05) || Date().timeIntervalSince(started) >= remaining - 0.05 {
                    throw tooSlow(received: transfer.body.count)
                }
                throw FetchFault.timeout
            case CURLE_COULDNT_CONNECT: throw FetchFault.connectionRefused
            case CURLE_COULDNT_RESOLVE_HOST: throw FetchFault.hostNotFound(url.host ?? "?")
            case CURLE_UNSUPPORTED_PROTOCOL: throw FetchFault.network("\(url.scheme ?? "?")://: only http and https are fetched")
            case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
                throw FetchFault.network("connection closed before the answer was complete (\(words))")
            default: throw FetchFault.network(words)
            }
        }
        var status = 0
        resonance_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        var redirect: UnsafeMutablePointer<CChar>?
        resonance_curl_get_string(curl, CURLINFO_REDIRECT_URL, &redirect)
        let target = redirect.flatMap { URL(string: String(cString: $0)) }
        return (HTTPAnswer(status: status, headers: transfer.headers, body: transfer.body), target)
    }

    private func tooSlow(received: Int) -> FetchFault {
        .tooSlow(seconds: Int(resourceTimeout.rounded(.up)), received: received)
    }
}

/// What one transfer received, and the callbacks libcurl calls with it.
private final class Transfer {
    let limit: Int
    var body = Data()
    var headers: [String: String] = [:]
    /// Set when the body passed the limit, on the wire or decompressed; the transfer was stopped.
    var overLimit = false

    init(limit: Int) { self.limit = limit }

    /// Keeps a piece of the (decompressed) body, or stops the transfer past the limit.
    static let receiveBody: resonance_curl_write_callback = { data, size, count, context in
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard transfer.body.count + length <= transfer.limit else {
            transfer.overLimit = true
            return 0  // anything but `length` makes libcurl stop with CURLE_WRITE_ERROR
        }
        if length > 0, let data { transfer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length) }
        return length
    }

    /// Keeps one header line; a status line starts a new answer (after a 100 Continue).
    static let receiveHeader: resonance_curl_write_callback = { data, size, count, context in
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard let data, length > 0 else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            transfer.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            transfer.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return length
    }

    /// Stops the transfer when more bytes than the limit came over the wire (before decompression).
    static let progress: resonance_curl_progress_callback = { context, _, downloaded, _, _ in
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        guard downloaded > curl_off_t(transfer.limit) else { return 0 }
        transfer.overLimit = true
        return 1
    }
}
