import Foundation
import Markets
import TestSupport

/// Random edits that turn a well-formed CSV file into a nearly well-formed one, the way files go wrong in
/// real life: a cut-off download, a stray byte, a cell typed by hand, a line pasted twice.
enum CSVMutation {
    /// Cells that parsers have reasons to fear.
    static let nastyCells = [
        "", "null", "nan", "NaN", "inf", "-inf", "1e309", "-1", "0", "-0", "+5", "1e-320", "0x10", "1,5", "\"1,234.5\"",
        "\"", "\"\"", "\"a\"b", "9999-12-31", "0000-01-01", "2024-02-30", "2024-13-01", "99999999999", "1700000000000",
        "20240101", "2024-01-01T25:00", "2024-01-01 10:00+02:00", "2025Q3", "2025-q4", "2025Q5", "2024-06", "2024-00",
        "IWM", "i w m", "é", "\u{FEFF}", "\0", "-", ".", "1.", ".5", "1e", "1e+", String(repeating: "9", count: 400),
    ]

    /// Applies between one and `maximum` random edits to the text of a file.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom, maximum: Int = 4) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<random.int(1...maximum) { bytes = mutateOnce(bytes, &random) }
        return bytes
    }

    private static func mutateOnce(_ original: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        let position = bytes.isEmpty ? 0 : random.int(0...bytes.count - 1)
        switch random.int(0...9) {
        case 0:  // a byte lost
            if !bytes.isEmpty { bytes.remove(at: position) }
        case 1:  // a random byte
            bytes.insert(random.pick([UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                                      UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), 0, 0xFF, 0xC3,
                                      UInt8(ascii: "9")]), at: min(position, bytes.count))
        case 2:  // a cut-off download
            bytes = Array(bytes.prefix(position))
        case 3, 4:  // a cell replaced by something nasty
            var lines = lineList(bytes)
            guard !lines.isEmpty else { break }
            let index = random.int(0...lines.count - 1)
            var cells = lines[index].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Array.init)
            cells[random.int(0...cells.count - 1)] = Array(random.pick(nastyCells).utf8)
            lines[index] = Array(cells.joined(separator: [UInt8(ascii: ",")]))
            bytes = joined(lines)
        case 5:  // a line pasted twice
            var lines = lineList(bytes)
            guard !lines.isEmpty else { break }
            let index = random.int(0...lines.count - 1)
            lines.insert(lines[index], at: random.int(0...lines.count))
            bytes = joined(lines)
        case 6:  // two lines swapped
            var lines = lineList(bytes)
            guard lines.count >= 2 else { break }
            lines.swapAt(random.int(0...lines.count - 1), random.int(0...lines.count - 1))
            bytes = joined(lines)
        case 7:  // a line lost
            var lines = lineList(bytes)
            guard !lines.isEmpty else { break }
            lines.remove(at: random.int(0...lines.count - 1))
            bytes = joined(lines)
        case 8:  // Windows line ends, or a byte order mark
            if random.chance(0.5) {
                bytes = joined(lineList(bytes).map { $0 + [UInt8(ascii: "\r")] })
            } else {
                bytes = [0xEF, 0xBB, 0xBF] + bytes
            }
        default:  // a run of garbage
            bytes.insert(contentsOf: random.bytes(random.int(1...16)), at: min(position, bytes.count))
        }
        return bytes
    }

    private static func lineList(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    private static func joined(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }

    /// Whether an error message has the `FILE:LINE: message` form for a file of `lineCount` lines.
    static func isLocated(_ description: String, file: String, lineCount: Int) -> Bool {
        guard description.hasPrefix(file + ":") else { return false }
        let rest = description.dropFirst(file.count + 1)
        let digits = rest.prefix { $0.isNumber }
        guard let line = Int(digits), line >= 1, line <= max(lineCount, 1) + 1 else { return false }
        let message = rest.dropFirst(digits.count)
        return message.hasPrefix(": ") && message.count > 2
    }

    /// The number of physical lines in a file.
    static func lineCount(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
}

/// Random well-formed data to write as files.
enum RandomMarketData {
    /// Days, increasing with gaps of 1 to 5, starting between 1990 and 2020 and never after `today`.
    static func days(_ count: Int, _ random: inout SeededRandom, today: Day) -> [Day] {
        var day = Day(iso: "1990-01-01")!.adding(days: random.int(0...11_000))
        var days: [Day] = []
        for _ in 0..<count {
            guard day <= today else { break }
            days.append(day)
            day = day.adding(days: random.int(1...5))
        }
        return days
    }

    /// A positive price over many magnitudes, with random precision.
    static func price(_ random: inout SeededRandom) -> Double {
        let magnitude = Double.random(in: -6...12, using: &random)
        let value = Foundation.pow(10, magnitude)
        switch random.int(0...2) {
        case 0: return (value * 100).rounded() / 100 > 0 ? (value * 100).rounded() / 100 : value
        case 1: return value
        default: return Double(Float(value))
        }
    }

    /// A series of valid bars, each price column present or missing as a whole cell.
    static func series(_ random: inout SeededRandom, today: Day, maximumCount: Int = 200) -> Series {
        let days = days(random.int(1...maximumCount), &random, today: today)
        let bars = days.map { day -> Bar in
            let close = price(&random)
            let low = random.chance(0.8) ? close * Double.random(in: 0.9...1, using: &random) : nil
            let high = random.chance(0.8) ? close * Double.random(in: 1...1.1, using: &random) : nil
            let open = random.chance(0.8) ? close * Double.random(in: 0.95...1.05, using: &random) : nil
            let volume = random.chance(0.7) ? Double(random.int(0...5_000_000_000)) : nil
            return Bar(day: day, open: open, high: high, low: low, close: close, volume: volume)
        }
        return Series(id: .rut, bars: bars)
    }
}
