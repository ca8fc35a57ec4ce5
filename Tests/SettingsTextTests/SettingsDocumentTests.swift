import SettingsText
import Testing

/// TOML read into entries with their key paths and the lines their keys are on.
@Suite("Settings documents")
struct SettingsDocumentTests {
    static func entries(_ text: String) throws -> [String] {
        try SettingsDocument(parsing: text, path: "t.toml").entries.map { "\($0.path.joined(separator: "/"))@\($0.line.map(String.init) ?? "?")" }
    }

    @Test("each key's line, past strings, arrays and comments that look like keys or tables")
    func lines() throws {
        let text = #"""
            # [not] = "a table"
            a = """
            b = 1
            [c]
            """
            "quoted \u0041" = 'x = [y]'  # c = 2
            list = [
              "[d]",  # e = 3
              { f = 1 },
            ]
            [ "g" . h ]
            i.j = { k = 1, l.m = 'n' }
            [[arr]]
            o = 1
            """#
        #expect(try Self.entries(text) == [
            "a@2", "quoted A@6", "list@7", "g/h/i/j/k@12", "g/h/i/j/l/m@12", "arr@13",
        ])
    }

    @Test("values: every TOML kind the readers use, and the rest by name")
    func values() throws {
        let document = try SettingsDocument(parsing: "s = 'x'\ni = 0x10\nf = 1.5\nb = true\na = [1, \"two\"]\nd = 2024-01-02\n", path: "t.toml")
        #expect(document.entries.map(\.value) == [
            .string("x"), .integer(16), .float(1.5), .boolean(true), .array([.integer(1), .string("two")]), .other("date"),
        ])
    }

    @Test("text that is not TOML is FILE:LINE: what the parser says, on one line")
    func syntaxErrors() {
        for (text, line) in [("a = 1\nb = \n", 2), ("\n\n[x\n", 3), ("a = \"open\n", 1), ("x = 1\n\u{0}", 2), ("a = 1\na = 2", 2)] {
            let error = #expect(throws: SettingsSyntaxError.self) { try SettingsDocument(parsing: text, path: "t.toml") }
            #expect(error?.line == line, "\(text)")
            #expect(error?.description.hasPrefix("t.toml:\(line): ") == true && error?.description.contains("\n") == false)
        }
    }
}
