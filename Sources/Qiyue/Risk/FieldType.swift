/// The type of a fact or document field, for checking predicates when a rule is loaded.
enum FieldType: String, Sendable {
    /// Free text or a vocabulary word.
    case string
    /// A number.
    case number
    /// A flag.
    case bool
    /// An ISO date string (compares in date order).
    case date
    /// A list of strings.
    case strings
    /// A sentence of the document.
    case text

    /// Whether `gt`/`gte`/`lt`/`lte` apply.
    var isOrdered: Bool { self == .number || self == .date }
    /// Whether `matches`/`notMatches` apply.
    var isTextual: Bool { self != .number && self != .bool }

    /// Whether a literal of this rule type may be compared with the field.
    func accepts(_ v: RiskValue) -> Bool {
        switch (self, v) {
        case (.number, .number), (.bool, .bool): true
        case (.string, .string), (.date, .string), (.strings, .string), (.text, .string): true
        case (_, .null): true
        default: false
        }
    }
}
