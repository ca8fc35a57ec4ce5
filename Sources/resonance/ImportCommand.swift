import ArgumentParser
import Feeds
import Foundation
import Markets

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
    var series: SeriesID

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard SeriesID.priceSeries.contains(series) else {
            throw ValidationError("--series must be one of rut, btc, iwm; got '\(series)'")
        }
    }

    func run() throws {
        let store = try storeOptions.openStore()
        let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))
        let started = Date()
        let report = try Importer().importFile(at: URL(fileURLWithPath: file), as: series, into: store, today: today)
        let elapsed = Date().timeIntervalSince(started)
        print(report.summary)
        print(String(format: "stored in %@ (%.0f ms)", store.path, elapsed * 1000))
    }
}
