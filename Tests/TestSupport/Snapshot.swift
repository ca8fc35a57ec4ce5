import Foundation
import TermCanvas
import Testing

/// Golden-file snapshots of buffers: text plus style map, stored beside the tests.
///
/// Set `RECORD_SNAPSHOTS=1` to write new baselines. A recording run fails on purpose, so every new
/// baseline is read by a person before it is kept.
public enum Snapshots {
    /// Whether this run writes baselines instead of comparing.
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares a buffer's snapshot with the stored one named `name` in `__Snapshots__` next to `file`.
    public static func assertMatches(_ buffer: Buffer, named name: String, file: String = #filePath,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = buffer.snapshot
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); read it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(name) at \(url.path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let diff = firstDifference(expected, actual)
            Issue.record("snapshot \(name) differs at line \(diff.line):\n  expected: \(diff.expected)\n  actual:   \(diff.actual)",
                         sourceLocation: sourceLocation)
        }
    }

    private static func firstDifference(_ a: String, _ b: String) -> (line: Int, expected: String, actual: String) {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? la[i] : "<none>", y = i < lb.count ? lb[i] : "<none>"
            if x != y { return (i + 1, x, y) }
        }
        return (0, "", "")
    }
}
