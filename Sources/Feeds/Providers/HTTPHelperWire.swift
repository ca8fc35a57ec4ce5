import Foundation

/// The text protocol between the program and `resonance-http`, the helper that makes its HTTP requests.
///
/// The program links no HTTP stack: loading libcurl and its thirty-odd libraries costs more start-up
/// time than drawing a frame, and only fetches need it. So a fetch starts the helper, writes one request
/// to its standard input and reads one outcome from its standard output (secrets such as an API key in
/// the URL never appear in a process list).
///
/// Request, one item per line:
/// ```
/// url https://query1.finance.yahoo.com/v8/finance/chart/%5ERUT?range=5d
/// timeout 15 60
/// limit 8388608
/// header User-Agent: resonance
/// parent 4242
/// ```
/// `timeout` is the longest wait for a byte, then for the whole request, in seconds; `limit` the most bytes
/// the answer may have, compressed or decompressed (`AnswerKind`). `parent` is the requesting process: the
/// helper leaves as soon as that is no longer its parent.
/// Outcome: either `fault <kind> [detail]` on one line (`timeout`, `refused`, `host NAME`,
/// `network TEXT`, `large LIMIT URL`, `slow SECONDS RECEIVED`, `redirect TEXT`), or `status CODE`, then
/// `header name: value` lines, then `body LENGTH` and exactly LENGTH bytes of body.
public enum HTTPHelperWire {
    /// One request for the helper.
    public struct Request: Equatable, Sendable {
        public var url: URL
        public var headers: [String: String]
        public var requestTimeout: TimeInterval
        public var resourceTimeout: TimeInterval
        /// The most bytes the answer may have, compressed or decompressed.
        public var limit: Int
        /// The process that asked, when it said.
        public var parent: Int32?

        public init(url: URL, headers: [String: String], requestTimeout: TimeInterval, resourceTimeout: TimeInterval,
                    limit: Int = AnswerKind.largestLimit, parent: Int32? = nil) {
            self.url = url
            self.headers = headers
            self.requestTimeout = requestTimeout
            self.resourceTimeout = resourceTimeout
            self.limit = limit
            self.parent = parent
        }
    }

