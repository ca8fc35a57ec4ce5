import Foundation

/// What a request asks for, which sets how large its answer may be.
///
/// Every answer is capped twice with the same number of bytes: as announced (`Content-Length`, refused
/// before any of the body is read) and as it arrives after decompression (reading stops at the cap). A
/// 1 MB gzip body that inflates to 1 GB, or a plain 1 GB body, then costs the cap, not two gigabytes
/// in the helper and again in the program. The caps are a few times the largest real answer of each kind
/// (README, "Limits on what comes from outside").
public enum AnswerKind: String, Sendable, Hashable, CaseIterable {
    /// A daily price history (Yahoo's chart, a Coinbase page, Stooq's CSV): Yahoo's ^RUT since 1987 is
    /// about 1.5 MB of JSON; capped at 8 MB.
    case priceHistory
    /// A fund's holdings document (an N-PORT filing, an iShares holdings file): a Russell 2000 fund's
    /// N-PORT lists about 2,000 holdings in 3–5 MB of XML; capped at 16 MB.
    case fundDocument
    /// An SEC XBRL frame (one concept, every company, one quarter): about 6,000 facts, 1–2 MB; capped at 8 MB.
    case xbrlFrame
    /// Anything else (the SEC's company tickers, about 1 MB): the largest cap, 16 MB.
    case other

    /// The most bytes an answer of this kind may have, compressed or decompressed.
    public var limit: Int {
        switch self {
        case .priceHistory, .xbrlFrame: return 8 << 20
        case .fundDocument, .other: return 16 << 20
        }
    }

    /// The largest cap of any kind: nothing the program reads from the network or its cache is larger.
    public static let largestLimit = allCases.map(\.limit).max()!

    /// A byte count as messages say it: "8 MB" (1 MB = 2^20 bytes), or "300 kB" below a megabyte.
    public static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(max(1, bytes >> 10)) kB"
    }
}
