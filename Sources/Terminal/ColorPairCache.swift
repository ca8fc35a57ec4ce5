/// Colour pairs allocated on first use, bounded by how many the terminal has.
///
/// Curses draws colours through numbered pairs of foreground and background. Pair 0 is the terminal's own
/// colours; this cache hands out 1, 2, … as new combinations appear. When every pair is taken it answers
/// with the existing pair that looks closest, so drawing never fails.
struct ColorPairCache {
    /// A foreground and a background as palette indices, -1 for the terminal's own.
    struct Pair: Hashable {
        var foreground: Int
        var background: Int
    }

    /// The answer for one combination: its pair number, and whether curses must be told about it first.
    struct Lookup: Equatable {
        var number: Int
        var isNew: Bool
    }

    /// How many pairs the terminal has, pair 0 included.
    let capacity: Int
    private(set) var numbers: [Pair: Int] = [:]

    /// A cache for a terminal with `capacity` pairs (curses' `COLOR_PAIRS`), capped at what `short` holds.
    init(capacity: Int) {
        self.capacity = max(1, min(capacity, Int(Int16.max)))
    }

    /// The pair number for a combination, allocating one if there is room.
    mutating func lookup(_ pair: Pair) -> Lookup {
        if pair.foreground == -1, pair.background == -1 { return Lookup(number: 0, isNew: false) }
        if let number = numbers[pair] { return Lookup(number: number, isNew: false) }
        let next = numbers.count + 1
        if next < capacity {
            numbers[pair] = next
            return Lookup(number: next, isNew: true)
        }
        return Lookup(number: nearestExisting(to: pair), isNew: false)
    }

    /// The allocated pair that looks most like the wanted one, or 0 when none is allocated.
    ///
    /// Backgrounds weigh double: a wrong background shows over a whole area, a wrong foreground on a few dots.
    private func nearestExisting(to wanted: Pair) -> Int {
        func cost(_ a: Int, _ b: Int) -> Int {
            if a == b { return 0 }
            if a == -1 || b == -1 { return Int.max / 4 }
            return ColorMapping.distance(ColorMapping.xtermRGB(a), ColorMapping.xtermRGB(b))
        }
        var best = (number: 0, cost: cost(wanted.foreground, -1) / 2 + cost(wanted.background, -1))
        for (pair, number) in numbers {
            let c = cost(wanted.foreground, pair.foreground) / 2 + cost(wanted.background, pair.background)
            if c < best.cost || (c == best.cost && number < best.number) { best = (number, c) }
        }
        return best.number
    }
}
