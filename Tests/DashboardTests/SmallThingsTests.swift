import Markets
import TermCanvas
import Testing
@testable import Dashboard

/// The small things a user expects of the keys.
@Suite("Keys a user expects")
struct SmallThingsTests {
    @Test("Home and End in the full view put the cursor on the first and the last day")
    func homeAndEndInTheFullView() throws {
        var state = Fixtures.state()
        state.send([.key(.home)])
        var v = try #require(state.viewport)
        #expect(v.cursor == v.bounds.lowerBound)
        state.send([.key(.end)])
        v = try #require(state.viewport)
        #expect(v.cursor == v.bounds.upperBound)
    }

    @Test("the first h from the right edge moves the cursor one tenth, as every h after it")
    func panFromTheRightEdge() throws {
        var state = Fixtures.state()
        state.type("+")
        let start = try #require(state.viewport)
        #expect(start.cursor == start.range.upperBound)
        state.type("h")
        let first = try #require(state.viewport)
        let step = first.range.lowerBound.distance(to: start.range.lowerBound)
        #expect(step == start.span / 10)
        #expect(first.cursor.distance(to: start.cursor) == step, "the cursor moved \(first.cursor.distance(to: start.cursor)) days")
        state.type("h")
        let second = try #require(state.viewport)
        #expect(second.cursor.distance(to: first.cursor) == step)
    }

    @Test(": then a date puts the cursor on it; Esc cancels; a bad date says so")
    func goToDate() throws {
        var state = Fixtures.state()
        state.type(":2020-11-09")
        #expect(state.dateEntry == "2020-11-09")
        #expect(view(state, size: state.size).text.contains("go to date: 2020-11-09_  "))
        state.send([.key(.enter)])
        var v = try #require(state.viewport)
        #expect(v.cursor == Fixtures.day("2020-11-09"))
        #expect(v.range.contains(v.cursor))
        #expect(state.dateEntry == nil)

        state.type(":2016")
        state.send([.key(.escape)])
        #expect(try #require(state.viewport).cursor == Fixtures.day("2020-11-09"))

        state.type(":2016-13-01")
        state.send([.key(.enter)])
        #expect(state.notice == "'2016-13-01' is not a date (YYYY-MM-DD)")

        state.type(":2099")
        state.send([.key(.enter)])
        v = try #require(state.viewport)
        #expect(v.cursor == v.bounds.upperBound)
        #expect(state.notice?.contains("after the data") == true)
    }

    @Test("the help and the key map list : and Ctrl-Z")
    func helpListsTheKeys() {
        let lines = KeyMap.helpLines
        #expect(lines.contains { $0.keys == ":" && $0.summary.contains("date") })
        #expect(lines.contains { $0.keys == "^Z" && $0.summary.contains("suspend") })
    }

    @Test("Ctrl-Z asks the runtime to suspend, and changes nothing else")
    func ctrlZ() {
        var state = Fixtures.state()
        let before = state.viewport
        #expect(state.send([.key(.control("z"))]) == [.suspend])
        #expect(state.viewport == before)
        #expect(state.notice == nil)
    }

    @Test("g never picks braille or block where the locale cannot show them, and says why")
    func glyphsWithoutUTF8() {
        var state = Fixtures.state(glyphs: .ascii)
        state.unicodeAvailable = false
        state.type("g")
        #expect(state.glyphs == .ascii)
        #expect(state.notice?.contains("UTF-8") == true)
        var unicode = Fixtures.state(glyphs: .braille)
        unicode.type("g")
        #expect(unicode.glyphs == .block)
    }

    @Test("a notice stays on screen until the next key, through ticks")
    func noticeOutlivesTicks() {
        var state = Fixtures.state()
        state.notice = "--range is outside the data"
        state.send([.tick(.distantPast), .resize(Size(width: 120, height: 40))])
        #expect(state.notice == "--range is outside the data")
        state.type("+")
        #expect(state.notice == nil)
    }
}
