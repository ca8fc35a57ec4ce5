import Foundation
import Markets
import TestSupport
import Testing

/// `resonance fetch --fundamentals` against a loopback SEC from a clean store: flows of every fund, the share
/// of every quarter, both exports, and a second run that asks nothing settled.
@Suite("resonance fetch --fundamentals", .serialized)
struct FetchFundamentalsCommandTests {
    @Test func refusesWithoutAContactThenFillsTheStoreAndASecondRunAsksNothing() throws {
        do { try scenario() } catch { Issue.record("thrown: \(error)") }
    }

    func scenario() throws {
        let world = try FundamentalsWorld()
        let refused = try Processes.resonance(["fetch", "--fundamentals"], environment: world.environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("sec_contact = \"Jane Doe jane@example.com\""), "\(refused.stderr)")
        #expect(refused.stderr.contains(world.home.appendingPathComponent("config.toml").path), "\(refused.stderr)")
        #expect(world.server.requests.isEmpty)

        try Data("sec_contact = \"Test Runner test@example.com\"\n".utf8).write(to: world.home.appendingPathComponent("config.toml"))
        let fetched = try Processes.resonance(["fetch", "--fundamentals", "--since", world.since], environment: world.environment)
        #expect(fetched.status == 0, "\(fetched.stdout)\(fetched.stderr)")
        let firstRequests = world.secRequests.count
        #expect(fetched.stdout.contains("\(firstRequests) requests to the SEC"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("SEC 25/"), "a progress line every 25 requests: \(fetched.stdout)")
        for fund in ["IWM", "IJR", "VB", "VTWO", "SCHA", "SPSM"] {
            let months = world.expectedMonths(fund)
            let latest = String(months.keys.max()!.iso.prefix(7))
            #expect(fetched.stdout.contains("\(fund): \(months.count) months of flows, the latest \(latest)"), "\(fetched.stdout)")
        }

        // export flows: every fund's months (lower case) and the group, with running totals.
        let flows = try Processes.resonance(["export", "flows", "--format", "csv"], environment: world.environment)
        #expect(flows.status == 0, "\(flows.stderr)")
        let rows = flows.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["month", "fund", "net_flow_usd", "running_total_usd"])
        for fund in ["iwm", "ijr", "vb", "vtwo", "scha", "spsm"] {
            let expected = world.expectedMonths(fund.uppercased())
            let fundRows = rows.filter { $0.count == 4 && $0[1] == fund }
            #expect(fundRows.count == expected.count, "\(fund)")
            var total = 0.0
            for row in fundRows {
                let value = expected[Day(iso: row[0] + "-01")!]!
                total += value
                #expect(abs(Double(row[2])! - value) < 0.01 && abs(Double(row[3])! - total) < 0.05, "\(row)")
            }
        }
        let group = rows.filter { $0.count == 4 && $0[1] == "all" }
        let allMonths = Set(["IWM", "IJR", "VB", "VTWO", "SCHA", "SPSM"].flatMap { world.expectedMonths($0).keys })
        #expect(group.count == allMonths.count)

        // export loss-share: every quarter from the first full four quarters of frames to IWM's last filing.
        let share = try Processes.resonance(["export", "loss-share", "--format", "csv"], environment: world.environment)
        let shareRows = share.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(shareRows.first == ["date", "share_pct", "quarter_share_pct", "constituents", "matched", "reported", "loss_making"])
        let lastIWM = world.sec.filings("IWM").map(\.reportDate).max()!
        #expect(shareRows.dropFirst().first?.first == "\(world.today.year - 3)-12-31", "\(share.stdout)")
        #expect(shareRows.last?.first == lastIWM.iso, "\(share.stdout)")
        #expect(shareRows.count - 1 == (lastIWM.year - (world.today.year - 3)) * 4 + (lastIWM.components.month / 3) - 3)
        for row in shareRows.dropFirst() {
            let reported = Double(row[5])!, loss = Double(row[6])!
            #expect(abs(Double(row[1])! - loss / reported * 100) < 1e-6 && Double(row[4])! <= Double(row[3])!, "\(row)")
        }

        // Again: nothing settled is asked for, and today's feeds and young frames are kept for the day.
        let again = try Processes.resonance(["fetch", "--fundamentals", "--since", world.since], environment: world.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(world.secRequests.count == firstRequests, "asked again: \(world.secRequests.dropFirst(firstRequests).map(\.path))")
        #expect(again.stdout.contains("0 requests to the SEC"), "\(again.stdout)")

        // The panels show it: the title's year total, the cursor's counts.
        _ = try Processes.resonance(["fetch", "--series", "rut,btc"], environment: world.environment)
        let render = try Processes.resonance(["render", "--size", "200x50", "--color", "never"], environment: world.environment)
        #expect(render.stdout.contains("across 6 funds"), "\(render.stdout)")
        #expect(render.stdout.contains("30 constituents · 29 matched"), "\(render.stdout)")

        let gone = try Processes.resonance(["fetch", "--fundamentals", "--backfill-months", "2"], environment: world.environment)
        #expect(gone.status != 0 && gone.stderr.contains("--backfill-months is gone"), "\(gone.stderr)")
    }
}
