/// The `when` of a risk rule: what to look for in a document (Rules/README.md, "Conditions").
///
/// ```yaml
/// when:
///   any:
///     - fact: amounts
///       where: {blank: true, purpose: {in: [total_price, rent]}}
///     - text: '与[甲乙]方无关'
///       within: sentence
/// ```
public indirect enum RiskCondition: Sendable, Hashable {
    /// Each extracted fact of `kind` whose fields satisfy every predicate.
    case fact(kind: String, where: [RiskPredicate])
    /// Each place the ICU regular expression matches the normalized text within the scope.
    case text(pattern: String, within: Scope)
    /// The document once, if its document-level fields satisfy every predicate.
    case document([RiskPredicate])
    /// The matches of the first condition, if every condition has at least one match.
    case all([RiskCondition])
    /// The matches of every condition.
    case any([RiskCondition])
    /// The document once, if the condition has no match (`not:` and `absent:` are the same).
    case absent(RiskCondition)

    /// Where a text pattern is matched: `^`, `$` and look-behind see only that much text.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Each sentence (ended by 。；！？ or a line break).
        case sentence
        /// Each top-level numbered clause, and each stretch of text outside clauses.
        case clause
        /// The whole normalized text.
        case document
    }
}
