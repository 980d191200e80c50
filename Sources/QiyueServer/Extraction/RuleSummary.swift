import Qiyue

/// One active rule as `GET /v1/rules` lists it: what it flags, where, with which parameters and on
/// which legal basis.
public struct RuleSummary: Encodable, Sendable {
    public var id: String
    public var severity: String
    public var title: String
    public var titleEn: String?
    public var message: String
    public var messageEn: String?
    public var basis: [String]
    public var categories: [String]
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
