import TermCanvas

/// Text from an answer or a file, made fit to quote in a one-line message: `SafeText.excerpt`.
///
/// The one escaping mechanism for outside text lives in `TermCanvas` (`SafeText`), shared by the
/// dashboard, the themes and the program; this name stays for the many messages in this module that
/// quote answers and files.
enum MessageExcerpt {
    /// The text on one line, control characters escaped, cut to `limit` characters with a trailing `…`.
    static func of(_ text: some StringProtocol, limit: Int = 60) -> String { SafeText.excerpt(text, limit: limit) }
}
