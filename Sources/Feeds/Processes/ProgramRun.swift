import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of another program, started with clean signals: the one way this package spawns a process
/// (the HTTP helper, and the programs the tests run).
///
/// The child starts with no signals blocked and every handler at its default, whatever the spawning
/// thread had: Dispatch's threads and the test runner's block most signals, and a child keeps the mask
/// it inherits (a tmux server started that way never sees the SIGTERM `kill-server` sends it, and an
/// HTTP helper would ignore the parent's SIGTERM). Its output is read through pipes that close on exec,
/// so a program another thread starts meanwhile never inherits them.
public struct ProgramRun {
    public let pid: pid_t
    /// Read ends of the child's standard output and error; nil when they go to /dev/null.
    let output: Int32?
    let errors: Int32?

    /// What a run produced.
    public struct Finished: Sendable {
        /// False when the deadline passed first (the program was then killed).
        public var completed: Bool
        /// The program wrote more than the output limit; it was killed.
        public var overflowed = false
        /// The exit status, or 128 plus the signal that ended the program.
        public var status: Int32
        public var output: Data
        public var errors: Data
    }

    /// Why a program could not be started.
    public struct StartFailure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot start \(path): \(reason)" }
    }

    /// Starts a program.
    ///
    /// - Parameters:
    ///   - path: the executable.
    ///   - arguments: its arguments, after its own name.
    ///   - environment: its whole environment; nil passes this process's on.
    ///   - input: bytes waiting in its standard input, which then ends; at most 64 kB, written into the
    ///     pipe before the program exists (so an early exit can never raise SIGPIPE here). Nil: /dev/null.
    ///   - captureOutput: read its standard output and error (`collect` returns them); false sends
    ///     them to /dev/null, for programs that leave a daemon holding their output (`tmux new-session -d`).
    /// - Throws: `StartFailure` naming the program and the reason.
    public static func start(_ path: String, arguments: [String] = [], environment: [String: String]? = nil,
                             input: Data? = nil, captureOutput: Bool = true) throws -> ProgramRun {
        func failure(_ code: Int32) -> StartFailure { StartFailure(path: path, reason: String(cString: strerror(code))) }
        guard (input?.count ?? 0) <= 65_536 else { throw StartFailure(path: path, reason: "more than 64 kB of input") }
        var opened: [Int32] = []
        func pipeEnds() throws -> (read: Int32, write: Int32) {
            var ends: [Int32] = [-1, -1]
            guard closeOnExecPipe(&ends) == 0 else {
                let code = errno
                opened.forEach { close($0) }
                throw failure(code)
            }
            opened += ends
            return (ends[0], ends[1])
        }
        var inputPipe: (read: Int32, write: Int32)?
        var outPipe: (read: Int32, write: Int32)?
        var errPipe: (read: Int32, write: Int32)?
        if let input {
            let ends = try pipeEnds()
            input.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(ends.write, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 { if errno == EINTR { continue } else { break } }
                    offset += written
                }
            }
            close(ends.write)
            opened.removeAll { $0 == ends.write }
            inputPipe = ends
        }
        if captureOutput {
            outPipe = try pipeEnds()
            errPipe = try pipeEnds()
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let inputPipe { posix_spawn_file_actions_adddup2(&actions, inputPipe.read, 0) } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        for (stream, ends) in [(Int32(1), outPipe), (2, errPipe)] {
            if let ends { posix_spawn_file_actions_adddup2(&actions, ends.write, stream) } else {
                posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", O_WRONLY, 0)
            }
        }
        // Nothing else of this process goes along (the store's files, a test server's sockets, pipes
        // other threads are reading): a daemon the child leaves behind would hold them open.
        if let closeFrom = closeFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid = pid_t()
        spawnLock.lock()
        func spawn() -> Int32 {
            if let envp { return envp.withUnsafeBufferPointer { posix_spawn(&pid, path, &actions, &attributes, argv, $0.baseAddress) } }
            return posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        var spawned = spawn()
        // ETXTBSY: the file is still open for writing somewhere (being rebuilt or copied, or a descriptor
        // inherited by another process forked meanwhile); that passes within moments.
        for _ in 0..<20 where spawned == ETXTBSY {
            usleep(25_000)
            spawned = spawn()
        }
        spawnLock.unlock()
        // The child holds its own copies now; keep only the read ends of its output.
        for end in [inputPipe?.read, outPipe?.write, errPipe?.write].compactMap({ $0 }) { close(end) }
        guard spawned == 0 else {
            [outPipe?.read, errPipe?.read].compactMap { $0 }.forEach { close($0) }
            throw failure(spawned)
        }
        return ProgramRun(pid: pid, output: outPipe?.read, errors: errPipe?.read)
    }

    /// Reads the output to its end and reaps the program, or kills it (SIGKILL) when the deadline passes
    /// or its standard output grows past `outputLimit` bytes (standard error is kept to its first 64 kB).
    public func collect(deadline: Date, outputLimit: Int = .max) -> Finished {
        var output = Data(), errors = Data()
        var open: [Int32] = [self.output, self.errors].compactMap { $0 }
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
        let signal = status & 0x7f
        return Finished(completed: completed, overflowed: overflowed, status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
                        output: output, errors: errors)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module
    /// does not declare; nil where the C library lacks it.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Held while a pipe is made and marked, and while a program is spawned.
    private static let spawnLock = NSLock()

    /// A pipe whose ends close on exec, so a program another thread spawns never inherits them (an
    /// inherited write end would keep this program's output from ending). The spawn's `dup2` onto 0, 1
    /// and 2 clears the flag on the child's own copies.
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Int32 {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        guard pipe(&ends) == 0 else { return -1 }
        ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        return 0
    }
}
