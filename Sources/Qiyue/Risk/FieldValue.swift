/// A fact or document field's value during evaluation.
enum FieldValue: Sendable {
    /// Missing.
    case null
    /// A flag.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string (dates are ISO strings).
    case string(String)
    /// A list of strings (party ids, phones).
    case strings([String])
    /// A range of the normalized text (a fact's sentence), matched without copying.
    case text(Range<Int>)

    init(_ s: String?) { self = s.map(FieldValue.string) ?? .null }
    init(_ d: Double?) { self = d.map(FieldValue.number) ?? .null }
    init(_ b: Bool?) { self = b.map(FieldValue.bool) ?? .null }

    var isNull: Bool { if case .null = self { true } else { false } }

    /// Converts a rule value (a literal or a parameter) to a field value.
    init(_ v: RiskValue) {
        switch v {
        case .null, .map: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .list(let l): self = .strings(l.map(\.description))
        }
    }
}
