/// The right-hand side of a predicate: a literal, a parameter, or a rate looked up in a dated table.
public indirect enum RiskOperand: Sendable, Hashable {
    /// A literal value.
    case value(RiskValue)
    /// `$name`: the rule parameter `name`.
    case param(String)
    /// `{rateOn: $table, times: N}`: the `rate` of the table row in force on the signing date
    /// (the newest row when the date is unknown), multiplied by `times` (a number or `$param`).
    case rateOn(table: String, times: RiskOperand)
}
