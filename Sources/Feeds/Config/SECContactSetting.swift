import Foundation

/// Writes `sec_contact` into `config.toml`: the dashboard's and `fetch --fundamentals`' answer to the SEC's
/// request for a contact, or an empty one when the user declined (so the question is not asked again).
///
/// The line goes first in the file, before any `[section]` (a top-level key must come before the sections),
/// replacing an earlier `sec_contact` line; the rest of the file is kept as it was. The file is written whole
/// to a temporary file beside it and renamed over it, readable by its owner only (mode 0600).
public enum SECContactSetting {
    /// Saves a contact ("" for declined) into the file at `path`, creating it and its folder when missing.
    ///
    /// - Throws: `ConfigError` naming the file when the contact is unusable or the file cannot be written.
    public static func save(_ contact: String, to path: String) throws {
        let contact = contact.trimmingCharacters(in: .whitespaces)
        if !contact.isEmpty, let problem = FundamentalsConfig.contactProblem(contact) {
            throw ConfigError(path: path, line: nil, message: "sec_contact: \(problem)")
        }
        let url = URL(fileURLWithPath: path)
        var lines: [String] = []
        if let data = FileManager.default.contents(atPath: path) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(path: path, line: nil, message: "not UTF-8 text; add sec_contact = \"\(contact)\" by hand")
            }
            lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
        }
        let firstSection = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") } ?? lines.count
        lines = lines.enumerated().filter { index, line in
            index >= firstSection || !isContactLine(line)
        }.map(\.element)
        lines.insert("sec_contact = \"\(contact)\"", at: 0)
        let text = lines.joined(separator: "\n") + "\n"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".config.toml.\(getpid()).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            guard rename(temporary.path, url.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteNoPermission)
            }
        } catch {
            throw ConfigError(path: path, line: nil, message: "cannot write the file (\(error.localizedDescription)); add sec_contact = \"\(contact)\" by hand")
        }
    }

    /// Whether a line sets `sec_contact`.
    static func isContactLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("sec_contact") else { return false }
        return trimmed.dropFirst("sec_contact".count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
    }
}
