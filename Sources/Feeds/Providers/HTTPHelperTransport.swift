import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The program's HTTP transport: each request runs `resonance-http`, the helper built beside it.
///
/// Keeping the HTTP stack in a helper is what lets `resonance render` and the dashboard start in a few
/// milliseconds (see `HTTPHelperWire`); a fetch happens at most every few minutes, so a process start
/// per request costs nothing anyone notices. The helper enforces the timeouts and the size cap of the
/// answer (`AnswerKind`); this side also kills it a few seconds after the resource timeout, and when it
/// writes more than the cap allows, so a wedged or broken helper can never hang a refresh or fill memory.
public struct HTTPHelperTransport: HTTPTransport {
    /// The transport every provider of the process uses unless told otherwise.
    public static let shared = HTTPHelperTransport(requestTimeout: 15, resourceTimeout: 60)

    public var requestTimeout: TimeInterval
    public var resourceTimeout: TimeInterval
    /// The helper executable; by default `resonance-http` beside the running program.
    public var helperPath: String
    /// A cap for every answer instead of each kind's own (`AnswerKind.limit`); tests set a small one.
    public var answerLimit: Int?

    /// - Parameters:
    ///   - requestTimeout: the longest wait for the next byte, in seconds.
    ///   - resourceTimeout: the longest a whole request may take, in seconds, however steadily bytes arrive.
    public init(requestTimeout: TimeInterval, resourceTimeout: TimeInterval, helperPath: String = Self.defaultHelperPath(),
                answerLimit: Int? = nil) {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        self.helperPath = helperPath
        self.answerLimit = answerLimit
    }

    /// `$RESONANCE_HTTP_HELPER` when set, else `resonance-http` in the running executable's folder.
    public static func defaultHelperPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["RESONANCE_HTTP_HELPER"], !path.isEmpty { return path }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("resonance-http").path
    }

    /// Fetches a URL whose answer is of no particular kind: capped at the largest kind's limit.
    public func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        try get(url, headers: headers, kind: .other)
    }

    public func get(_ url: URL, headers: [String: String], kind: AnswerKind) throws -> HTTPAnswer {
        let limit = answerLimit ?? kind.limit
        guard access(helperPath, X_OK) == 0 else {
            throw FetchFault.network("the HTTP helper \(helperPath) is missing; it is built beside resonance (swift build), "
                                     + "or set RESONANCE_HTTP_HELPER to its path")
        }
        let request = HTTPHelperWire.Request(url: url, headers: headers, requestTimeout: requestTimeout,
                                             resourceTimeout: resourceTimeout, limit: limit, parent: getpid())
        let run = try HelperRun.start(helperPath, input: HTTPHelperWire.encode(request))
        // The outcome is the body and a few lines of status and headers (whose total the helper's HTTP
        // stack bounds): more than the cap plus 1 MB is a helper gone wrong.
        let finished = run.collect(deadline: Date().addingTimeInterval(resourceTimeout + 5), outputLimit: limit + (1 << 20))
        if finished.overflowed { throw FetchFault.answerTooLarge(limit: limit, url: Self.shown(url)) }
        guard finished.completed else { throw FetchFault.tooSlow(seconds: Int(resourceTimeout.rounded(.up)), received: finished.output.count) }
        do {
            return try HTTPHelperWire.decodeOutcome(finished.output).get()
        } catch let fault as FetchFault {
            throw fault
        } catch {
            let said = String(decoding: finished.errors.prefix(4096), as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw FetchFault.network("HTTP helper failed (exit \(finished.status)): \(MessageExcerpt.of(said ?? "\(error)", limit: 120))")
        }
    }

    /// A URL as a message shows it: without its query, which may hold a key (Stooq's `apikey`).
    public static func shown(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        let hadQuery = components.query != nil
        components.query = nil
        components.user = nil
        components.password = nil
        return (components.string ?? url.absoluteString) + (hadQuery ? "?…" : "")
    }
}

/// One run of the helper: its pid and the read ends of its output pipes.
struct HelperRun {
    var pid: pid_t
    var output: Int32
    var errors: Int32

    /// What a run produced.
    struct Finished {
        var completed: Bool
        /// The helper wrote more than the output limit; it was killed.
        var overflowed = false
        var status: Int32
        var output: Data
        var errors: Data
    }

    /// Starts the helper with `input` already waiting in its standard input.
    ///
    /// The request is written into the pipe before the helper exists (it is far smaller than a pipe's
    /// buffer), so an early exit of the helper can never raise SIGPIPE here.
    static func start(_ path: String, input: Data) throws -> HelperRun {
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard closeOnExecPipe(&inPipe) == 0 else { throw FetchFault.network("cannot make a pipe: \(String(cString: strerror(errno)))") }
        guard closeOnExecPipe(&outPipe) == 0 else {
            close(inPipe[0]); close(inPipe[1])
            throw FetchFault.network("cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        guard closeOnExecPipe(&errPipe) == 0 else {
            [inPipe[0], inPipe[1], outPipe[0], outPipe[1]].forEach { close($0) }
            throw FetchFault.network("cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        input.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(inPipe[1], bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 { if errno == EINTR { continue } else { break } }
                offset += written
            }
        }
        close(inPipe[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // The helper starts with no signals blocked and default handlers, whatever the calling thread had.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        spawnLock.lock()
        var spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        // ETXTBSY: the helper file is still open for writing somewhere (being rebuilt or copied, or a
        // descriptor inherited by another process forked meanwhile); that passes within moments.
        for _ in 0..<20 where spawned == ETXTBSY {
            usleep(25_000)
            spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        spawnLock.unlock()
        [inPipe[0], outPipe[1], errPipe[1]].forEach { close($0) }
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw FetchFault.network("cannot start the HTTP helper \(path): \(String(cString: strerror(spawned)))")
        }
        return HelperRun(pid: pid, output: outPipe[0], errors: errPipe[0])
    }

    /// Reads both pipes to their end and reaps the helper, or kills it when the deadline passes or it
    /// writes more than `outputLimit` bytes (standard error is kept to its first 64 kB).
    func collect(deadline: Date, outputLimit: Int = .max) -> Finished {
        var output = Data(), errors = Data()
        var open: [Int32] = [self.output, self.errors]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var completed = true
        var overflowed = false
        while !open.isEmpty && !overflowed {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { completed = false; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { completed = false; break }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == self.output {
                        output.append(buffer, count: count)
                        if output.count > outputLimit { overflowed = true; completed = false }
                    } else if errors.count < 65_536 {
                        errors.append(buffer, count: count)
                    }
                } else if count == 0 || errno != EINTR {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        open.forEach { close($0) }
        if !completed { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : -1
        return Finished(completed: completed, overflowed: overflowed, status: exitStatus, output: output, errors: errors)
    }

    /// Held while a pipe is made and marked, and while the helper is spawned.
    private static let spawnLock = NSLock()

    /// A pipe whose ends close on exec, so a helper another thread spawns never inherits them (an
    /// inherited write end would keep this helper's output from ending). The spawn's `dup2` onto 0, 1
    /// and 2 clears the flag on the helper's own copies.
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Int32 {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        guard pipe(&ends) == 0 else { return -1 }
        ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        return 0
    }
}
