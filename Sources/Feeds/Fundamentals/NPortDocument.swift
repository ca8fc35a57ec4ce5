import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Markets

/// One month's flows of a fund as N-PORT reports them (Item B.6), in US dollars.
public struct NPortMonthFlow: Hashable, Sendable, Codable {
    public var sales: Double
    public var reinvestment: Double
    public var redemption: Double

    /// Money in less money out: sales + reinvestment − redemption.
    public var net: Double { sales + reinvestment - redemption }
}

/// One holding of an N-PORT schedule of investments (Part C).
public struct NPortHolding: Hashable, Sendable, Codable {
    public var name: String
    public var title: String
    /// Nine characters; nil where the filing says `N/A` or gives none.
    public var cusip: String?
    public var isin: String?
    /// A ticker, when the filing gives one among the other identifiers.
    public var ticker: String?
    public var valueUSD: Double
    /// `EC` for common equity.
    public var assetCategory: String
    /// ISO country of the issuer, `US` for the Russell 2000's companies.
    public var country: String
}

/// An N-PORT filing's `primary_doc.xml`: the series, the report date, the fund's flows and its holdings.
///
/// The document is `<edgarSubmission xmlns="http://www.sec.gov/edgar/nport">` with `headerData/submissionType`
/// and `formData/{genInfo, fundInfo, invstOrSecs}`; only elements of that namespace are read. The filing is
/// keyed on `genInfo/repPdDate` (the month reported), never `repPdEnd` (the fiscal year's end).
public struct NPortDocument: Hashable, Sendable, Codable {
    public static let namespace = "http://www.sec.gov/edgar/nport"

    /// `NPORT-P` or `NPORT-P/A`.
    public var submissionType: String
    public var seriesID: String
    /// The date as of which the filing reports (`repPdDate`), a month end.
    public var reportDate: Day
    public var netAssets: Double?
    /// `mon1Flow`, `mon2Flow`, `mon3Flow` in that order.
    public var flows: [NPortMonthFlow]
    /// The first share class's `rtn1`, `rtn2`, `rtn3` in percent (nil where not given).
    public var returnsPercent: [Double?]
    public var holdings: [NPortHolding]

    /// The three months' flows, each dated on its month's first day, oldest first (see `NPortMonthOrder`).
    public var monthlyFlows: [(month: Day, flow: NPortMonthFlow)] {
        flows.indices.map { (NPortMonthOrder.month(ofItem: $0 + 1, reportDate: reportDate), flows[$0]) }.reversed()
    }

    /// Reads a document; `label` names it in errors. `expectedSeries`, when given, must be the document's.
    ///
    /// - Throws: `FundamentalsParseError` naming the document and the element or holding.
    public static func parse(_ data: Data, label: String, expectedSeries: String? = nil) throws -> NPortDocument {
        let reader = NPortReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        if !parser.parse() {
            if let problem = reader.problem { throw FundamentalsParseError(label, problem) }
            throw FundamentalsParseError(label, "not well-formed XML (line \(parser.lineNumber): \(XMLProblem.describe(parser.parserError)))")
        }
        if let problem = reader.problem { throw FundamentalsParseError(label, problem) }
        guard reader.sawRoot else {
            throw FundamentalsParseError(label, "not an N-PORT document (no <edgarSubmission> in \(namespace))")
        }
        // The parser takes a document cut short for a whole one: only the root's end tag proves it is whole.
        guard reader.rootClosed else {
            throw FundamentalsParseError(label, "not well-formed XML (the document ends early, before </edgarSubmission>, after \(data.count) bytes)")
        }
        let fields = reader.fields
        let type = fields["headerData/submissionType"] ?? ""
        guard type == "NPORT-P" || type == "NPORT-P/A" else {
            throw FundamentalsParseError(label, "submissionType is '\(MessageExcerpt.of(type, limit: 20))', not NPORT-P or NPORT-P/A")
        }
        guard let series = fields["formData/genInfo/seriesId"], FundTickers.isEDGARID(series, prefix: "S") else {
            throw FundamentalsParseError(label, "genInfo/seriesId is missing or not an EDGAR series ID")
        }
        if let expectedSeries, series != expectedSeries {
            throw FundamentalsParseError(label, "a filing of series \(series), not \(expectedSeries)")
        }
        guard let dateText = fields["formData/genInfo/repPdDate"], let reportDate = Day(iso: dateText) else {
            throw FundamentalsParseError(label, "genInfo/repPdDate is missing or not a date")
        }
        var flows: [NPortMonthFlow] = []
        for month in 1...3 {
            let element = "fundInfo/mon\(month)Flow"
            guard let attributes = reader.flowAttributes[month] else { throw FundamentalsParseError(label, "no \(element)") }
            func amount(_ name: String) throws -> Double {
                let text = attributes[name] ?? ""
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
                    throw FundamentalsParseError(label, "\(element) \(name) is '\(MessageExcerpt.of(text, limit: 20))', not an amount in USD")
                }
                return value
            }
            flows.append(NPortMonthFlow(sales: try amount("sales"), reinvestment: try amount("reinvestment"),
                                        redemption: try amount("redemption")))
        }
        let returns = (1...3).map { reader.returns["rtn\($0)"].flatMap { Double($0) } }
        var holdings: [NPortHolding] = []
        holdings.reserveCapacity(reader.holdings.count)
        for (index, holding) in reader.holdings.enumerated() {
            let place = "\(label) holding \(index + 1)"
            guard let valueText = holding["valUSD"], let value = Double(valueText), value.isFinite else {
                throw FundamentalsParseError(place, "valUSD is '\(MessageExcerpt.of(holding["valUSD"] ?? "", limit: 20))', not a number")
            }
            let cusip = holding["cusip"].flatMap { $0.count == 9 && $0.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? $0.uppercased() : nil }
            let isin = holding["isin"].flatMap { $0.count == 12 ? $0.uppercased() : nil }
            holdings.append(NPortHolding(name: holding["name"] ?? "", title: holding["title"] ?? "", cusip: cusip, isin: isin,
                                         ticker: holding["ticker"].flatMap { $0.isEmpty ? nil : $0 }, valueUSD: value, assetCategory: holding["assetCat"] ?? "",
                                         country: holding["invCountry"] ?? ""))
        }
        return NPortDocument(submissionType: type, seriesID: series, reportDate: reportDate,
                             netAssets: fields["formData/fundInfo/netAssets"].flatMap { Double($0) },
                             flows: flows, returnsPercent: returns, holdings: holdings)
    }

    /// The US common-equity holdings: the constituents of the index the fund tracks.
    public var usEquities: [NPortHolding] { holdings.filter { $0.assetCategory == "EC" && $0.country == "US" } }
}

