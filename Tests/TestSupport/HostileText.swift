import Foundation

/// Random outside text for the escaping property tests: printable characters mixed with every C0 control,
/// DEL, every C1 control (as UTF-8 and as lone bytes) and Unicode's line separators and bidi controls.
public enum HostileText {
    /// The C0 controls, DEL and the C1 controls: every code a terminal may act on as a control.
    public static let controls: [UInt32] = Array(0..<0x20) + Array(0x7F...0x9F)
    /// Other characters that change how a line reads: the line separators and the bidi controls.
    public static let formatting: [UInt32] = [0x2028, 0x2029, 0x202E, 0x2066, 0x200F]

    /// Random bytes for a file's contents: UTF-8 text with controls among it, sometimes a lone byte 0x80–0x9F
    /// (not UTF-8: an 8-bit terminal takes 0x9B for CSI). Records which controls went in.
    public static func bytes(_ random: inout SeededRandom, length: ClosedRange<Int> = 1...24, used: inout Set<UInt32>,
                             avoiding forbidden: Set<UInt8> = []) -> [UInt8] {
        var result: [UInt8] = []
        for _ in 0..<random.int(length) {
            var piece: [UInt8]
            switch random.int(0...9) {
            case 0...2:
                let control = random.pick(controls)
                used.insert(control)
                piece = Array(String(Character(Unicode.Scalar(control)!)).utf8)
            case 3:
                let byte = UInt8(random.int(0x80...0x9F))
                used.insert(UInt32(byte))
                piece = [byte]
            case 4: piece = Array(String(Character(Unicode.Scalar(random.pick(formatting))!)).utf8)
            case 5: piece = Array("é▲₿".utf8)
            default: piece = [UInt8(random.int(0x20...0x7E))]
            }
            result += piece.filter { !forbidden.contains($0) }
        }
        return result
    }

    /// Random text for an argument, a path component or an environment value: no NUL (C strings end
    /// there) and no `/`, valid UTF-8 (the lone bytes become U+FFFD on the way in).
    public static func text(_ random: inout SeededRandom, length: ClosedRange<Int> = 1...24, used: inout Set<UInt32>) -> String {
        let raw = bytes(&random, length: length, used: &used, avoiding: [0, UInt8(ascii: "/")])
        let text = String(decoding: raw, as: UTF8.self)
        return text.isEmpty ? "x" : text
    }
}
