/// A risk rule, loaded from one YAML file under Rules/risks/ (see Rules/README.md and
/// Rules/schema/risk-rule.schema.json).
///
/// ```yaml
/// id: lease-term-over-20y
/// severity: medium
/// title: 租赁期限超过二十年
/// message: 租赁期限约定为 {years} 年，超过 {maxYears} 年……
/// categories: [all]
/// params: {maxYears: 20}
/// when: {fact: periods, where: {kind: lease_term, years: {gt: $maxYears}}}
/// examples: {fire: [{text: 租赁期限为30年。}, …], ok: [{text: 租赁期限为20年。}, …]}
/// ```
public struct RiskRule: Sendable, Hashable {
    /// Kebab-case id, equal to the file name without `.yaml`; part of the public output schema.
    public var id: String
    /// high, medium or low.
    public var severity: String
    /// Title (Chinese).
    public var title: String
    /// Title (English).
    public var titleEn: String?
    /// Message template (Chinese) with `{field}` / `{field|percent}` placeholders.
    public var message: String
    /// Message template (English).
    public var messageEn: String?
    /// Legal or practical basis, one line each.
    public var basis: [String]
    /// Contract categories the rule applies to; `["all"]` for every contract.
    public var categories: [String]
    /// Parameters with their values (defaults, or overrides given to the engine).
    public var params: [String: RiskValue]
    /// The condition.
    public var when: RiskCondition
    /// Extra message lines with their own conditions.
    public var addenda: [RiskAddendum]
    /// Texts the rule must and must not fire on.
    public var examples: [RiskExample]
    /// The file the rule was loaded from.
    public var path: String

    /// Whether the rule applies to contracts of `category`.
    public func applies(to category: String?) -> Bool {
        if categories.contains("all") { return true }
        guard let category else { return false }
        return categories.contains(category)
    }
}
