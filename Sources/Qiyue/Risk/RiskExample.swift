/// A text a rule must fire on (`fire`) or must not fire on (`ok`), with the contract category it is
/// read as.
public struct RiskExample: Sendable, Hashable {
    /// Whether the rule must fire.
    public enum Expectation: String, Sendable, Hashable {
        /// The rule must fire on the text.
        case fire
        /// The rule must not fire on the text.
        case ok
    }

    /// What the rule must do.
    public var expect: Expectation
    /// The text.
    public var text: String
    /// The contract category to read it as; nil lets the classifier decide.
    public var category: String?
}
