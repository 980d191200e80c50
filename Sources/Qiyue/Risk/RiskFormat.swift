import Foundation

/// Formatting of values in risk messages: `{name}` and `{name|percent}`, `{name|number}`.
enum RiskFormat {
    /// Known placeholder filters.
    static let filters: Set<String> = ["percent", "number"]

    /// A number without trailing zeros: 20, 0.0385, 1.5.
    static func number(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "\(d)" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(format: "%.6f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A fraction as a percentage with at most two decimals: 0.1825 → 18.25%, 0.24 → 24%.
    static func percent(_ d: Double) -> String {
        var s = String(format: "%.2f", d * 100)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + "%"
    }

    /// A number with thousands separators: 85000 → 85,000.
    static func grouped(_ d: Double) -> String {
        let plain = number(abs(d))
        let parts = plain.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var out = ""
        while intPart.count > 3 {
            out = "," + intPart.suffix(3) + out
            intPart.removeLast(3)
        }
        out = intPart + out
        if parts.count > 1 { out += "." + parts[1] }
        return (d < 0 ? "-" : "") + out
    }
}
