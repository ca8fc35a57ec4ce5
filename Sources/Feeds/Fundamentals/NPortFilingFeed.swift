import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Markets

/// One N-PORT filing as EDGAR's company browse feed lists it.
public struct NPortFiling: Hashable, Sendable {
    /// `0001752724-24-123456`.
    public var accession: String
    public var filingDate: Day
    /// `NPORT-P` or `NPORT-P/A` (others are dropped when the feed is read).
    public var filingType: String

    /// The accession without dashes, as the archive's folder names it.
    public var folder: String { accession.replacingOccurrences(of: "-", with: "") }
    public var isAmendment: Bool { filingType.hasSuffix("/A") }
}

/// A page of EDGAR's Atom feed of a series' filings:
/// `/cgi-bin/browse-edgar?action=getcompany&CIK={seriesId}&type=NPORT&dateb=&owner=include&count=100&start={n}&output=atom`.
///
/// The feed is `<feed xmlns="http://www.w3.org/2005/Atom">` with one `<entry>` per filing; each entry's
/// `<content type="text/xml">` holds `<accession-number>`, `<filing-date>` and `<filing-type>` among others.
/// Entries of other forms (`NPORT-EX`, `NT NPORT-P`) are skipped.
public struct NPortFilingFeed: Hashable, Sendable {
    /// The page size asked for; a page with fewer entries is the last.
    public static let pageSize = 100
    public static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// The N-PORT filings of the page.
    public var filings: [NPortFiling]
    /// Entries of any form on the page (for paging).
    public var entryCount: Int

    /// Reads a page; `label` names it in errors.
    ///
    /// - Throws: `FundamentalsParseError` naming the page and the entry or line.
    public static func parse(_ data: Data, label: String) throws -> NPortFilingFeed {
        let reader = FeedReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        if !parser.parse() {
            throw FundamentalsParseError(label, "not a well-formed Atom feed (line \(parser.lineNumber): \(XMLProblem.describe(parser.parserError)))")
        }
        guard reader.sawFeed else { throw FundamentalsParseError(label, "not an Atom feed (no <feed> in \(atomNamespace))") }
        // The parser takes a page cut short for a whole one: only </feed> proves it is whole.
        guard reader.feedClosed else {
            throw FundamentalsParseError(label, "not a well-formed Atom feed (it ends early, before </feed>, after \(data.count) bytes)")
        }
        var filings: [NPortFiling] = []
        for (index, entry) in reader.entries.enumerated() {
            let place = "\(label) entry \(index + 1)"
            guard let type = entry["filing-type"], !type.isEmpty else { throw FundamentalsParseError(place, "no <filing-type>") }
            guard type == "NPORT-P" || type == "NPORT-P/A" else { continue }
            guard let accession = entry["accession-number"], isAccession(accession) else {
                throw FundamentalsParseError(place, "<accession-number> is missing or not like 0001752724-24-123456")
            }
            guard let dateText = entry["filing-date"], let date = Day(iso: dateText) else {
                throw FundamentalsParseError(place, "<filing-date> is missing or not a date")
            }
            filings.append(NPortFiling(accession: accession, filingDate: date, filingType: type))
        }
        return NPortFilingFeed(filings: filings, entryCount: reader.entries.count)
    }

    /// Whether text is an accession number: ten digits, two, six, joined by dashes.
    static func isAccession(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [10, 2, 6] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

/// Collects each Atom entry's content fields by element name.
private final class FeedReader: NSObject, XMLParserDelegate {
    var sawFeed = false
    var feedClosed = false
    var entries: [[String: String]] = []
    private var current: [String: String]?
    private var text = ""
    private static let fields: Set<String> = ["accession-number", "filing-date", "filing-type"]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "feed", namespaceURI == NPortFilingFeed.atomNamespace { sawFeed = true }
        if name == "entry" { current = [:] }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "feed", namespaceURI == NPortFilingFeed.atomNamespace { feedClosed = true }
        if name == "entry", let entry = current {
            entries.append(entry)
            current = nil
        } else if Self.fields.contains(name), current != nil {
            current?[name] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        text = ""
    }
}

/// How an XML parser's error reads in a message.
enum XMLProblem {
    static func describe(_ error: Error?) -> String {
        guard let error = error as NSError? else { return "unknown error" }
        switch error.code {
        case 5: return "the document ends early"
        case 4: return "empty document"
        default: return "XML error \(error.code)"
        }
    }
}
