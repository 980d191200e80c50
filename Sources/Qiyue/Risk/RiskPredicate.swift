/// One test on a field of a fact or of the document: `annualizedRate: {gt: $maxAnnualRate}` is
/// `RiskPredicate(field: "annualizedRate", op: .gt, operand: .param("maxAnnualRate"))`.
public struct RiskPredicate: Sendable, Hashable {
    /// The field name (see Rules/README.md, "Fact kinds and fields").
    public var field: String
    /// The comparison.
    public var op: Op
    /// What the field is compared with.
    public var operand: RiskOperand

    /// Creates a predicate.
    public init(field: String, op: Op, operand: RiskOperand) {
        self.field = field
        self.op = op
        self.operand = operand
    }

    /// A comparison. A plain value in a rule file means `eq`.
    public enum Op: String, Sendable, Hashable, CaseIterable {
        /// Equal (for a list field: contains).
        case eq
        /// Not equal (true when the field is missing).
        case ne
        /// Greater than (numbers, or ISO dates).
        case gt
        /// Greater than or equal.
        case gte
        /// Less than.
        case lt
        /// Less than or equal.
        case lte
        /// One of a list of values.
        case `in`
        /// `exists: true` when the field has a value, `exists: false` when it is missing.
        case exists
        /// The ICU regular expression matches somewhere in the field's text.
        case matches
        /// The ICU regular expression matches nowhere in the field's text (true when it is missing).
        case notMatches
    }
}
