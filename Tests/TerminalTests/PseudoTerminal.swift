import Glibc

/// A pseudo-terminal pair for driving curses in process: curses writes to the slave, the test reads the master.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    /// The slave as curses' output and input streams.
    let output: UnsafeMutablePointer<FILE>
    let input: UnsafeMutablePointer<FILE>

    /// Whether this system can create a pseudo-terminal at all.
    static let isAvailable: Bool = {
        guard let pty = try? PseudoTerminal(width: 10, height: 5) else { return false }
        pty.close()
        return true
    }()

    struct Unavailable: Error, CustomStringConvertible {
        var step: String
        var description: String { "cannot create a pseudo-terminal: \(step) failed (errno \(errno))" }
    }

    /// Opens a pair whose window is `width` x `height` cells, with a non-blocking master.
    init(width: Int, height: Int) throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw Unavailable(step: "openpty") }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        guard let output = fdopen(slave, "w"), let input = fdopen(dup(slave), "r") else {
            Glibc.close(master)
            Glibc.close(slave)
            throw Unavailable(step: "fdopen")
        }
        self.master = master
        self.slave = slave
        self.output = output
        self.input = input
        resize(width: width, height: height)
    }

    /// Changes the window size the slave reports.
    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    }

    /// Everything written to the terminal since the last read, waiting until it has been quiet for `quietMilliseconds`.
    func drain(quietMilliseconds: Int32 = 100) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, quietMilliseconds) > 0 else { return bytes }
            let count = read(master, &chunk, chunk.count)
            guard count > 0 else { return bytes }
            bytes += chunk[0..<count]
        }
    }

    /// Types bytes as if from the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The slave's current terminal settings.
    func settings() -> termios {
        var t = termios()
        tcgetattr(slave, &t)
        return t
    }

    func close() {
        fclose(output)
        fclose(input)
        Glibc.close(master)
    }
}

extension Array where Element == UInt8 {
    /// Whether a text's UTF-8 bytes occur in these bytes.
    func contains(text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { Array(self[$0..<($0 + needle.count)]) == needle }
    }
}