/// Reads the elements of the N-PORT namespace by path below the root.
private final class NPortReader: NSObject, XMLParserDelegate {
    var sawRoot = false
    var rootClosed = false
    var problem: String?
    /// Text of the leaf elements read, by path below the root (`formData/genInfo/repPdDate`).
    var fields: [String: String] = [:]
    var flowAttributes: [Int: [String: String]] = [:]
    var returns: [String: String] = [:]
    var holdings: [[String: String]] = []
    private var path: [String] = []
    private var text = ""
    private var holding: [String: String]?
    private static let wanted: Set<String> = ["headerData/submissionType", "formData/genInfo/seriesId",
                                               "formData/genInfo/repPdDate", "formData/genInfo/repPdEnd",
                                               "formData/fundInfo/netAssets"]
    private static let holdingFields: Set<String> = ["name", "title", "cusip", "valUSD", "assetCat", "invCountry"]

    /// Whether the open elements below the root are exactly `names`.
    private func at(_ names: [String]) -> Bool {
        path.count == names.count + 1 && path.dropFirst().elementsEqual(names)
    }

    private static let flowPaths = (1...3).map { ["formData", "fundInfo", "mon\($0)Flow"] }
    private static let returnPath = ["formData", "fundInfo", "returnInfo", "monthlyTotReturns", "monthlyTotReturn"]
    private static let holdingPath = ["formData", "invstOrSecs", "invstOrSec"]
    private static let wantedPaths: [[String]] = wanted.map { $0.split(separator: "/").map(String.init) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        guard namespaceURI == NPortDocument.namespace else { path.append("?"); return }
        if path.isEmpty {
            guard name == "edgarSubmission" else {
                problem = "not an N-PORT document (the root is <\(MessageExcerpt.of(name, limit: 30))>)"
                parser.abortParsing()
                return
            }
            sawRoot = true
            path.append(name)
            return
        }
        path.append(name)
        switch name {
        case "mon1Flow", "mon2Flow", "mon3Flow":
            if let month = Self.flowPaths.firstIndex(where: at) { flowAttributes[month + 1] = attributes }
        case "monthlyTotReturn":
            if returns.isEmpty, at(Self.returnPath) { returns = attributes }
        case "invstOrSec":
            if at(Self.holdingPath) { holding = [:] }
        case "isin", "ticker":
            if holding != nil, path.count == 6, path[4] == "identifiers" { holding?[name] = attributes["value"] }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { path.removeLast(); text = "" }
        if path.count == 1, name == "edgarSubmission", namespaceURI == NPortDocument.namespace { rootClosed = true }
        guard namespaceURI == NPortDocument.namespace, path.count >= 2 else { return }
        if holding != nil {
            if path.count == 5, path[3] == "invstOrSec", Self.holdingFields.contains(name) {
                holding?[name] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            } else if path.count == 4, name == "invstOrSec" {
                holdings.append(holding!)
                holding = nil
            }
            return
        }
        if path.count <= 4, let wanted = Self.wantedPaths.first(where: at) {
            fields[wanted.joined(separator: "/")] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
