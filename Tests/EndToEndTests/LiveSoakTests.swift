import Foundation
import Markets
import TestSupport
import Testing

/// A long run of live mode against the fixture server with faults injected at random.
///
/// Opt-in: `RESONANCE_SOAK_MINUTES=60 swift test --filter LiveSoakTests` runs an hour. Every minute it
/// revises Bitcoin's last bar, scripts a random fault on a random route, and samples the dashboard's
/// resident memory and open descriptors; at the end the newest revision must be on screen.
@Suite("Live mode soak", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["RESONANCE_SOAK_MINUTES"] != nil, "set RESONANCE_SOAK_MINUTES to run"))
struct LiveSoakTests {
    static var minutes: Int { Int(ProcessInfo.processInfo.environment["RESONANCE_SOAK_MINUTES"] ?? "") ?? 1 }

    static let faults: [FixtureMarket.Fault] = [
        .timeout(20), .hangUp, .tooManyRequests(retryAfter: "20"), .tooManyRequests(retryAfter: nil), .serverError(503),
        .html, .truncatedJSON, .invalidJSON, .wrongSymbol("^GSPC"), .mismatchedArrays, .outOfOrder, .futureTimestamp,
        .badPrice(-4), .providerError,
    ]

    @Test("memory stays flat, no descriptor leaks, and it still refreshes at the end")
    func soak() throws {
        let world = try FixtureWorld()
        try "sec_contact = \"\"\nrefresh_interval = 15\n".write(to: world.home.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let fetched = try Processes.resonance(["fetch"], environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let tmux = try #require(try Tmux(width: 160, height: 45, command: "\(Processes.resonanceBinary.path) --live",
                                         environment: world.environment))
        _ = try tmux.waitFor { $0.contains("BTC yahoo") }
        let shell = try tmux.run(["display", "-p", "-t", "main", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").first.map(String.init))

        func residentKB() -> Int {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        func descriptors() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1 }

        var random = SeededRandom(seed: 2026)
        let routes: [FixtureMarket.Route] = [.yahooRUT, .yahooBTC, .coinbase]
        var samples: [(minute: Int, rssKB: Int, fds: Int, requests: Int)] = [(0, residentKB(), descriptors(), world.server.requests.count)]
        var lastClose = 0.0
        for minute in 1...Self.minutes {
            // Revise the last bar, then let a fault or two land between refreshes.
            let last = world.market.bars(.btc).last!
            lastClose = 50_000 + Double(minute) * 11.11
            world.market.upsert(.btc, Bar(day: last.day, open: last.open, high: max(lastClose, last.high ?? 0) + 1,
                                          low: min(lastClose, last.low ?? lastClose) - 1, close: lastClose, volume: last.volume))
            world.market.script(random.pick(routes), random.pick(Self.faults))
            Thread.sleep(forTimeInterval: 60)
            samples.append((minute, residentKB(), descriptors(), world.server.requests.count))
            print("soak minute \(minute): RSS \(samples.last!.rssKB) kB, fds \(samples.last!.fds), requests \(samples.last!.requests)")
        }
        // A clean last minute: no fault is queued, so the newest revision must reach the screen.
        let screen = try tmux.waitFor(timeout: 90) { $0.contains(ValueFormat.price(lastClose)) }
        #expect(screen.contains(ValueFormat.price(lastClose)), "still refreshing at the end:\n\(screen)")
        let first = samples[1], final = samples.last!
        #expect(final.rssKB > 0 && final.rssKB <= first.rssKB + 8_192, "memory grew: \(samples)")
        #expect(final.fds <= first.fds + 2, "descriptors leaked: \(samples)")
        #expect(final.requests > samples[0].requests + Self.minutes * 2, "too few refreshes: \(samples)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == "EXIT=0")
    }
}
