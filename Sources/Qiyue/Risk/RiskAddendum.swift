/// An extra message line, added to a rule's message when its condition also holds in the document.
///
/// ```yaml
/// addenda:
///   - when: {fact: penalties, where: {form: {ne: deposit}}}
///     message: 同时约定定金和违约金的……
///     message_en: Where both earnest money and a penalty are agreed, ……
/// ```
public struct RiskAddendum: Sendable, Hashable {
    /// The condition.
    public var when: RiskCondition
    /// Chinese text appended to the message.
    public var message: String
    /// English text appended to the English message.
    public var messageEn: String?
}
