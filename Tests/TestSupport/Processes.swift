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

    /// Runs a program to completion with extra environment variables.
    ///
    /// With `captureOutput` false the output goes nowhere, for programs that leave a daemon holding
    /// their output open (such as `tmux new-session -d`). A process still running after `timeout` is killed.
    public static func run(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:],
                           stdin: String? = nil, captureOutput: Bool = true, timeout: TimeInterval = 60) throws -> Result {
        if !captureOutput { return Result(status: try spawnAndWait(executable, arguments), stdout: "", stderr: "") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }

        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData, stderrBytes: errData)
    }

    /// Starts a program with its output sent to /dev/null and waits for it with waitpid.
    ///
    /// Foundation's Process waits for the pipes it hands out; a program that leaves a daemon behind (tmux)
    /// needs the plain POSIX route.
    static func spawnAndWait(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The child starts with no signals blocked and default handlers. Test threads (Dispatch's among them)
        // block most signals, and a spawned tmux server would keep that mask: it then never sees the SIGTERM
        // that `kill-server` sends itself, and outlives the test with its panes.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
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
