import Foundation
import TestSupport
import Testing

@Suite("export leadlag and the new aftermath columns, through the real binary")
struct EvidenceCommandTests {
    @Test("export leadlag prints lag,correlation,pairs for every lag, as CSV and JSON")
    func leadLag() throws {
        let csv = try Processes.resonance(["export", "leadlag", "--demo", "--max-lag", "3"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "lag,correlation,pairs")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[0] } == ["-3", "-2", "-1", "0", "1", "2", "3"])
        let json = try Processes.resonance(["export", "leadlag", "--demo", "--range", "2020-01-01..2021-12-31",
                                            "--format", "json"])
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 61)
        #expect(rows.allSatisfy { ($0["pairs"] as? Int ?? 0) > 0 && ($0["pairs"] as? Int ?? 0) < 740 })
        let bad = try Processes.resonance(["export", "leadlag", "--demo", "--max-lag=-1"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--max-lag"))
    }

    @Test("export aftermath carries the percentile, base rate and days since the halving")
    func aftermathColumns() throws {
        let r = try Processes.resonance(["export", "aftermath", "--demo"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "basis,breakout_date,series,horizon_days,return,percentile,base_median,base_share_up,days_since_halving")
        #expect(lines.count > 1)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 9)
            if let p = Double(cells[5]) { #expect((0...100).contains(p)) }
        }
    }
}
