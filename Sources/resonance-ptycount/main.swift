// resonance-ptycount: runs the dashboard on a pseudo-terminal and counts the bytes it writes per action.
//
//     swift build && .build/debug/resonance-ptycount [--binary PATH] [--term TERM] [--sizes 120x40,200x50]
//
// For each size it starts `resonance --demo`, waits for the first frame, then sends one key at a time and
// counts what the dashboard writes in answer (until it has been quiet for 300 ms): a zoom step (`+`),
// cursor steps (`,` `.`), pan steps (`h` `l`) and a theme switch (`t`). Prints a Markdown table.

import Foundation
import Glibc

/// One measured action: the key sent (nil for the first frame) and its label.
struct Step {
    var key: String?
    var label: String
}

/// The dashboard opens on all the data with the cursor on the last day, where `.` and `l` change nothing;
/// so it zooms in and steps left first, and each measured key then moves something.
let steps = [
    Step(key: nil, label: "first frame"),
    Step(key: "+", label: "zoom step (+)"),
    Step(key: ",", label: "cursor step (,)"),
    Step(key: ".", label: "cursor step (.)"),
    Step(key: "h", label: "pan step (h)"),
    Step(key: "l", label: "pan step (l)"),
    Step(key: "t", label: "theme switch (t)"),
]

/// Reads everything the child writes until it has been quiet for `quietMilliseconds`.
///
/// With `until`, keeps reading (up to ten seconds) until those bytes have been seen, then waits for quiet.
func drain(_ fd: Int32, quietMilliseconds: Int32, firstWaitMilliseconds: Int32 = 5000, until marker: String? = nil) -> Int {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var wait = firstWaitMilliseconds
    let needle = marker.map { Array($0.utf8) }
    let deadline = Date().addingTimeInterval(10)
    var seen = needle == nil
    while true {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, wait) <= 0 {
            if seen || Date() > deadline { return received.count }
            continue
        }
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return received.count }
        received += buffer[0..<count]
        if let needle, !seen, received.count >= needle.count {
            seen = (0...(received.count - needle.count)).contains { received[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        wait = quietMilliseconds
    }
}

/// Starts the dashboard on a new pseudo-terminal of a size; returns the master side and the child's pid.
func startDashboard(binary: String, term: String, width: Int, height: Int, home: String) -> (master: Int32, pid: pid_t) {
    var master: Int32 = -1, slave: Int32 = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { fatalError("openpty failed: errno \(errno)") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for target in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, slave, target) }
    posix_spawn_file_actions_addclose(&actions, master)
    let arguments = [binary, "--demo"]
    let environment = ["TERM=\(term)", "LANG=C.UTF-8", "RESONANCE_HOME=\(home)", "PATH=/usr/bin:/bin"]
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, binary, &actions, nil, argv, envp)
    guard rc == 0 else { fatalError("cannot start \(binary): error \(rc)") }
    close(slave)
    return (master, pid)
}

// MARK: - Command line

var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("resonance").path
var term = "xterm-256color"
var sizes = [(120, 40), (200, 50)]
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    guard let value = arguments.first else { fatalError("\(flag) needs a value") }
    arguments.removeFirst()
    switch flag {
    case "--binary": binary = value
    case "--term": term = value
    case "--sizes":
        sizes = value.split(separator: ",").map { part in
            let wh = part.split(separator: "x").compactMap { Int($0) }
            return (wh[0], wh[1])
        }
    default: fatalError("unknown option \(flag); use --binary PATH, --term TERM, --sizes 120x40,200x50")
    }
}

let home = FileManager.default.temporaryDirectory.appendingPathComponent("resonance-ptycount-\(getpid())").path
try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: home) }

var table: [[Int]] = []
for (width, height) in sizes {
    let (master, pid) = startDashboard(binary: binary, term: term, width: width, height: height, home: home)
    var column: [Int] = []
    for step in steps {
        if let key = step.key { _ = key.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, key.utf8.count) } }
        // The status bar's "? help" is drawn last in the first frame.
        column.append(drain(master, quietMilliseconds: 300, until: step.key == nil ? "? help" : nil))
    }
    _ = write(master, "q", 1)
    _ = drain(master, quietMilliseconds: 200, firstWaitMilliseconds: 1000)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
    table.append(column)
}

print("TERM=\(term), resonance --demo, bytes written to the terminal")
print("")
print("| action | " + sizes.map { "\($0.0)x\($0.1)" }.joined(separator: " | ") + " |")
print("|---|" + String(repeating: "---:|", count: sizes.count))
for (row, step) in steps.enumerated() {
    let cells = table.map { column -> String in
        let bytes = column[row]
        let share = row == 0 || column[0] == 0 ? "" : String(format: " (%.1f%%)", 100 * Double(bytes) / Double(column[0]))
        return "\(bytes)\(share)"
    }
    print("| \(step.label) | " + cells.joined(separator: " | ") + " |")
}
