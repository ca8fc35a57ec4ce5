import Foundation
import Markets

/// One filer's value in an XBRL frame.
public struct XBRLFrameFact: Hashable, Sendable {
    public var cik: Int
    public var entityName: String
    /// The start of the reported period (absent for instant facts).
    public var start: Day?
    public var end: Day
    public var value: Double
}

/// An SEC XBRL frame: one value per filer for one concept, unit and calendar period.
///
/// `GET https://data.sec.gov/api/xbrl/frames/us-gaap/NetIncomeLoss/USD/CY2025Q3.json` answers
/// `{"taxonomy":"us-gaap","tag":"NetIncomeLoss","ccp":"CY2025Q3","uom":"USD","label":"…","description":"…",
/// "pts":4321,"data":[{"accn":"…","cik":320193,"entityName":"Apple Inc.","loc":"US-CA","start":"2025-06-29",
/// "end":"2025-09-27","val":…},…]}`; `pts` is the number of entries in `data`.
public struct XBRLFrame: Hashable, Sendable {
    public var tag: String
    /// The calendar period, such as `CY2025Q3`.
    public var period: String
    public var unit: String
    public var facts: [XBRLFrameFact]

    /// The value per CIK (a frame holds one fact per filer).
    public var valueByCIK: [Int: Double] {
        Dictionary(facts.map { ($0.cik, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The frame period name of a calendar quarter, `CY2025Q3`, or of a calendar year (`quarter` nil), `CY2025`.
    public static func periodName(year: Int, quarter: Int?) -> String { "CY\(year)" + (quarter.map { "Q\($0)" } ?? "") }

    /// Reads a frame answer; `label` names it in errors.
    ///
    /// - Throws: `FundamentalsParseError` as `LABEL data[17]: what`. A frame whose `data` holds fewer
    ///   entries than `pts` announces is partial and rejected, as is one for another period than `expectedPeriod`,
    ///   and an entry whose period ends before it starts.
    public static func parse(_ data: Data, label: String, expectedPeriod: String? = nil) throws -> XBRLFrame {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw FundamentalsParseError(label, "invalid or truncated JSON (\(data.count) bytes)")
        }
        guard let root = object as? [String: Any] else { throw FundamentalsParseError(label, "expected a JSON object") }
        guard let period = root["ccp"] as? String else { throw FundamentalsParseError(label, "no ccp (calendar period)") }
        if let expectedPeriod, period != expectedPeriod {
            throw FundamentalsParseError(label, "frame is for \(MessageExcerpt.of(period, limit: 20)), not \(expectedPeriod)")
        }
        guard let entries = root["data"] as? [Any] else { throw FundamentalsParseError(label, "no data array") }
        if let points = (root["pts"] as? NSNumber)?.intValue, points != entries.count {
            throw FundamentalsParseError(label, "pts says \(points) filers but data holds \(entries.count) (partial answer)")
        }
        var facts: [XBRLFrameFact] = []
        facts.reserveCapacity(entries.count)
        var firstIndexOfCIK: [Int: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let place = "\(label) data[\(index)]"
            guard let row = entry as? [String: Any] else { throw FundamentalsParseError(place, "not an object") }
            guard let cik = SECNumber.cik(row["cik"]) else {
                throw FundamentalsParseError(place, "cik is missing or not a whole number from 1 to 9999999999")
            }
            guard let endText = row["end"] as? String, let end = Day(iso: endText) else {
                throw FundamentalsParseError(place, "end is missing or not a date")
            }
            guard let value = SECNumber.value(row["val"]) else { throw FundamentalsParseError(place, "val is missing or not a number") }
            var start: Day?
            if let startValue = row["start"], !(startValue is NSNull) {
                guard let text = startValue as? String, let day = Day(iso: text), day <= end else {
                    throw FundamentalsParseError(place, "start is not a date on or before end")
                }
                start = day
            }
            if let first = firstIndexOfCIK[cik] {
                throw FundamentalsParseError(place, "cik \(cik) appears twice in one frame (first at data[\(first)])")
            }
            firstIndexOfCIK[cik] = index
            facts.append(XBRLFrameFact(cik: cik, entityName: row["entityName"] as? String ?? "", start: start, end: end, value: value))
        }
        return XBRLFrame(tag: root["tag"] as? String ?? "", period: period, unit: root["uom"] as? String ?? "", facts: facts)
    }
}
