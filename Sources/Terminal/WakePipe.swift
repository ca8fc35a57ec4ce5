import Glibc

/// A pipe that wakes a `poll` on another thread: one byte written ends the wait (the self-pipe trick).
///
/// Both ends are non-blocking and close on exec (a spawned HTTP helper must not inherit them). A wake
/// written before the wait starts still ends it, so a result that lands just before the runtime sleeps is
/// never missed.
public final class WakePipe: @unchecked Sendable {
    /// The end to poll for reading.
    public let readEnd: Int32
    private let writeEnd: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        // Made before any helper is spawned (the terminal starts first), so setting the flags after
        // `pipe` leaves no window for a spawn to inherit the ends.
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            ends = [-1, -1]
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Ends the current or next wait; safe from any thread (a full pipe already holds a wake).
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Takes every wake written so far.
    public func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }
}
