import Foundation
import TermCanvas

/// Why a price file was rejected, located at a physical line of the file.
///
/// Its description is exactly `FILE:LINE: what is wrong`, the form compilers use, so editors and
/// terminals can jump to the line. A file that could not be read at all has no line: `FILE: reason`.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file's display name, as given to the parser.
    public var file: String
    /// The 1-based physical line in the file, or nil when the file could not be read.
    public var line: Int?
    /// What is wrong, in a short phrase without a trailing full stop.
    public var message: String

    /// Makes an error for a line of a file.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// The message, with the file's name and the message escaped (`SafeText.escaped`): both can quote
    /// what the file holds or how it is named, and no control character from there may reach a terminal.
    public var description: String {
        let file = SafeText.escaped(file), message = SafeText.escaped(message)
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    public var errorDescription: String? { description }
}
