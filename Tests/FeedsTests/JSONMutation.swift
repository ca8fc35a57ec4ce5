import Foundation
import TestSupport

/// A JSON document as a tree that mutations can edit, printed back to bytes that may break JSON's own
/// rules (a key twice, `NaN`, nesting past any parser's limit).
indirect enum JSONTree: Equatable {
    /// Members in order; a key may appear twice.
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    case string(String)
    /// A number exactly as written, which need not be valid JSON (`NaN`, `Infinity`, `1e999`).
    case number(String)
    case boolean(Bool)
    case null

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool { lhs.bytes == rhs.bytes }

    /// The tree of a parsed JSON value; object members sorted by key, so the same text gives the same tree
    /// in every process.
    init(_ value: Any) {
        switch value {
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { (key: $0, value: JSONTree(object[$0]!)) })
        case let array as [Any]:
            self = .array(array.map(JSONTree.init))
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": self = .boolean(number.boolValue)
            case "d", "f": self = .number("\(number.doubleValue)")
            default: self = .number(number.stringValue)
            }
        default:
            self = .null
        }
    }

    /// Parses well-formed JSON text; traps on a fixture that is not.
    init(parsing text: String) {
        self.init(try! JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
    }

    /// The document as UTF-8 bytes.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONTree.string(member.key).write(to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text):
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case ..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        case .number(let text): out += Array(text.utf8)
        case .boolean(let flag): out += Array((flag ? "true" : "false").utf8)
        case .null: out += Array("null".utf8)
        }
    }

    // MARK: - Paths

    /// The paths of every node, the root first; a path is the member or item index at each level.
    var paths: [[Int]] {
        var result: [[Int]] = [[]]
        func visit(_ node: JSONTree, _ path: [Int]) {
            switch node {
            case .object(let members):
                for (i, member) in members.enumerated() { result.append(path + [i]); visit(member.value, path + [i]) }
            case .array(let items):
                for (i, item) in items.enumerated() { result.append(path + [i]); visit(item, path + [i]) }
            default: break
            }
        }
        visit(self, [])
        return result
    }

    /// The node at a path.
    subscript(path: ArraySlice<Int>) -> JSONTree {
        guard let first = path.first else { return self }
        switch self {
        case .object(let members): return members[first].value[path.dropFirst()]
        case .array(let items): return items[first][path.dropFirst()]
        default: return self
        }
    }

    /// This tree with the node at `path` changed by `edit`.
    func editing(_ path: ArraySlice<Int>, _ edit: (JSONTree) -> JSONTree) -> JSONTree {
        guard let first = path.first else { return edit(self) }
        switch self {
        case .object(var members):
            members[first].value = members[first].value.editing(path.dropFirst(), edit)
            return .object(members)
        case .array(var items):
            items[first] = items[first].editing(path.dropFirst(), edit)
            return .array(items)
        default:
            return self
        }
    }
}

/// Random edits that turn a provider's or publisher's well-formed JSON answer into a nearly well-formed
/// one: values of the wrong type or out of range, members lost, repeated or swapped, absurd nesting and
/// sizes, and then damage to the bytes themselves.
enum JSONMutation {
    /// Numbers a parser has reasons to fear, as written in the answer.
    static let nastyNumbers = [
        "0", "-0", "-1", "-1.5", "0.5", "1e-320", "1e300", "-1e300", "1e309", "-1e309", "NaN", "Infinity", "-Infinity",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "123456789012345678901234567890", "1700000000.5", "2000000000", "-2208988800", "4102444800", "99999999999999",
        "1e15", "-1e15", "86400", "1.0", "0x10", "01", "1.", ".5", "+1", "1e", "--1",
    ]

    /// Strings a parser has reasons to fear.
    static let nastyStrings = [
        "", " ", "null", "NaN", "-", "12", "1e999", "2024-02-30", "9999-12-31", "0000-01-01", "2024-1-1", "é", "\u{FEFF}",
        "\u{0}", "\u{1F4B8}", "\\", "\"", "<html>", "two\nlines", "\r", "CY2025Q3", "^RUT", "btc-usd", String(repeating: "A", count: 3_000),
    ]

