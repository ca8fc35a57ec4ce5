import Foundation

/// One HTTP answer: status, headers (names in lower case) and body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    /// The body as text (invalid UTF-8 replaced), for messages and CSV.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Something that performs HTTP GET requests: `HTTPHelperTransport` in the program, the same or a script in tests.
public protocol HTTPTransport: Sendable {
    /// Fetches a URL and returns the answer whatever its status.
    ///
    /// - Throws: `FetchFault` for transport failures (timeout, refused, DNS).
    func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer

    /// Fetches a URL whose answer is of a known kind, so its size is capped to fit (`AnswerKind.limit`).
    ///
    /// - Throws: `FetchFault.answerTooLarge` past the cap, or what `get(_:headers:)` throws.
    func get(_ url: URL, headers: [String: String], kind: AnswerKind) throws -> HTTPAnswer
}

extension HTTPTransport {
    /// A transport that caps nothing itself (a script in tests) fetches as `get(_:headers:)` does.
    public func get(_ url: URL, headers: [String: String], kind: AnswerKind) throws -> HTTPAnswer {
        try get(url, headers: headers)
    }
}