    /// A line of the protocol that does not parse, with what was wrong.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes a request as the helper reads it.
    public static func encode(_ request: Request) -> Data {
        var text = "url \(request.url.absoluteString)\ntimeout \(request.requestTimeout) \(request.resourceTimeout)\n"
            + "limit \(request.limit)\n"
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            text += "header \(oneLine(name)): \(oneLine(value))\n"
        }
        if let parent = request.parent { text += "parent \(parent)\n" }
        return Data(text.utf8)
    }

    /// Reads a request written by `encode(_:)`.
    public static func decodeRequest(_ data: Data) throws -> Request {
        var url: URL?
        var headers: [String: String] = [:]
        var timeouts = (15.0, 60.0)
        var parent: Int32?
        var limit = AnswerKind.largestLimit
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let (word, rest) = split(line)
            switch word {
            case "url":
                guard let parsed = URL(string: rest), parsed.scheme != nil else { throw Malformed(description: "request: bad url \(rest)") }
                url = parsed
            case "timeout":
                let numbers = rest.split(separator: " ").compactMap { TimeInterval($0) }
                guard numbers.count == 2, numbers.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                    throw Malformed(description: "request: timeout needs two positive numbers of seconds, got \(rest)")
                }
                timeouts = (numbers[0], numbers[1])
            case "header":
                guard let colon = rest.firstIndex(of: ":") else { throw Malformed(description: "request: header without a colon: \(rest)") }
                headers[String(rest[..<colon])] = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            case "limit":
                guard let bytes = Int(rest), bytes > 0 else { throw Malformed(description: "request: bad limit \(rest)") }
                limit = bytes
            case "parent":
                guard let pid = Int32(rest), pid > 0 else { throw Malformed(description: "request: bad parent \(rest)") }
                parent = pid
            default:
                throw Malformed(description: "request: unknown line \(line.prefix(60))")
            }
        }
        guard let url else { throw Malformed(description: "request: no url line") }
        return Request(url: url, headers: headers, requestTimeout: timeouts.0, resourceTimeout: timeouts.1, limit: limit,
                       parent: parent)
    }

    /// Writes an answer or a transport fault as the program reads it.
    public static func encode(_ outcome: Result<HTTPAnswer, FetchFault>) -> Data {
        switch outcome {
        case .failure(let fault):
            switch fault {
            case .timeout: return Data("fault timeout\n".utf8)
            case .connectionRefused: return Data("fault refused\n".utf8)
            case .hostNotFound(let host): return Data("fault host \(oneLine(host))\n".utf8)
            case .network(let text): return Data("fault network \(oneLine(text))\n".utf8)
            case .answerTooLarge(let limit, let url): return Data("fault large \(limit) \(oneLine(url))\n".utf8)
            case .tooSlow(let seconds, let received): return Data("fault slow \(seconds) \(received)\n".utf8)
            case .redirectRefused(let text): return Data("fault redirect \(oneLine(text))\n".utf8)
            default: return Data("fault network \(oneLine(fault.description))\n".utf8)
            }
        case .success(let answer):
            var head = "status \(answer.status)\n"
            for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) { head += "header \(oneLine(name)): \(oneLine(value))\n" }
            head += "body \(answer.body.count)\n"
            return Data(head.utf8) + answer.body
        }
    }

    /// Reads what the helper wrote.
    public static func decodeOutcome(_ data: Data) throws -> Result<HTTPAnswer, FetchFault> {
        var status: Int?
        var headers: [String: String] = [:]
        var position = data.startIndex
        while position < data.endIndex {
            guard let newline = data[position...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Malformed(description: "answer: unterminated line")
            }
            let line = String(decoding: data[position..<newline], as: UTF8.self)
            position = data.index(after: newline)
            let (word, rest) = split(Substring(line))
            switch word {
            case "fault":
                let (kind, detail) = split(Substring(rest))
                switch kind {
                case "timeout": return .failure(.timeout)
                case "refused": return .failure(.connectionRefused)
                case "host": return .failure(.hostNotFound(detail))
                case "large":
                    let (limit, url) = split(Substring(detail))
                    return .failure(.answerTooLarge(limit: Int(limit) ?? 0, url: url))
                case "slow":
                    let (seconds, received) = split(Substring(detail))
                    return .failure(.tooSlow(seconds: Int(seconds) ?? 0, received: Int(received) ?? 0))
                case "redirect": return .failure(.redirectRefused(detail))
                default: return .failure(.network(detail))
                }
            case "status":
                guard let code = Int(rest), (100...999).contains(code) else { throw Malformed(description: "answer: bad status \(rest)") }
                status = code
            case "header":
                guard let colon = rest.firstIndex(of: ":") else { throw Malformed(description: "answer: header without a colon") }
                headers[String(rest[..<colon])] = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            case "body":
                guard let status else { throw Malformed(description: "answer: body before status") }
                guard let length = Int(rest), length >= 0, data.distance(from: position, to: data.endIndex) == length else {
                    throw Malformed(description: "answer: body length \(rest) but \(data.distance(from: position, to: data.endIndex)) bytes follow")
                }
                return .success(HTTPAnswer(status: status, headers: headers, body: Data(data[position...])))
            default:
                throw Malformed(description: "answer: unknown line \(line.prefix(60))")
            }
        }
        throw Malformed(description: "answer: ended before the body")
    }

    /// The first word of a line and the rest after one space.
    private static func split(_ line: Substring) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (String(line), "") }
        return (String(line[..<space]), String(line[line.index(after: space)...]))
    }

    /// A value with line breaks turned into spaces, so it stays one protocol line.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
