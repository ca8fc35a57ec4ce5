@testable import Feeds
import Foundation
import TestSupport
import Testing

/// Files and folders the program makes: private whatever the umask, and never redirected by a symlink.
@Suite("Private files and folders")
struct PrivateFilesTests {
    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
    }

    @Test("folders are made 0700 and a file written whole 0600, parents included")
    func permissions() throws {
        let folder = try TemporaryDirectory()
        let deep = folder.file("a/b/c")
        try PrivateFiles.createFolder(deep)
        for made in [folder.file("a"), folder.file("a/b"), deep] { #expect(try mode(made) == 0o700) }
        let config = deep.appendingPathComponent("config.toml")
        try PrivateFiles.writeAtomically(Data("sec_contact = \"me@example.com\"\n".utf8), to: config)
        #expect(try mode(config) == 0o600)
        #expect(try String(contentsOf: config, encoding: .utf8) == "sec_contact = \"me@example.com\"\n")
    }

    @Test("a symlink at a file written whole is replaced, and its target left as it was")
    func writeReplacesASymlink() throws {
        let folder = try TemporaryDirectory()
        let victim = try folder.write("precious\n", to: "victim")
        let config = folder.file("config.toml")
        try FileManager.default.createSymbolicLink(at: config, withDestinationURL: victim)
        try PrivateFiles.writeAtomically(Data("x = 1\n".utf8), to: config)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: config.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: config, encoding: .utf8) == "x = 1\n")
    }

    @Test("a log or a cached answer behind a symlink is neither appended to nor read")
    func symlinksNotFollowed() throws {
        let folder = try TemporaryDirectory()
        let victim = try folder.write("precious\n", to: "victim")
        let log = folder.file("fetch.log")
        try FileManager.default.createSymbolicLink(at: log, withDestinationURL: victim)
        FetchLog(file: log).write("rut failed: \u{1B}]0;pwned\u{07}")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        #expect { try PrivateFiles.openForAppending(log) } throws: { "\($0)".contains("is a symbolic link; not followed") }

        let cache = RawAnswerCache(folder: folder.file("cache"))
        try PrivateFiles.createFolder(cache.folder)
        try FileManager.default.createSymbolicLink(at: cache.file("answer.json"), withDestinationURL: victim)
        #expect(cache.read("answer.json") == nil)
        #expect { try PrivateFiles.read(cache.file("answer.json"), limit: 100) } throws: { "\($0)".contains("not followed") }
    }

    @Test("a log line is escaped and the log made 0600")
    func logLine() throws {
        let folder = try TemporaryDirectory()
        let log = folder.file("state/fetch.log")
        FetchLog(file: log).write("rut failed: \u{1B}]0;pwned\u{07}\u{9B}2J")
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.hasSuffix(#" rut failed: \u{1B}]0;pwned\u{7}\u{9B}2J"# + "\n"), "\(text)")
        #expect(try mode(log) == 0o600 && mode(folder.file("state")) == 0o700)
    }

    @Test("a file over the read limit, or not a regular file, is refused in words")
    func readLimits() throws {
        let folder = try TemporaryDirectory()
        let big = try folder.write(String(repeating: "x", count: 2048), to: "big")
        #expect { try PrivateFiles.read(big, limit: 1024) } throws: { "\($0)".contains("is larger than 1 kB") }
        #expect(try PrivateFiles.read(big, limit: 4096)?.count == 2048)
        #expect { try PrivateFiles.read(URL(fileURLWithPath: "/dev/zero"), limit: 1024, followingSymlink: true) } throws: {
            "\($0)".contains("is not a regular file")
        }
        #expect(try PrivateFiles.read(folder.file("missing"), limit: 10) == nil)
    }
}
