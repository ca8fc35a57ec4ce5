import Foundation
import TermCanvas
import Testing

@Suite("Fitting text at word boundaries")
struct TextFitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String, width: Int, expected: String
        var testDescription: String { "\(width): \(text)" }
    }

    static let cases: [Case] = [
        Case(text: "Correlation of daily log returns · 90d · full sample +0.249 over 2999 days", width: 40,
             expected: "Correlation of daily log returns · 90d …"),
        Case(text: "Correlation of daily log returns · 90d · full sample", width: 42,
             expected: "Correlation of daily log returns · 90d …"),
        Case(text: "Bitcoin +15,869.4%", width: 16, expected: "Bitcoin …"),
        Case(text: "+15,869.4%", width: 9, expected: "…"),
        Case(text: "short", width: 5, expected: "short"),
        Case(text: "two words", width: 8, expected: "two …"),
        Case(text: "two words", width: 4, expected: "…"),
        Case(text: "anything", width: 0, expected: ""),
    ]

    @Test("a cut keeps whole words and numbers and ends in an ellipsis", arguments: cases)
    func words(_ c: Case) {
        let fitted = TextFit.words(c.text, width: c.width)
        #expect(fitted == c.expected)
        #expect(TextFit.width(fitted) <= max(c.width, 0))
    }

    @Test("in ASCII the ellipsis is three dots and the width counts what is drawn")
    func ascii() {
        let fitted = TextFit.words("after · each breakout → more text", width: 20, ascii: true)
        #expect(fitted == "after - each ...")
        #expect(TextFit.width(fitted) <= 20)
    }

    @Test("a wrapped command keeps its indent, and continues two deeper")
    func wrapKeepsIndent() {
        let lines = TextFit.wrap("    resonance import loss_share.csv --loss-share", width: 30)
        #expect(lines == ["    resonance import", "      loss_share.csv", "      --loss-share"])
        #expect(lines.allSatisfy { TextFit.width($0) <= 30 })
    }

    @Test("a line gives up its lowest priorities first, from the right among equals, and keeps the rest whole")
    func priorities() {
        let line = FittedLine([
            LinePart("RUT", style: .plain, priority: 80),
            LinePart(" yahoo 07:25 0s", style: .plain, priority: 30),
            LinePart(" STALE", style: .plain, priority: 90),
            LinePart("! timed out after 15 s; connection refused", style: .plain, priority: 70, shortening: .words,
                     separator: " · "),
            LinePart("next 0:42", style: .plain, priority: 20, separator: " · "),
            LinePart("? help", style: .plain, priority: 40, trailing: true),
        ], gap: 2)
        func text(_ width: Int) -> String {
            var buffer = Buffer(size: Size(width: width, height: 1))
            buffer.write(line, in: buffer.area)
            return buffer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(text(120).hasPrefix("RUT yahoo 07:25 0s STALE · ! timed out after 15 s; connection refused · next 0:42 "))
        #expect(text(120).hasSuffix(" ? help"))
        #expect(text(60).hasPrefix("RUT STALE · ! timed out after 15 s; connection refused"))
        #expect(text(40) == "RUT STALE · ! timed out after 15 s …")
        #expect(text(9) == "RUT STALE")
    }

    @Test("a part's brief form is tried before it is cut or dropped")
    func brief() {
        let line = FittedLine([
            LinePart("offline — data as of 2026-08-21 07:25", style: .plain, priority: 85, brief: "offline"),
            LinePart("RUT STALE", style: .plain, priority: 90, separator: " · "),
        ])
        var buffer = Buffer(size: Size(width: 30, height: 1))
        buffer.write(line, in: buffer.area)
        #expect(buffer.text.trimmingCharacters(in: .whitespaces) == "offline · RUT STALE")
    }
}
