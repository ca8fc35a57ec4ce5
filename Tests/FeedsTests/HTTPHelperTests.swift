@testable import Feeds
import Foundation
import TestSupport
import Testing

/// The HTTP helper: its wire format, the real helper against a loopback server, and helpers that misbehave.
@Suite("HTTP through the helper process")
struct HTTPHelperTests {
    @Test("a request survives the wire, header values with line breaks kept on one line")
    func requestRoundTrip() throws {
        let request = HTTPHelperWire.Request(url: URL(string: "https://example.test/v8/chart/%5ERUT?range=5d&key=s3cret")!,
                                             headers: ["User-Agent": "resonance (ops@example.test)", "X-Odd": "a\nb"],
                                             requestTimeout: 1.5, resourceTimeout: 9, parent: 4242)
        let decoded = try HTTPHelperWire.decodeRequest(HTTPHelperWire.encode(request))
        #expect(decoded.url == request.url)
        #expect(decoded.headers == ["User-Agent": "resonance (ops@example.test)", "X-Odd": "a b"])
        #expect(decoded.requestTimeout == 1.5 && decoded.resourceTimeout == 9 && decoded.parent == 4242)
        #expect(decoded.limit == AnswerKind.largestLimit)
    }

    @Test("an answer with a binary body and every transport fault survive the wire")
    func outcomeRoundTrip() throws {
        let body = Data([0, 10, 13, 255, 98, 111, 100, 121, 10])
        let answer = HTTPAnswer(status: 429, headers: ["Retry-After": "20", "Content-Type": "text/csv"], body: body)
        let decoded = try HTTPHelperWire.decodeOutcome(HTTPHelperWire.encode(.success(answer))).get()
        #expect(decoded.status == 429 && decoded.body == body && decoded.headers == ["retry-after": "20", "content-type": "text/csv"])
        for fault in [FetchFault.timeout, .connectionRefused, .hostNotFound("query1.finance.yahoo.com"), .network("reset by peer"),
                      .answerTooLarge(limit: 8 << 20, url: "https://example.test/v8/chart?…"), .tooSlow(seconds: 60, received: 199),
                      .redirectRefused("redirected to file:///etc/passwd, not an http(s) URL; not followed")] {
            let wire = HTTPHelperWire.encode(.failure(fault))
            #expect(throws: fault) { try HTTPHelperWire.decodeOutcome(wire).get() }
        }
        // A network fault's text crosses once: it used to read "network error: network error: reset by peer".
        #expect(throws: FetchFault.network("reset by peer")) {
            try HTTPHelperWire.decodeOutcome(HTTPHelperWire.encode(.failure(.network("reset by peer")))).get()
        }
        #expect(FetchFault.network("reset by peer").description == "network error: reset by peer")
    }

    @Test("truncated or foreign helper output is rejected, naming what is wrong", arguments: [
        ("status 200\nbody 10\nshort", "body length 10 but 5 bytes follow"),
        ("status 200\nheader x: y", "unterminated line"),
        ("status two hundred\n", "bad status"),
        ("HTTP/1.1 200 OK\n", "unknown line HTTP/1.1 200 OK"),
        ("body 0\n", "body before status"),
        ("", "ended before the body"),
    ])
    func malformedOutcome(output: String, message: String) {
        #expect { try HTTPHelperWire.decodeOutcome(Data(output.utf8)) } throws: { "\($0)".contains(message) }
    }

    @Test("the real helper fetches from a loopback server: status, headers and body intact")
    func realHelper() throws {
        // Larger than a pipe's buffer, so the helper's output arrives in many reads.
        let body = (0..<20_000).map { "line \($0) " + String(repeating: "x", count: $0 % 17) }.joined(separator: "\n")
        let server = try FixtureServer { request in
            guard request.headers["user-agent"] == "resonance-test" else { return .answer(status: 403, headers: [:], body: "no agent") }
            return .answer(status: 200, headers: ["Content-Type": "text/plain", "X-Path": request.path], body: body)
        }
        let answer = try HTTPHelperTransport(requestTimeout: 5, resourceTimeout: 10)
            .get(server.baseURL.appendingPathComponent("data/blob"), headers: ["User-Agent": "resonance-test"])
        #expect(answer.status == 200)
        #expect(answer.headers["x-path"] == "/data/blob")
        #expect(answer.body.count > 200_000)
        #expect(answer.text == body)
    }

    @Test("nothing listening is connection refused")
    func refused() throws {
        let server = try FixtureServer { _ in .hangUp }
        let port = server.port
        server.stop()
        #expect(throws: FetchFault.connectionRefused) {
            try HTTPHelperTransport(requestTimeout: 2, resourceTimeout: 4).get(URL(string: "http://127.0.0.1:\(port)/")!, headers: [:])
        }
    }

    @Test("a missing helper is named with how to get it")
    func missingHelper() {
        let transport = HTTPHelperTransport(requestTimeout: 1, resourceTimeout: 1, helperPath: "/nonexistent/resonance-http")
        #expect { try transport.get(URL(string: "http://127.0.0.1:1/")!, headers: [:]) } throws: {
            "\($0)".contains("/nonexistent/resonance-http is missing") && "\($0)".contains("RESONANCE_HTTP_HELPER")
        }
    }

    @Test("a helper that hangs is killed after the resource timeout")
    func hangingHelper() throws {
        let folder = try TemporaryDirectory()
        let script = try folder.executable("#!/bin/sh\nexec sleep 30\n", named: "hang")
        let transport = HTTPHelperTransport(requestTimeout: 0.1, resourceTimeout: 0.1, helperPath: script.path)
        // The hanging helper is killed at the deadline and reported as too slow, not waited for to its end.
        #expect(throws: FetchFault.tooSlow(seconds: 1, received: 0)) { try transport.get(URL(string: "http://127.0.0.1:1/")!, headers: [:]) }
    }

    @Test("a helper that fails says so with its own words")
    func failingHelper() throws {
        let folder = try TemporaryDirectory()
        let script = try folder.executable("#!/bin/sh\ncat >/dev/null\necho 'resonance-http: out of cheese' >&2\nexit 2\n",
                                           named: "fail")
        let transport = HTTPHelperTransport(requestTimeout: 1, resourceTimeout: 1, helperPath: script.path)
        #expect { try transport.get(URL(string: "http://127.0.0.1:1/")!, headers: [:]) } throws: {
            "\($0)" == "network error: HTTP helper failed (exit 2): resonance-http: out of cheese"
        }
    }
}

