/// Splits one CSV line into cells, honouring double quotes (`"a, b"` is one cell, `""` is a quote).
///
/// Used for publishers' files whose preamble and footer rows are not one table, so they are read line
/// by line. Returns nil when a quote is left open.
enum QuotedCSVLine {
    static func cells(_ line: Substring) -> [String]? {
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
        }
        guard !inQuotes else { return nil }
        cells.append(cell)
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

import Foundation
