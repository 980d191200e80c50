import Qiyue

/// One active rule as `GET /v1/rules` lists it: what it flags, where, with which parameters and on
/// which legal basis.
public struct RuleSummary: Encodable, Sendable {
    /// The rule's id (what `only_rules` names).
    public var id: String
    /// high, medium or low.
    public var severity: String
    /// The title (Chinese).
    public var title: String
    /// The title in English.
    public var titleEn: String?
    /// The message template (Chinese).
    public var message: String
    /// The message template in English.
    public var messageEn: String?
    /// The legal basis.
    public var basis: [String]
    /// The contract categories it runs on (`all`: every one).
    public var categories: [String]
    /// Its parameters with their effective values.
    public var params: [String: JSONValue]

    /// The summary of a loaded rule (with its effective parameters).
    public init(_ rule: RiskRule) {
        id = rule.id
        severity = rule.severity
        title = rule.title
        titleEn = rule.titleEn
        message = rule.message
        messageEn = rule.messageEn
        basis = rule.basis
        categories = rule.categories
        params = rule.params.mapValues(JSONValue.init)
    }
}
