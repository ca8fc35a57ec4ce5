import Dashboard
import Markets
import TermCanvas
import TestSupport
import Testing

/// The one-line question for the SEC's contact: typing, Enter, Esc, and how it fits the bottom line.
struct SECContactPromptTests {
    static func state(width: Int = 80) -> AppState {
        let generated = DemoMarket.generate(seed: 2026)
        var state = AppState(data: MarketData(index: generated.rut, bitcoin: generated.btc, isDemo: true),
                             size: Size(width: width, height: 24))
        state.secContactPrompt = SECContactPrompt()
        return state
    }

    @Test("keys go to the prompt (q too), Enter saves an address, Esc saves the skip")
    func answering() {
        var state = Self.state()
        #expect(state.type("q x@y") == [], "no quit while typing")
        #expect(state.secContactPrompt?.text == "q x@y")
        #expect(state.send([.key(.backspace), .key(.character("z")), .key(.enter)]) == [.saveSECContact("q x@z")])
        #expect(state.secContactPrompt == nil)

        var skipping = Self.state()
        #expect(skipping.send([.key(.escape)]) == [.saveSECContact("")])
        #expect(skipping.secContactPrompt == nil && skipping.notice?.contains("skipped") == true)
        #expect(skipping.type("q") == [.quit], "keys are the dashboard's again")
    }

    @Test func anAnswerWithoutAnAddressIsRefusedOnTheLine() {
        var state = Self.state()
        _ = state.type("nobody")
        #expect(state.send([.key(.enter)]) == [])
        let bottom = view(state, size: state.size).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom.contains("nobody_ — an e-mail address"), "\(bottom)")
    }

    @Test("the line keeps the whole answer and the longest wording that fits", arguments: [60, 80, 200])
    func fits(_ width: Int) {
        var state = Self.state(width: width)
        _ = state.type("Jane Doe jane@example.com")
        let bottom = view(state, size: state.size).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom.contains("Jane Doe jane@example.com_"), "\(bottom)")
        #expect(bottom.contains("SEC") && bottom.contains("e-mail"), "\(bottom)")
        #expect(!bottom.contains("…"), "\(bottom)")
    }
}