    /// Applies between one and `maximum` structural edits, then, sometimes, byte-level damage.
    static func mutate(_ tree: JSONTree, _ random: inout SeededRandom, maximum: Int = 3) -> [UInt8] {
        var tree = tree
        let edits = random.int(1...maximum)
        for edit in 1...edits { tree = mutateOnce(tree, &random, blowUp: edit == edits) }
        var bytes = tree.bytes
        if random.chance(0.3) { bytes = damage(bytes, &random) }
        return bytes
    }

    /// One structural edit at a random node; half the time the node is a number, since most of what a
    /// provider says is numbers.
    ///
    /// Only the last edit may nest deeply or blow a node up, since editing such a tree again (a huge array
    /// of deep copies) would cost the test far more than the parser.
    static func mutateOnce(_ tree: JSONTree, _ random: inout SeededRandom, blowUp: Bool = true) -> JSONTree {
        let paths = tree.paths
        let numbers = paths.filter { if case .number = tree[$0[...]] { return true } else { return false } }
        if !numbers.isEmpty, random.chance(0.5) {
            return tree.editing(random.pick(numbers)[...]) { node in
                guard case .number(let text) = node else { return node }
                return random.chance(0.5) ? .number(nudged(text, &random)) : .number(random.pick(nastyNumbers))
            }
        }
        let path = random.pick(paths)[...]
        let parentPath = path.dropLast()
        var choice = random.int(0...11)
        if !blowUp, choice == 7 || choice == 8 { choice = 2 }
        switch choice {
        case 0, 1:  // a value out of range, or not a number at all
            return tree.editing(path) { node in
                if case .number = node, random.chance(0.8) { return .number(random.pick(nastyNumbers)) }
                return wrongType(for: node, &random)
            }
        case 2:  // a value of the wrong type
            return tree.editing(path) { wrongType(for: $0, &random) }
        case 3:  // a member or item lost
            guard let index = path.last else { return .null }
            return tree.editing(parentPath) { parent in
                switch parent {
                case .object(var members): members.remove(at: index); return .object(members)
                case .array(var items): items.remove(at: index); return .array(items)
                default: return parent
                }
            }
        case 4:  // a member repeated with another value (a duplicate key), or an item pasted twice
            guard let index = path.last else { return tree }
            return tree.editing(parentPath) { parent in
                switch parent {
                case .object(var members):
                    var copy = members[index]
                    if random.chance(0.5) { copy.value = wrongType(for: copy.value, &random) }
                    members.insert(copy, at: random.int(0...members.count))
                    return .object(members)
                case .array(var items):
                    items.insert(items[index], at: random.int(0...items.count))
                    return .array(items)
                default: return parent
                }
            }
        case 5:  // two fields swapped: members' values, or items
            return tree.editing(parentPath) { parent in
                switch parent {
                case .object(var members) where members.count >= 2:
                    let (a, b) = (random.int(0...members.count - 1), random.int(0...members.count - 1))
                    (members[a].value, members[b].value) = (members[b].value, members[a].value)
                    return .object(members)
                case .array(var items) where items.count >= 2:
                    items.swapAt(random.int(0...items.count - 1), random.int(0...items.count - 1))
                    return .array(items)
                default: return parent
                }
            }
        case 6:  // a key misspelt
            guard let index = path.last else { return tree }
            return tree.editing(parentPath) { parent in
                guard case .object(var members) = parent else { return parent }
                members[index].key = random.pick([members[index].key.uppercased(), members[index].key + "_", "", "\u{0}",
                                                  String(members[index].key.dropLast())])
                return .object(members)
            }
        case 7:  // deep nesting, sometimes past the parser's limit
            let depth = random.chance(0.5) ? random.int(1...8) : random.int(500...1_000)
            return tree.editing(path) { node in
                var wrapped = node
                for _ in 0..<depth { wrapped = random.chance(0.5) ? .array([wrapped]) : .object([(key: "a", value: wrapped)]) }
                return wrapped
            }
        case 8:  // a huge array or a huge string
            return tree.editing(path) { node in
                if case .array(let items) = node, let first = items.first, random.chance(0.7) {
                    // Up to 5,000 copies, and about 2 MB at most: size enough, without the test's own cost.
                    let copies = min(random.int(500...5_000), 2_000_000 / max(1, first.bytes.count))
                    return .array(items + Array(repeating: first, count: copies))
                }
                return .string(String(repeating: random.pick(["9", "x", "é", " ", "\n"]), count: random.int(5_000...60_000)))
            }
        case 9:  // a subtree copied over another
            let source = tree[random.pick(paths)[...]]
            return tree.editing(path) { _ in source }
        case 10:  // an array emptied, or an object
            return tree.editing(path) { node in
                switch node {
                case .array: return .array([])
                case .object: return .object([])
                default: return wrongType(for: node, &random)
                }
            }
        default:  // a nasty string
            return tree.editing(path) { node in
                if case .string = node { return .string(random.pick(nastyStrings)) }
                return random.chance(0.5) ? .string(random.pick(nastyStrings)) : node
            }
        }
    }

