@testable import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// Hostile answers through the real helper over loopback: each stops at its cap or its time, says so in
/// words with the URL, and costs the helper no more than the cap.
///
/// The caps and timeouts here are small (`answerLimit`, seconds) so each case takes a moment; the real
/// ones are `AnswerKind.limit` (8 and 16 MB) and 15 s / 60 s (README, "Limits on what comes from outside").
@Suite("Answer size and time limits")
struct AnswerLimitTests {
    static let megabyte = 1 << 20

    /// `count` zero bytes compressed by gzip -9: about a thousandth of their size.
    static func gzippedZeros(_ count: Int) throws -> [UInt8] {
        let result = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c \(count) /dev/zero | gzip -9"])
        try #require(result.status == 0, "gzip: \(result.stderr)")
        return [UInt8](result.stdoutBytes)
    }

    func transport(limit: Int = megabyte, requestTimeout: TimeInterval = 5, resourceTimeout: TimeInterval = 10) -> HTTPHelperTransport {
        HTTPHelperTransport(requestTimeout: requestTimeout, resourceTimeout: resourceTimeout, answerLimit: limit)
    }

    @Test("a gzip bomb (16 kB that inflates to 64 MB) stops at the cap: answer larger than 1 MB, with the URL")
    func gzipBomb() throws {
        let bomb = try Self.gzippedZeros(64 * Self.megabyte)
        #expect(bomb.count < 200_000)
        let server = try FixtureServer { _ in .bytes(status: 200, headers: ["Content-Encoding": "gzip"], body: bomb) }
        let url = server.baseURL.appendingPathComponent("v8/finance/chart/RUT")
        let started = Date()
        #expect(throws: FetchFault.answerTooLarge(limit: Self.megabyte, url: url.absoluteString)) {
            try transport().get(url, headers: [:], kind: .priceHistory)
        }
        #expect(Date().timeIntervalSince(started) < 5)
        let message = "\(FetchFault.answerTooLarge(limit: Self.megabyte, url: url.absoluteString))"
        #expect(message.hasPrefix("answer larger than 1 MB from http://127.0.0.1:\(server.port)/v8/finance/chart/RUT"))
    }

    @Test("the same body uncompressed within the cap arrives whole: the cap counts what arrives, not what might")
    func withinTheCap() throws {
        let small = try Self.gzippedZeros(Self.megabyte / 2)
        let server = try FixtureServer { _ in .bytes(status: 200, headers: ["Content-Encoding": "gzip"], body: small) }
        let answer = try transport().get(server.baseURL, headers: [:], kind: .priceHistory)
        #expect(answer.body.count == Self.megabyte / 2)
    }

    @Test("a huge body is refused: announced by Content-Length, or streamed until the connection closes")
    func hugeBody() throws {
        let announced = try FixtureServer { _ in .bytes(status: 200, headers: [:], body: [UInt8](repeating: 120, count: 2 * Self.megabyte)) }
        #expect(throws: FetchFault.answerTooLarge(limit: Self.megabyte, url: announced.baseURL.absoluteString)) {
            try transport().get(announced.baseURL, headers: [:])
        }
        // 64 MB sent in 64 kB pieces with no length given: reading stops at the cap, long before the end.
        let streamed = try FixtureServer { _ in .stream(headers: [:], chunk: [UInt8](repeating: 120, count: 65_536), times: 1024, pause: 0) }
        let started = Date()
        #expect(throws: FetchFault.answerTooLarge(limit: Self.megabyte, url: streamed.baseURL.absoluteString)) {
            try transport().get(streamed.baseURL, headers: [:])
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("bytes on the wire count too: a gzip stream of empty blocks that inflates to nothing stops at the cap")
    func wireBytesCount() throws {
        // A gzip header, then deflate's empty stored block (not final; length 0) over and over: 5 bytes each,
        // no output. Only the count of bytes received can stop it before the whole request's time.
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        let emptyBlocks = [UInt8]((0..<13_107).flatMap { _ in [0x00, 0x00, 0x00, 0xFF, 0xFF] as [UInt8] })
        let server = try FixtureServer { _ in
            .stream(headers: ["Content-Encoding": "gzip"], first: header, chunk: emptyBlocks, times: 1000, pause: 0)
        }
        let started = Date()
        #expect(throws: FetchFault.answerTooLarge(limit: Self.megabyte, url: server.baseURL.absoluteString)) {
            try transport(resourceTimeout: 30).get(server.baseURL, headers: [:])
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("a trickle (a byte every 0.2 s) is cut at the whole request's time, and the message says how long it waited")
    func trickle() throws {
        let server = try FixtureServer { _ in .stream(headers: [:], chunk: [120], times: 200, pause: 0.2) }
        let started = Date()
        // The wait for each byte (3 s) is longer than the whole request's (2 s): only the whole can end it.
        #expect { try transport(requestTimeout: 3, resourceTimeout: 2).get(server.baseURL, headers: [:]) } throws: { error in
            guard case .tooSlow(let seconds, let received)? = error as? FetchFault else { return false }
            return seconds == 2 && received > 0 && "\(error)".hasPrefix("no complete answer after waiting 2 s")
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 1.9 && elapsed < 5, "\(elapsed) s")
    }

    @Test("a redirect to file:// is reported as what it is, and an http redirect is followed")
    func redirects() throws {
        let server = try FixtureServer { request in
            switch request.path {
            case "/file": return .answer(status: 302, headers: ["Location": "file:///etc/passwd"], body: "")
            case "/hop": return .answer(status: 301, headers: ["Location": "/data"], body: "")
            case "/loop": return .answer(status: 302, headers: ["Location": "/loop"], body: "")
            default: return .answer(status: 200, headers: [:], body: "data")
            }
        }
        #expect { try transport().get(server.baseURL.appendingPathComponent("file"), headers: [:]) } throws: {
            "\($0)" == "redirected to file:///etc/passwd, not an http(s) URL; not followed"
        }
        #expect(try transport().get(server.baseURL.appendingPathComponent("hop"), headers: [:]).text == "data")
        #expect { try transport().get(server.baseURL.appendingPathComponent("loop"), headers: [:]) } throws: {
            "\($0)".hasPrefix("more than 5 redirects from http://127.0.0.1:\(server.port)/loop")
        }
    }

    @Test("a provider that answered too large is not asked again in the same fetch; the store keeps what it had")
    func notRetried() throws {
        let bomb = try Self.gzippedZeros(16 * Self.megabyte)
        let server = try FixtureServer { _ in .bytes(status: 200, headers: ["Content-Encoding": "gzip"], body: bomb) }
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("store.sqlite").path)
        let kept = [Bar(day: Day(iso: "2024-01-02")!, open: nil, high: nil, low: nil, close: 2000, volume: nil)]
        try store.upsert(kept, into: .rut, source: "test", today: Day(iso: "2024-06-01")!)
        let yahoo = YahooChartProvider(baseURL: server.baseURL, transport: transport())
        let chain = ProviderChain(series: .rut, providers: [yahoo], book: BackoffBook(), clock: ManualClock(), rounds: 3)
        #expect { try SeriesFetcher(store: store, chain: chain).run() } throws: {
            "\($0)".contains("answer larger than 1 MB from http://127.0.0.1:\(server.port)/v8/finance/chart/")
        }
        #expect(server.requests.count == 1)
        #expect(try store.load(.rut).bars == kept)
    }

    @Test("a URL in a message keeps no query: a key in it stays out of the log")
    func urlWithoutQuery() {
        let url = URL(string: "https://user:pw@stooq.example/q/d/l/?s=rut&apikey=s3cret")!
        #expect(HTTPHelperTransport.shown(url) == "https://stooq.example/q/d/l/?…")
    }
}
