import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request the fixture server received.
public struct FixtureRequest: Sendable, Hashable {
    public var method: String
    /// The path without the query.
    public var path: String
    /// Query parameters, percent-decoded.
    public var query: [String: String]
    /// Header names in lower case.
    public var headers: [String: String]
}

/// What the fixture server does with one request.
public enum FixtureReply: Sendable, Hashable {
    /// An HTTP answer.
    case answer(status: Int, headers: [String: String], body: String)
    /// An HTTP answer whose body is any bytes, valid UTF-8 or not.
    case bytes(status: Int, headers: [String: String], body: [UInt8])
    /// Holds the connection open without answering, for this many seconds (a timeout for the client).
    case stall(TimeInterval)
    /// Closes the connection without a word.
    case hangUp
    /// A 200 answer without a `Content-Length`, its end marked by closing the connection: `first`, then
    /// `chunk` written `times` times with `pause` seconds before each (a huge body, or a trickle of one
    /// byte a second).
    case stream(headers: [String: String], first: [UInt8] = [], chunk: [UInt8], times: Int, pause: TimeInterval)

    /// A 200 JSON answer.
    public static func json(_ body: String, status: Int = 200) -> FixtureReply {
        .answer(status: status, headers: ["Content-Type": "application/json"], body: body)
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 for tests: every request goes to a handler that scripts the reply.
///
/// POSIX sockets and a thread per connection; it answers one request per connection and closes it.
public final class FixtureServer: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (FixtureRequest) -> FixtureReply
    private let lock = NSLock()
    private var received: [FixtureRequest] = []
    private var stopped = false

    /// The server's base URL, `http://127.0.0.1:PORT`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Every request so far, oldest first.
    public var requests: [FixtureRequest] { lock.withLock { received } }

    /// Starts listening on a free loopback port.
    public init(handler: @escaping @Sendable (FixtureRequest) -> FixtureReply) throws {
        self.handler = handler
        let (socket, port) = try Self.listen()
        listener = socket
        self.port = port
        let thread = Thread { [self] in acceptLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting connections.
    public func stop() {
        let wasStopped = lock.withLock { () -> Bool in defer { stopped = true }; return stopped }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A loopback URL where nothing listens (connection refused).
    public static func refusingURL() throws -> URL {
        let (socket, port) = try listen()
        close(socket)
        return URL(string: "http://127.0.0.1:\(port)")!
    }

    // MARK: - Sockets

    private static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = Self.readRequest(connection) else { return }
        lock.withLock { received.append(request) }
        switch handler(request) {
        case .hangUp:
            return
        case .stall(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        case .answer(let status, let headers, let body):
            Self.answer(connection, status: status, headers: headers, body: Array(body.utf8))
        case .bytes(let status, let headers, let body):
            Self.answer(connection, status: status, headers: headers, body: body)
        case let .stream(headers, first, chunk, times, pause):
            var head = "HTTP/1.1 200 OK\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            guard Self.send(connection, Array((head + "\r\n").utf8) + first) else { return }
            for _ in 0..<times {
                if pause > 0 { Thread.sleep(forTimeInterval: pause) }
                guard Self.send(connection, chunk) else { return }  // the client stopped reading
            }
        }
    }

    /// Writes a status line, the headers and a body, then the connection is closed.
    private static func answer(_ connection: Int32, status: Int, headers: [String: String], body bytes: [UInt8]) {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        write(connection, Array(head.utf8) + bytes)
    }

    private static func readRequest(_ connection: Int32) -> FixtureRequest? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !data.containsHeaderEnd {
            let n = read(connection, &buffer, buffer.count)
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if data.count > 65_536 { return nil }
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        let target = String(parts[1])
        let components = URLComponents(string: target)
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let path = components?.percentEncodedPath.removingPercentEncoding ?? target
        return FixtureRequest(method: String(parts[0]), path: path, query: query, headers: headers)
    }

    private static func write(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(connection, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Writes all bytes, without SIGPIPE when the client has gone; false once it has.
    private static func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 { return true }
        return false
    }
}