/// The helper leaves when the program that started it is gone, instead of waiting out its timeout.
@Suite("HTTP helper without its parent")
struct HTTPHelperOrphanTests {
    @Test("a helper waiting on a stalled server exits when its parent dies, not after its 30 s stall")
    func exitsWithItsParent() throws {
        let server = try FixtureServer { _ in .stall(30) }
        let folder = try TemporaryDirectory()
        let request = HTTPHelperWire.Request(url: server.baseURL.appendingPathComponent("slow"), headers: [:],
                                             requestTimeout: 30, resourceTimeout: 60)
        try HTTPHelperWire.encode(request).write(to: folder.file("request"))
        let helper = HTTPHelperTransport.defaultHelperPath()
        // A parent shell starts the helper in the background, naming itself as the parent as the program
        // does, writes the helper's pid, and exits at once.
        let script = "(cat \(folder.file("request").path); echo parent $$) | \(helper) > /dev/null 2>&1 & "
            + "echo $! > \(folder.file("pid").path)"
        // No captured output: the helper must not hold a pipe the test would wait on.
        let shell = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], captureOutput: false)
        #expect(shell.status == 0)
        let pid = try #require(Int32(String(contentsOf: folder.file("pid"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        // The stalled request would hold the helper for 30 s; it must be gone long before. (A finished
        // helper may stay a zombie of whichever process adopted it, so "gone" means not running.)
        func running() -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        }
        let deadline = Date().addingTimeInterval(10)
        while running(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!running(), "the helper \(pid) outlived its parent by 10 s")
    }
}
