import CNCursesW
import TermCanvas

/// What `wget_wch` handed back: a character, or a curses key code (when it returned `KEY_CODE_YES`).
enum RawInput: Hashable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Turns what curses reads into `Key`s.
enum KeyDecoding {
    /// The key for a character or key code, or nil when it means nothing to the dashboard.
    ///
    /// `KEY_RESIZE` and `KEY_MOUSE` are not keys: the terminal handles them before asking here.
    /// Byte 8 (Ctrl-H) is read as Backspace, which is what terminals that send it mean by it.
    static func key(for input: RawInput) -> Key? {
        switch input {
        case .character(let code): return key(forCharacter: code)
        case .keyCode(let code): return key(forKeyCode: code)
        }
    }

    /// A character from the keyboard: printable text, or a control byte.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(code) + 64)))
        case 128..<160: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A curses key code: arrows, paging, editing and function keys.
    static func key(forKeyCode code: Int32) -> Key? {
        if let key = namedKeys[code] { return key }
        let firstFunction = rs_key_f(1), lastFunction = rs_key_f(63)
        if code >= firstFunction, code <= lastFunction { return .function(Int(code - firstFunction) + 1) }
        return nil
    }

    /// The curses codes with a fixed meaning.
    private static let namedKeys: [Int32: Key] = [
        rs_key_up(): .up, rs_key_down(): .down, rs_key_left(): .left, rs_key_right(): .right,
        rs_key_home(): .home, rs_key_end(): .end,
        // Some terminals (vt220 descendants) send Find and Select for the Home and End keys.
        rs_key_find(): .home, rs_key_select(): .end,
        rs_key_ppage(): .pageUp, rs_key_npage(): .pageDown,
        rs_key_enter(): .enter, rs_key_btab(): .backTab,
        rs_key_backspace(): .backspace, rs_key_dc(): .delete,
    ]
}

/// Turns the button state of a curses mouse event into a `MouseEvent.Kind`.
enum MouseDecoding {
    /// The kind of mouse action, or nil for states the dashboard ignores (motion, clicks of other buttons).
    static func kind(forButtonState state: mmask_t) -> MouseEvent.Kind? {
        if state & rs_button4_pressed() != 0 { return .wheelUp }
        if state & rs_button5_pressed() != 0 { return .wheelDown }
        if state & (rs_button1_pressed() | rs_button2_pressed() | rs_button3_pressed()) != 0 { return .press }
        if state & (rs_button1_released() | rs_button2_released() | rs_button3_released()) != 0 { return .release }
        return nil
    }

    /// The buttons the terminal asks curses to report: presses and releases of 1–3, and the wheel.
    static var reportedButtons: mmask_t {
        rs_button1_pressed() | rs_button1_released() | rs_button2_pressed() | rs_button2_released()
            | rs_button3_pressed() | rs_button3_released() | rs_button4_pressed() | rs_button5_pressed()
    }
}
