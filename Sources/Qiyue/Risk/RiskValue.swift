/// A value written in a risk rule file: a parameter default, a predicate operand, or a table row.
///
/// ```yaml
/// maxShare: 0.2                                # .number(0.2)
/// lprHistory: [{from: 2020-04-20, rate: 0.0385}] # .list([.map(["from": .string("2020-04-20"), "rate": .number(0.0385)])])
/// ```
public enum RiskValue: Sendable, Hashable, CustomStringConvertible {
    /// YAML null.
    case null
    /// true / false.
    case bool(Bool)
    /// An integer or decimal number.
    case number(Double)
    /// A string (dates stay strings: `2020-04-20`).
    case string(String)
    /// A sequence.
    case list([RiskValue])
    /// A mapping.
    case map([String: RiskValue])

    /// The number, if this is one.
    public var number: Double? { if case .number(let d) = self { d } else { nil } }
    /// The string, if this is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }

    /// The value's type name as used in lint messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .list: "list"
        case .map: "mapping"
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let d): RiskFormat.number(d)
        case .string(let s): s
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}
