import Foundation
import Markets
import TestSupport
import Testing

@Suite("Press figures")
struct PressFiguresTests {
    /// Sources and values of the rows that must stay out (low reliability, or a count, not a share).
    static let excludedHosts = ["ginlix.ai", "ainvest.com", "mehabe.com", "rdit.amanbhandal.com"]

    @Test func excludedRowsAreAbsent() {
        let urls = PressFigures.flows.map(\.sourceURL) + PressFigures.lossShare.map(\.sourceURL)
        for host in Self.excludedHosts { #expect(!urls.contains { $0.contains(host) }, "\(host)") }
        #expect(!PressFigures.flows.contains { [-10.8, 0.12].contains($0.netFlowUSDBillions) })
        #expect(!PressFigures.lossShare.contains { $0.sharePercent == 806 || $0.asOfText == "2025-10" })
        #expect(!PressFigures.lossShare.contains { $0.asOfText == "2023-08" || $0.asOfText == "2024-12-31" || $0.asOfText == "2025-11" })
        #expect(PressFigures.flows.count == 4 && PressFigures.lossShare.count == 5)
    }

    @Test func everyFigureHasItsSourceAndLabel() {
        for figure in PressFigures.flows {
            #expect(figure.sourceURL.hasPrefix("https://"), "\(figure.label)")
            #expect(!figure.label.isEmpty && !figure.dataProvider.isEmpty && !figure.metricDefinition.isEmpty)
            #expect(figure.period.lowerBound <= figure.period.upperBound)
        }
        for figure in PressFigures.lossShare {
            #expect(figure.sourceURL.hasPrefix("https://"), "\(figure.label)")
            #expect(!figure.label.isEmpty && !figure.dataProvider.isEmpty && !figure.metricDefinition.isEmpty)
            #expect((0...100).contains(figure.sharePercent))
        }
    }

    @Test(arguments: [("1994", "1994-12-31"), ("2010", "2010-12-31"), ("2020-06", "2020-06-30"),
                      ("2024-09", "2024-09-30"), ("2024-09-30", "2024-09-30")])
    func asOfYearsAndMonthsStandForTheirLastDay(text: String, expected: String) throws {
        let figure = try #require(PressFigures.lossShare.first { $0.asOfText == text })
        #expect(figure.asOf == Day(iso: expected))
    }

    @Test func outflowsAreNegativeBounds() {
        let category = PressFigures.flows.filter { $0.fundOrGroup == "US small-cap equity ETFs" }
        #expect(category.map(\.netFlowUSDBillions) == [-20, -1])
        #expect(category.allSatisfy { $0.qualifier == .moreThan })
    }

    /// Every figure matches a row of the cited tables, and every reliable percentage row is here.
    @Test(.enabled(if: ReferenceData.has("smallcap_etf_flows_cited.csv", "r2000_loss_share_cited.csv"),
                   "needs smallcap_etf_flows_cited.csv and r2000_loss_share_cited.csv in ../shared/data"))
    func figuresMatchTheCitedTables() throws {
        let flowsFile = try #require(ReferenceData.file("smallcap_etf_flows_cited.csv"))
        let lossFile = try #require(ReferenceData.file("r2000_loss_share_cited.csv"))
        let flowRows = try Self.rows(flowsFile).filter { !Self.isLowReliability($0[7]) }
        #expect(flowRows.count == PressFigures.flows.count)
        for row in flowRows {
            #expect(PressFigures.flows.contains {
                $0.period == Day(iso: row[0])!...Day(iso: row[1])! && $0.netFlowUSDBillions == Double(row[3])
                    && $0.sourceURL == row[6]
            }, "\(row)")
        }
        let lossRows = try Self.rows(lossFile).filter { !Self.isLowReliability($0[6]) && $0[2] != "count_of_firms" }
        #expect(lossRows.count == PressFigures.lossShare.count)
        for row in lossRows {
            #expect(PressFigures.lossShare.contains {
                $0.asOfText == row[0] && $0.sharePercent == Double(row[1]) && $0.sourceURL == row[5]
                    && $0.metricDefinition == row[3]
            }, "\(row)")
        }
    }

    /// Whether a publisher note marks its row as low reliability ("low reliability", "low-reliability source").
    static func isLowReliability(_ note: String) -> Bool {
        note.lowercased().replacingOccurrences(of: "-", with: " ").contains("low reliability")
    }

    /// The data rows of a small CSV file with quoted fields, header dropped.
    static func rows(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            var fields: [String] = [], field = "", quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() } else if character == ",", !quoted {
                    fields.append(field); field = ""
                } else { field.append(character) }
            }
            return fields + [field]
        }
    }
}
