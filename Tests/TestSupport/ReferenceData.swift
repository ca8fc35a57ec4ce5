import Foundation

/// Locates the real daily history in `../shared/data`, which tests may read but the project never ships.
public enum ReferenceData {
    /// The package root: the folder holding `Package.swift`, found from this source file.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/data` beside the package root, or nil when it is absent (a fresh clone).
    public static var directory: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("rut_daily.csv").path) ? url : nil
    }

    /// The one-line reason printed when a test skips for want of the reference data.
    public static let absentMessage = "skipped: ../shared/data is absent (reference history is not shipped with the project)"

    /// Whether every named file is in the reference folder: the condition of a test's
    /// `.enabled(if: ReferenceData.has(…), ReferenceData.absentMessage)`, so it is reported as skipped, not passed.
    public static func has(_ names: String...) -> Bool {
        guard let dir = directory else { return false }
        return names.allSatisfy { FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).path) }
    }

    /// The URL of a reference file, or nil (with the skip message printed) when the folder is absent.
    public static func file(_ name: String) -> URL? {
        guard let dir = directory else {
            print(absentMessage)
            return nil
        }
        return dir.appendingPathComponent(name)
    }
}
