import ArgumentParser
import Feeds
import Foundation
import Markets
import TermCanvas

/// `resonance import FILE --series ID`: loads daily history from a CSV file into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import daily history from a CSV file into the store.",
        discussion: """
            Layouts: Yahoo's export, date,open,high,low,close,volume, Stooq's, or date,close. A file with any bad \
            row is rejected whole with FILE:LINE and the store keeps what it had. Importing the same file again \
            changes nothing.
            """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .long, help: "The series the file holds: rut, btc or iwm.")
    var series: SeriesID?

    @Flag(name: .long, help: "The file holds ETF net flows: date,fund,net_flow_usd (stored as flows.<fund>).")
    var flows = false

    @Flag(name: .long, help: "The file holds the loss-making share: date,share_pct (stored as loss_share.r2k).")
    var lossShare = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        let kinds = (series == nil ? 0 : 1) + (flows ? 1 : 0) + (lossShare ? 1 : 0)
        guard kinds == 1 else { throw ValidationError("say what the file holds: one of --series rut|btc|iwm, --flows, --loss-share") }
        if let series { try checkPriceSeries(series, argument: "--series") }
    }

    func run() throws {
        let store = try storeOptions.openStore()
        let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))
        let started = Date()
        let url = URL(fileURLWithPath: file)
        if let series {
            print(try Importer().importFile(at: url, as: series, into: store, today: today).summary)
        } else if flows {
            for report in try Importer().importFlows(at: url, into: store, today: today) { print(report.summary) }
        } else {
            print(try Importer().importLossShare(at: url, into: store, today: today).summary)
        }
        let elapsed = Date().timeIntervalSince(started)
        print(String(format: "stored in %@ (%.0f ms)", SafeText.escaped(store.path), elapsed * 1000))
    }
}
