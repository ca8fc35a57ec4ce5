import Feeds
import Foundation
import Markets
import TestSupport
import Testing

/// The store where disks go wrong: full, read-only, or a file of garbage bytes. Each gives a clear
/// message and loses nothing.
///
/// The full and read-only disks are mounted for the test (a small tmpfs, a read-only bind mount), which
/// needs root; elsewhere those tests are skipped with a message.
@Suite("Stores on bad disks", .serialized)
struct StoreDiskTests {
    /// Whether this machine lets the tests mount: root, and a container that grants mount rights (tried
    /// once with a tiny tmpfs), so a test that runs does not then meet a mount that cannot work.
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/mount"),
              let probe = try? Processes.temporaryFolder("resonance-mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mount(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]) else { return false }
        mount(["umount", probe.path])
        return true
    }()

    /// Runs mount or umount; true when it worked.
    @discardableResult
    static func mount(_ arguments: [String]) -> Bool {
        let program = URL(fileURLWithPath: arguments[0] == "umount" ? "/usr/bin/umount" : "/usr/bin/mount")
        return (try? Processes.run(program, Array(arguments.dropFirst())).status) == 0
    }

    /// A home holding 200 days of the index, and the bars it holds.
    static func homeWithData(_ home: URL, scratch: URL) throws -> [Bar] {
        let file = try StoreCrashTests.bigFile(in: scratch, name: "small-\(UUID().uuidString.prefix(6)).csv", base: 50)
        let text = try String(contentsOf: file.url, encoding: .utf8).split(separator: "\n").prefix(201).joined(separator: "\n")
        try text.write(to: file.url, atomically: true, encoding: .utf8)
        let result = try Processes.resonance(["import", file.url.path, "--series", "rut", "--home", home.path])
        try #require(result.status == 0, "\(result.stderr)")
        return Array(file.bars.prefix(200))
    }

    @Test("a full disk: the import fails saying so, and the store keeps its data",
          .enabled(if: canMount, "mounting a small tmpfs needs root and mount rights"))
    func fullDisk() throws {
        let scratch = try Processes.temporaryFolder("resonance-full")
        let home = scratch.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try #require(Self.mount(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", home.path]), "mount -t tmpfs")
        defer { Self.mount(["umount", home.path]); try? FileManager.default.removeItem(at: scratch) }
        let before = try Self.homeWithData(home, scratch: scratch)
        let big = try StoreCrashTests.bigFile(in: scratch, name: "big.csv", base: 9000)
        let result = try Processes.resonance(["import", big.url.path, "--series", "btc", "--home", home.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is full; nothing was written"), "stderr: \(result.stderr)")
        let store = try Store(path: home.appendingPathComponent(StoreLocation.databaseFileName).path)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.load(.rut).bars == before)
        #expect(try store.load(.btc).isEmpty)
    }

    @Test("a read-only folder: a message naming the folder, and the file is untouched",
          .enabled(if: canMount, "a read-only bind mount needs root and mount rights (root ignores permission bits)"))
    func readOnlyFolder() throws {
        let scratch = try Processes.temporaryFolder("resonance-ro")
        let home = scratch.appendingPathComponent("home")
        _ = try Self.homeWithData(home, scratch: scratch)
        let database = home.appendingPathComponent(StoreLocation.databaseFileName)
        let bytesBefore = try Data(contentsOf: database)
        try #require(Self.mount(["mount", "--bind", home.path, home.path]), "mount --bind")
        defer { Self.mount(["umount", home.path]); try? FileManager.default.removeItem(at: scratch) }
        try #require(Self.mount(["mount", "-o", "remount,ro,bind", home.path]), "read-only remount")
        let big = try StoreCrashTests.bigFile(in: scratch, name: "big.csv", base: 9000)
        let result = try Processes.resonance(["import", big.url.path, "--series", "btc", "--home", home.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot open the store \(database.path): the folder is not writable"), "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: database) == bytesBefore)
    }

    @Test("a file of garbage: the message gives the mv that keeps it, and after it a new store works")
    func garbageFile() throws {
        let home = try Processes.temporaryFolder("resonance-garbage")
        defer { try? FileManager.default.removeItem(at: home) }
        let database = home.appendingPathComponent(StoreLocation.databaseFileName)
        var random = SeededRandom(seed: 7)
        let garbage = Data(random.bytes(8192))
        try garbage.write(to: database)
        let scratch = try Processes.temporaryFolder("resonance-garbage-input")
        let file = try StoreCrashTests.bigFile(in: scratch, name: "rut.csv", base: 10)

        for arguments in [["import", file.url.path, "--series", "rut"], ["render", "--size", "80x24"], ["export", "series", "rut"]] {
            let result = try Processes.resonance(arguments + ["--home", home.path])
            #expect(result.status != 0, "\(arguments[0])")
            #expect(result.stderr.contains("is not a Resonance store"), "\(arguments[0]): \(result.stderr)")
        }
        #expect(try Data(contentsOf: database) == garbage, "the garbage file must be left as it was")

        // The message's own command, run as the user would paste it.
        let failed = try Processes.resonance(["import", file.url.path, "--series", "rut", "--home", home.path])
        let command = try #require(failed.stderr.components(separatedBy: "start a new store: ").last?
            .trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(command.hasPrefix("mv "), "\(failed.stderr)")
        let moved = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
        #expect(moved.status == 0, "\(command): \(moved.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database.path + ".broken")) == garbage)

        let again = try Processes.resonance(["import", file.url.path, "--series", "rut", "--home", home.path])
        #expect(again.status == 0, "\(again.stderr)")
        let store = try Store(path: database.path)
        #expect(try store.load(.rut).bars == file.bars)
    }
}
