import Foundation
import Markets

/// Imports price, flow and loss-share files into the store: parse the whole file, then write it in one transaction.
///
/// A file that fails to parse leaves the store untouched, since nothing is written until every row
/// has been read and checked.
public struct Importer: Sendable {
    /// Makes an importer.
    public init() {}

    /// Reads, checks and stores a price file as a series.
    ///
    /// - Parameters:
    ///   - url: the file; errors name it by its last path component.
    ///   - id: the series to write into.
    ///   - store: the store.
    ///   - today: the current day; rows dated later reject the file.
    /// - Throws: `ImportError` (unreadable file, or `FILE:LINE:` for a bad row), or `StoreError`.
    public func importFile(at url: URL, as id: SeriesID, into store: Store, today: Day) throws -> ImportReport {
        let name = url.lastPathComponent
        let data = try Importer.contents(of: url)
        let parsed = try PriceCSVParser(today: today).parse(data, name: name)
        let counts = try store.upsert(parsed.bars, into: id, source: name, today: today)
        return ImportReport(series: id, source: name, rowsRead: parsed.rowsRead, added: counts.added,
                            updated: counts.updated, unchanged: counts.unchanged,
                            skippedNoClose: parsed.skippedNoClose, emptyCells: parsed.emptyCells,
                            wasReordered: parsed.wasReordered,
                            firstDay: parsed.bars[0].day, lastDay: parsed.bars[parsed.bars.count - 1].day,
                            carriedColumns: parsed.carriedColumns, keptValues: counts.keptValues,
                            keptColumns: counts.keptColumns, contradicted: counts.contradicted)
    }

    /// The bytes of a file to import.
    ///
    /// - Throws: `ImportError` without a line, naming the file's full path and why it cannot be read.
    static func contents(of url: URL) throws(ImportError) -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ImportError(file: url.path, line: nil, message: "cannot read the file (\(Importer.reason(error)))")
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return nsError.localizedDescription
    }
}
