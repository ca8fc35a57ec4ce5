import Feeds
import Foundation
import Testing

/// The one way the package starts another program: clean signals, nothing inherited, output read, a
/// deadline that kills.
@Suite("Starting programs")
struct ProgramRunTests {
    @Test("a program started from a thread that blocks signals starts with none blocked or ignored")
    func cleanSignals() throws {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGTERM, SIGHUP, SIGUSR1, SIGINT] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let run = try ProgramRun.start("/bin/grep", arguments: ["-E", "^Sig(Blk|Ign)", "/proc/self/status"])
        let finished = run.collect(deadline: Date().addingTimeInterval(30))
        #expect(finished.completed && finished.status == 0)
        // Masks by signal number, bit n-1 for signal n. glibc keeps its own two (32, 33) out of
        // posix_spawn's reach, so the check is on the standard signals 1 to 31.
        let masks = String(decoding: finished.output, as: UTF8.self).split(separator: "\n")
            .compactMap { $0.split(separator: "\t").last.flatMap { UInt64($0, radix: 16) } }
        #expect(masks.count == 2 && masks.allSatisfy { $0 & 0x7FFF_FFFF == 0 }, "\(String(decoding: finished.output, as: UTF8.self))")
    }

    @Test("the program inherits none of this process's other descriptors")
    func noInheritedDescriptors() throws {
        // Without O_CLOEXEC, as a library might leave one; numbered high, away from the child's own.
        let opened = open("/dev/null", O_RDONLY)
        let descriptor = fcntl(opened, F_DUPFD, 200)
        close(opened)
        defer { close(descriptor) }
        #expect(descriptor >= 200)
        let run = try ProgramRun.start("/bin/ls", arguments: ["/proc/self/fd"])
        let finished = run.collect(deadline: Date().addingTimeInterval(30))
        let listed = String(decoding: finished.output, as: UTF8.self).split(separator: "\n").compactMap { Int32($0) }
        #expect(listed.contains(0) && listed.contains(1) && listed.contains(2))
        #expect(!listed.contains(descriptor), "fd \(descriptor) went along: \(listed)")
    }

    @Test("input, output, errors, environment and exit status")
    func roundTrip() throws {
        let run = try ProgramRun.start("/bin/sh", arguments: ["-c", "cat; echo \"$GREETING\" >&2; exit 3"],
                                       environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"], input: Data("piped".utf8))
        let finished = run.collect(deadline: Date().addingTimeInterval(30))
        #expect(finished.completed && finished.status == 3)
        #expect(String(decoding: finished.output, as: UTF8.self) == "piped")
        #expect(String(decoding: finished.errors, as: UTF8.self) == "hello\n")
    }

    @Test("a program past its deadline is killed and reported as not completed")
    func deadline() throws {
        let run = try ProgramRun.start("/bin/sleep", arguments: ["30"])
        let finished = run.collect(deadline: Date().addingTimeInterval(0.2))
        #expect(!finished.completed)
        #expect(finished.status == 128 + SIGKILL)
    }

    @Test("a program that is not there is named with the reason")
    func missing() {
        #expect(throws: ProgramRun.StartFailure.self) { try ProgramRun.start("/nonexistent/program") }
        #expect(throws: ProgramRun.StartFailure.self) { try ProgramRun.start("/bin/cat", input: Data(count: 70_000)) }
    }
}