    /// A number moved a little or a lot: an hour or a day later, a sign lost, a digit slipped.
    static func nudged(_ text: String, _ random: inout SeededRandom) -> String {
        guard let value = Double(text) else { return text }
        let changed: Double
        switch random.int(0...6) {
        case 0: changed = value + Double(random.pick([1, -1, 3_600, -3_600, 43_200, -43_200, 86_399, -86_399, 86_400, -86_400]))
        case 1: changed = -value
        case 2: changed = value * 10
        case 3: changed = value / 10
        case 4: changed = value.nextUp
        case 5: changed = value * Double(random.int(2...1_000))
        default: changed = value + 0.5
        }
        if changed == changed.rounded(), abs(changed) < 1e15 { return String(Int64(changed)) }
        return "\(changed)"
    }

    /// A value of another type than `node`'s.
    static func wrongType(for node: JSONTree, _ random: inout SeededRandom) -> JSONTree {
        var choices: [JSONTree] = [.null, .boolean(random.chance(0.5)), .string(random.pick(nastyStrings)),
                                   .number(random.pick(nastyNumbers)), .array([]), .object([]),
                                   .array([.number("1")]), .object([(key: "value", value: .number("1"))])]
        if case .number(let text) = node { choices.append(.string(text)) }
        return random.pick(choices)
    }

    /// Damage to the bytes: cut short, a byte flipped, added or lost, invalid UTF-8, garbage, nothing at all.
    static func damage(_ original: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        let position = bytes.isEmpty ? 0 : random.int(0...bytes.count - 1)
        switch random.int(0...8) {
        case 0: bytes = Array(bytes.prefix(position))                                   // a cut-off download
        case 1: if !bytes.isEmpty { bytes[position] ^= UInt8(1) << UInt8(random.int(0...7)) }   // one bit flipped
        case 2: if !bytes.isEmpty { bytes.remove(at: position) }                        // a byte lost
        case 3:                                                                        // a byte added
            bytes.insert(random.pick(Array("{}[],:\"\\ 0-.e".utf8) + [0, 0xFF]), at: min(position, bytes.count))
        case 4:                                                                        // invalid UTF-8
            let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
            bytes.insert(contentsOf: random.pick(invalid), at: min(position, bytes.count))
        case 5: bytes.insert(contentsOf: random.bytes(random.int(1...32)), at: min(position, bytes.count))
        case 6: bytes = random.chance(0.5) ? [] : random.pick([Array("null".utf8), Array("0".utf8), Array("\"\"".utf8), [0xEF, 0xBB, 0xBF]])
        case 7: bytes = [0xEF, 0xBB, 0xBF] + bytes                                    // a byte order mark
        default: bytes = Array(bytes.prefix(position)) + Array(bytes[position...])     // unchanged: the edits alone
        }
        return bytes
    }
}
