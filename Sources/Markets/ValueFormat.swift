import Foundation

/// Compact number formatting for axes, legends and readouts, without Foundation formatters.
///
/// All output is ASCII: the minus sign is `-`, thousands are grouped with `,`, the decimal mark is `.`.
/// Non-finite values print as `n/a`, `inf` or `-inf`.
public enum ValueFormat {
    // MARK: - Compact

    /// A short number for axes and legends, about 3 significant digits.
    ///
    /// | range | form | example |
    /// |---|---|---|
    /// | below 1 | 2 significant digits | 0.0421 → `0.042` |
    /// | 1 to 1,000 | 3 significant digits, trailing zeros dropped | 12.34 → `12.3` |
    /// | 1,000 to 10,000 | whole number, grouped | 2442.03 → `2,442` |
    /// | 10,000 and up | 3 significant digits with k, M, B, T | 98768.5 → `98.8k`, 1234567 → `1.23M` |
    /// | a thousand T and up | 3 significant digits and a power of ten | 3.3608e18 → `3.36e18` |
    ///
    /// A value that rounds up into the next form takes that form (999,960 → `1M`).
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        if magnitude < 1 {
            guard magnitude >= 1e-12 else { return "0" }
            let decimals = 1 - Int(log10(magnitude).rounded(.down))
            let text = trimmed(fixed(magnitude, decimals: decimals, grouped: false))
            if text != "1" { return text == "0" ? "0" : sign + text }
        }
        if magnitude < 1000 {
            let decimals = max(0, 2 - Int(log10(max(magnitude, 1)).rounded(.down)))
            if rounded(magnitude, decimals) < 1000 {
                return sign + trimmed(fixed(magnitude, decimals: decimals, grouped: false))
            }
        }
        if rounded(magnitude, 0) < 10_000 { return sign + fixed(magnitude, decimals: 0) }
        if magnitude >= 999.5e12 { return sign + scientific(magnitude) }
        let units: [(divisor: Double, suffix: String)] = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")]
        for (i, unit) in units.enumerated() {
            let scaled = magnitude / unit.divisor
            let decimals = max(0, 2 - Int(log10(scaled).rounded(.down)))
            if rounded(scaled, decimals) < 1000 || i == units.count - 1 {
                return sign + trimmed(fixed(scaled, decimals: decimals, grouped: true)) + unit.suffix
            }
        }
        return sign + fixed(magnitude, decimals: 0)
    }

    /// A tick label that shows just enough digits to tell ticks `step` apart, in the same form as `compact`.
    ///
    /// Below 10,000 it prints a grouped number with the decimals the step needs (step 0.05 → `0.15`, step 200 →
    /// `2,400`); above it, k/M/B/T with the decimals the step needs in that unit (step 10 → `12.01k`).
    public static func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        guard step > 0, step.isFinite else { return compact(value) }
        let magnitude = abs(value)
        var divisor = 1.0, suffix = ""
        if magnitude >= 1e12 { divisor = 1e12; suffix = "T" }
        else if magnitude >= 1e9 { divisor = 1e9; suffix = "B" }
        else if magnitude >= 1e6 { divisor = 1e6; suffix = "M" }
        else if magnitude >= 1e4 { divisor = 1e3; suffix = "k" }
        let decimals = min(12, max(0, Int((-log10(step / divisor) - 1e-9).rounded(.up))))
        return fixed(value / divisor, decimals: decimals) + suffix
    }

    // MARK: - Fixed decimals

    /// A price: two decimals with thousands grouped, 2442.03 → `2,442.03`.
    public static func price(_ value: Double) -> String { fixed(value, decimals: 2) }

    /// A number with a fixed count of decimals (0 to 12), rounded half away from zero, optionally grouped.
    ///
    /// Values too large for exact integer arithmetic (above about 9·10^18 after scaling) fall back to `compact`.
    public static func fixed(_ value: Double, decimals: Int, grouped: Bool = true) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let decimals = min(max(decimals, 0), 12)
        let scale = powerOfTen(decimals)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return compact(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor, fraction = units % divisor
        var text = value < 0 && units != 0 ? "-" : ""
        text += grouped ? groupedDigits(whole) : String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// A signed percentage from a fraction: 0.123 → `+12.3%`, -0.04 → `-4.0%`; zero after rounding is `0.0%`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        guard fraction.isFinite else { return nonFinite(fraction) }
        let body = fixed(abs(fraction) * 100, decimals: decimals)
        if body.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) { return body + "%" }
        return (fraction < 0 ? "-" : "+") + body + "%"
    }

    // MARK: - Helpers

    /// Digits of a whole number with a comma every three: 1234567 → `1,234,567`.
    public static func groupedDigits(_ value: UInt64) -> String {
        let digits = Array(String(value).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + digits.count / 3)
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(digit)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = powerOfTen(decimals)
        return (value * scale).rounded() / scale
    }

    /// Drops trailing zeros after a decimal point, and the point itself when nothing follows.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }

    /// Three significant digits and a power of ten, for magnitudes past the T unit: 3.36e33.
    private static func scientific(_ magnitude: Double) -> String {
        var exponent = Int(log10(magnitude).rounded(.down))
        var mantissa = rounded(magnitude / pow(10, Double(exponent)), 2)
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        return trimmed(fixed(mantissa, decimals: 2, grouped: false)) + "e\(exponent)"
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf")
    }
}
