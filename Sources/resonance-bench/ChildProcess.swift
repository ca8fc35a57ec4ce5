import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One finished run of another program: how long it took from spawn to exit and how much memory it peaked at.
struct ChildRun {
    /// Wall time from spawn to reaped exit, in seconds.
    var seconds: Double
    /// The peak resident set size `wait4` reports, in bytes.
    ///
    /// Not the child's own peak: Linux spawns through vfork, and at exec the child's record keeps the
    /// high-water mark of the memory it shared with the parent. `peakBytes(_:_:)` measures it properly.
    var reportedPeakBytes: Int
    /// The exit status, or -1 when the child did not exit normally.
    var status: Int32
    /// User and system CPU time of the child, in seconds.
    var cpuSeconds: Double = 0
}

/// Spawns programs with their output discarded and measures each run on its own.
enum ChildProcess {
    /// Runs a program to completion with stdout and stderr sent to /dev/null (or to `stdoutPath`).
    ///
    /// - Parameters:
    ///   - path: the executable.
    ///   - arguments: the arguments after the program name.
    ///   - environment: extra variables on top of the bench's own environment.
    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:],
                    stdoutPath: String = "/dev/null") -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid = pid_t()
        let start = Clock.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let seconds = Clock.now() - start
        let exited = status & 0x7f == 0
        // Linux reports ru_maxrss in kilobytes, macOS in bytes.
        #if os(Linux)
        let peak = Int(usage.ru_maxrss) * 1024
        #else
        let peak = Int(usage.ru_maxrss)
        #endif
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildRun(seconds: seconds, reportedPeakBytes: peak, status: exited ? (status >> 8) & 0xff : -1, cpuSeconds: cpu)
    }

    /// A program's own peak resident set size in bytes, measured by `/usr/bin/time`; nil when that is absent.
    ///
    /// GNU time forks the program from its own small process and reports that child's `ru_maxrss`, so the
    /// bench's memory does not leak into the figure the way it does for a child spawned directly.
    static func peakBytes(_ path: String, _ arguments: [String]) -> Int? {
        let time = "/usr/bin/time"
        guard access(time, X_OK) == 0 else { return nil }
        let output = NSTemporaryDirectory() + "resonance-bench-peak-\(getpid())"
        defer { unlink(output) }
        guard let run = run(time, ["-f", "%M", "-o", output, path] + arguments), run.status == 0,
              let text = try? String(contentsOfFile: output, encoding: .utf8),
              let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }

    /// The full path of a program on `PATH`, or nil when it is not installed.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Median wall time over `runs` spawns and the largest peak memory of three more, or nil when a run fails.
    ///
    /// One unmeasured run first, so the file system cache holds the binary and its files, as it does for a
    /// user; peak memory comes from separate runs through GNU time (see `peakBytes`).
    static func measure(_ path: String, _ arguments: [String], runs: Int) -> (seconds: Double, peakBytes: Int?)? {
        guard let warm = run(path, arguments), warm.status == 0 else { return nil }
        var times: [Double] = []
        for _ in 0..<runs {
            guard let measured = run(path, arguments), measured.status == 0 else { return nil }
            times.append(measured.seconds)
        }
        let peaks = (0..<3).compactMap { _ in peakBytes(path, arguments) }
        return (Stats.median(times), peaks.max())
    }
}
