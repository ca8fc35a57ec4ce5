import Feeds
import Foundation

/// Runs programs for end-to-end tests and collects what they print.
public enum Processes {
    /// What a finished process printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The bytes as written, for checks a decoded string would hide (invalid UTF-8 becomes U+FFFD).
        public var stdoutBytes = Data()
        public var stderrBytes = Data()
    }

    /// The built `resonance` binary, beside the test bundle.
    public static var resonanceBinary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("resonance"),
            Bundle.main.bundleURL.appendingPathComponent("resonance"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("resonance"),
            ReferenceData.packageRoot.appendingPathComponent(".build/debug/resonance"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Every provider's base URL pointed at a closed loopback port, so a test that gives none of its own
    /// can never reach the public network (a dashboard over a store fetches once when it opens).
    public static let offline: [String: String] = Dictionary(uniqueKeysWithValues: [
        "RESONANCE_YAHOO_URL", "RESONANCE_COINBASE_URL", "RESONANCE_STOOQ_URL", "RESONANCE_ISHARES_URL", "RESONANCE_SEC_URL",
    ].map { ($0, "http://127.0.0.1:9") })

    /// Runs a program to completion with extra environment variables, started with clean signals
    /// (`ProgramRun`, as the program starts its HTTP helper).
    ///
    /// With `captureOutput` false the output goes nowhere, for programs that leave a daemon holding
    /// their output open (such as `tmux new-session -d`). A process still running after `timeout` is killed.
    public static func run(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:],
                           stdin: String? = nil, captureOutput: Bool = true, timeout: TimeInterval = 60) throws -> Result {
        let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let run = try ProgramRun.start(executable.path, arguments: arguments, environment: environment,
                                       input: stdin.map { Data($0.utf8) }, captureOutput: captureOutput)
        let finished = run.collect(deadline: Date().addingTimeInterval(timeout))
        return Result(status: finished.status, stdout: String(decoding: finished.output, as: UTF8.self),
                      stderr: String(decoding: finished.errors, as: UTF8.self),
                      stdoutBytes: finished.output, stderrBytes: finished.errors)
    }

    /// Runs `resonance` with arguments.
    public static func resonance(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(resonanceBinary, arguments, environment: offline.merging(environment) { $1 })
    }

    /// The path of a program on PATH, or nil.
    public static func which(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ prefix: String = "resonance-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
