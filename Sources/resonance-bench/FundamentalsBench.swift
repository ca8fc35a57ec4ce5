import Foundation
import LoopbackHTTP
import Markets

/// `fetch --fundamentals` from a clean store against a loopback SEC the size of the real task: the six funds'
/// feeds and quarterly filings since 2019 (IWM's with 2,000 holdings), both ticker files, and the frames from
/// 2009, compared with the SEC's bound of 10 requests a second; then a second run, which should ask nothing.
struct FundamentalsBench {
    /// The real `resonance` binary.
    let binary: String

    struct Result {
        var requests: Int
        var seconds: Double
        /// The time the requests take at exactly 10 a second.
        var bound: Double { Double(requests) / 10 }
        var cpuSeconds: Double
        var againRequests: Int
        var againSeconds: Double
        var againCPUSeconds: Double
        var status: Int32
    }

    /// The scripted SEC of the measurement.
    static func world(today: Day) -> FixtureSEC {
        FixtureSEC(today: today, companies: 2000, firstFilingYear: 2019, firstFrameYear: 2009)
    }

    func measure(root: String, progress: (String) -> Void) throws -> Result? {
        let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))
        progress("building the loopback SEC…")
        let sec = Self.world(today: today)
        let server = try FixtureServer(handler: sec.handler)
        defer { server.stop() }
        let home = root + "/fundamentals"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "sec_contact = \"Bench Runner bench@example.com\"\n".write(toFile: home + "/config.toml", atomically: true, encoding: .utf8)
        let environment = ["RESONANCE_HOME": home, "RESONANCE_SEC_URL": server.baseURL.absoluteString]
        progress("fetch --fundamentals, first run (about 40 s at 10 requests a second)…")
        guard let first = ChildProcess.run(binary, ["fetch", "--fundamentals"], environment: environment,
                                           stdoutPath: home + "/first.txt") else { return nil }
        let requests = server.requests.filter(FixtureSEC.isSECRequest).count
        progress("fetch --fundamentals, second run…")
        guard let again = ChildProcess.run(binary, ["fetch", "--fundamentals"], environment: environment,
                                           stdoutPath: home + "/again.txt") else { return nil }
        let total = server.requests.filter(FixtureSEC.isSECRequest).count
        return Result(requests: requests, seconds: first.seconds, cpuSeconds: first.cpuSeconds, againRequests: total - requests,
                      againSeconds: again.seconds, againCPUSeconds: again.cpuSeconds, status: max(first.status, again.status))
    }

    /// The result as Markdown.
    static func markdown(_ result: Result) -> String {
        """
        | fetch --fundamentals | requests | wall time | at 10 requests/s | ratio | CPU | second run: requests | wall time | CPU |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|
        | 6 funds since 2019, frames since 2009 | \(result.requests) | \(String(format: "%.1f s", result.seconds)) | \(String(format: "%.1f s", result.bound)) | \(String(format: "%.2f×", result.seconds / result.bound)) | \(String(format: "%.1f s", result.cpuSeconds)) | \(result.againRequests) | \(String(format: "%.2f s", result.againSeconds)) | \(String(format: "%.2f s", result.againCPUSeconds)) |

        """
    }

    /// Serves the loopback SEC until killed, for trying the panels by hand: prints the URL to use as RESONANCE_SEC_URL.
    static func serve() throws -> Never {
        let sec = world(today: Day(unixSeconds: Int64(Date().timeIntervalSince1970)))
        let server = try FixtureServer(handler: sec.handler)
        print("RESONANCE_SEC_URL=\(server.baseURL.absoluteString)")
        fflush(nil)
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}
