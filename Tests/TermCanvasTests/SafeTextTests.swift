import Foundation
import TermCanvas
import TestSupport
import Testing

/// The one escaping mechanism for outside text, and the floor under drawing: no control character in a cell.
@Suite("Outside text made safe for a terminal")
struct SafeTextTests {
    /// Every character a terminal may act on: C0, DEL, C1, the line separators and the bidi controls.
    static let dangerous: [Unicode.Scalar] = {
        let c0: [UInt32] = Array(0..<0x20), c1: [UInt32] = Array(0x7F...0x9F)
        let separatorsAndBidi: [UInt32] = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D,
                                           0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        return (c0 + c1 + separatorsAndBidi).map { Unicode.Scalar($0)! }
    }()

    @Test("every control is escaped visibly, where it is: ESC, BEL, NUL, DEL, CSI and OSC among them")
    func escapesEveryControl() {
        for scalar in Self.dangerous {
            let text = "a" + String(Character(scalar)) + "b"
            let escaped = SafeText.escaped(text)
            #expect(!escaped.unicodeScalars.contains(where: SafeText.needsEscape), "U+\(String(scalar.value, radix: 16))")
            #expect(escaped.hasPrefix("a\\") && escaped.hasSuffix("b"), "\(escaped)")
        }
        #expect(SafeText.escaped("\u{1B}]0;pwned\u{07}\u{1B}[2J") == "\\u{1B}]0;pwned\\u{7}\\u{1B}[2J")
        #expect(SafeText.escaped("19\u{0}90\r\n\t") == "19\\090\\r\\n\\t")
        #expect(SafeText.escaped("\u{9B}31m\u{9D}52;c;x\u{9C}") == "\\u{9B}31m\\u{9D}52;c;x\\u{9C}")
        #expect(SafeText.escaped("plain é ▲ ₿ 🙂") == "plain é ▲ ₿ 🙂")
    }

    @Test("an excerpt is one line, escaped, and cut with an ellipsis: a whole file never becomes a message")
    func excerptIsShort() {
        let shadow = (1...24).map { "user\($0):$6$salt$hash:19000:0:99999:7:::" }.joined(separator: "\n")
        let quoted = SafeText.excerpt(shadow, limit: 40)
        #expect(quoted.hasSuffix("…"))
        #expect(!quoted.contains("\n"))
        #expect(quoted.count < 50, "\(quoted)")
        #expect(SafeText.excerpt("a\nb", limit: 40) == "a\\nb")
        #expect(SafeText.excerpt("abcdef", limit: 3) == "abc…")
    }

    @Test("lines keeps the line feeds of a message and escapes everything else")
    func linesKeepsLineFeeds() {
        #expect(SafeText.lines("Error: x\u{1B}[2J\nUsage: y\r") == "Error: x\\u{1B}[2J\nUsage: y\\r")
    }

    @Test("a buffer never stores a control character, however it is written to")
    func bufferFloor() {
        var buffer = Buffer(size: Size(width: 40, height: 4))
        buffer.write("x\u{1B}]0;pwned\u{07}\u{9B}2J", x: 0, y: 0, style: .plain)
        buffer.set(0, 1, "\u{1B}", style: .plain)
        buffer[1, 1] = Cell("\u{9D}")
        var cell = Cell("a")
        cell.scalar = "\u{07}"
        buffer[2, 1] = cell
        buffer.fill(Rect(x: 0, y: 2, width: 3, height: 1), with: Cell("\u{0}"))
        #expect(buffer.cells.allSatisfy { !SafeText.needsEscape($0.scalar) })
        #expect(buffer.line(0).hasPrefix("x\\u{1B}]0;pwned\\u{7}\\u{9B}2J"))
        #expect(!buffer.text.unicodeScalars.contains { SafeText.needsEscape($0) && $0 != "\n" })
    }

    @Test("random text with every control: escaped text and drawn cells never hold one (seeded, replayable)")
    func randomText() {
        FuzzBudget(quickCases: 300).run("SafeText") { seed, random in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<random.int(0...80) {
                switch random.int(0...3) {
                case 0: scalars.append(random.pick(Self.dangerous))
                case 1: scalars.append(Unicode.Scalar(UInt8(random.int(0x20...0x7E))))
                case 2: scalars.append(Unicode.Scalar(UInt32(random.int(0xA0...0xD7FF)))!)
                default: scalars.append(contentsOf: String(decoding: random.bytes(random.int(1...6)), as: UTF8.self).unicodeScalars)
                }
            }
            let text = String(scalars)
            #expect(!SafeText.escaped(text).unicodeScalars.contains(where: SafeText.needsEscape), "seed \(seed)")
            #expect(!SafeText.excerpt(text, limit: random.int(1...60)).unicodeScalars.contains(where: SafeText.needsEscape),
                    "seed \(seed)")
            var buffer = Buffer(size: Size(width: 30, height: 2))
            buffer.write(text, x: random.int(-5...5), y: random.int(0...1), style: .plain)
            #expect(buffer.cells.allSatisfy { !SafeText.needsEscape($0.scalar) }, "seed \(seed)")
        }
    }
}
