import CNCursesW
import TermCanvas
import Testing
@testable import Terminal

@Suite("Key decoding")
struct KeyDecodingTests {
    /// One row of the decoding table: what curses returned and the key it means.
    struct Case: CustomTestStringConvertible, Sendable {
        var input: RawInputCase
        var expected: Key?
        var testDescription: String { "\(input) -> \(expected.map { "\($0)" } ?? "nil")" }
    }

    /// A Sendable stand-in for `RawInput`, so the table can be a test argument.
    enum RawInputCase: Sendable, CustomStringConvertible {
        case character(UInt32)
        case keyCode(Int32)
        var raw: RawInput {
            switch self {
            case .character(let c): return .character(c)
            case .keyCode(let k): return .keyCode(k)
            }
        }
        var description: String {
            switch self {
            case .character(let c): return "char \(c)"
            case .keyCode(let k): return "key code \(k)"
            }
        }
    }

    static let cases: [Case] = [
        Case(input: .character(97), expected: .character("a")),
        Case(input: .character(81), expected: .character("Q")),
        Case(input: .character(32), expected: .character(" ")),
        Case(input: .character(0x2B), expected: .character("+")),
        Case(input: .character(0xE9), expected: .character("é")),
        Case(input: .character(0x20AC), expected: .character("€")),
        Case(input: .character(9), expected: .tab),
        Case(input: .character(13), expected: .enter),
        Case(input: .character(10), expected: .enter),
        Case(input: .character(27), expected: .escape),
        Case(input: .character(127), expected: .backspace),
        Case(input: .character(8), expected: .backspace),
        Case(input: .character(1), expected: .control("a")),
        Case(input: .character(3), expected: .control("c")),
        Case(input: .character(12), expected: .control("l")),
        Case(input: .character(26), expected: .control("z")),
        Case(input: .character(0x9B), expected: nil),
        Case(input: .character(0xD800), expected: nil),
        Case(input: .keyCode(Int32(KEY_UP)), expected: .up),
        Case(input: .keyCode(Int32(KEY_DOWN)), expected: .down),
        Case(input: .keyCode(Int32(KEY_LEFT)), expected: .left),
        Case(input: .keyCode(Int32(KEY_RIGHT)), expected: .right),
        Case(input: .keyCode(Int32(KEY_HOME)), expected: .home),
        Case(input: .keyCode(Int32(KEY_END)), expected: .end),
        Case(input: .keyCode(Int32(KEY_FIND)), expected: .home),
        Case(input: .keyCode(Int32(KEY_SELECT)), expected: .end),
        Case(input: .keyCode(Int32(KEY_PPAGE)), expected: .pageUp),
        Case(input: .keyCode(Int32(KEY_NPAGE)), expected: .pageDown),
        Case(input: .keyCode(Int32(KEY_ENTER)), expected: .enter),
        Case(input: .keyCode(Int32(KEY_BTAB)), expected: .backTab),
        Case(input: .keyCode(Int32(KEY_BACKSPACE)), expected: .backspace),
        Case(input: .keyCode(Int32(KEY_DC)), expected: .delete),
        Case(input: .keyCode(rs_key_f(1)), expected: .function(1)),
        Case(input: .keyCode(rs_key_f(5)), expected: .function(5)),
        Case(input: .keyCode(rs_key_f(12)), expected: .function(12)),
        Case(input: .keyCode(Int32(KEY_IC)), expected: nil),
    ]

    @Test("curses input decodes to the expected key", arguments: cases)
    func decodes(_ testCase: Case) {
        #expect(KeyDecoding.key(for: testCase.input.raw) == testCase.expected)
    }

    @Test("mouse button states decode to wheel, press and release")
    func mouseStates() {
        #expect(MouseDecoding.kind(forButtonState: rs_button4_pressed()) == .wheelUp)
        #expect(MouseDecoding.kind(forButtonState: rs_button5_pressed()) == .wheelDown)
        #expect(MouseDecoding.kind(forButtonState: rs_button1_pressed()) == .press)
        #expect(MouseDecoding.kind(forButtonState: rs_button3_pressed()) == .press)
        #expect(MouseDecoding.kind(forButtonState: rs_button1_released()) == .release)
        #expect(MouseDecoding.kind(forButtonState: 0) == nil)
    }
}
