/// The outcome of one rule example.
public struct RiskExampleResult: Sendable, Hashable {
    /// Rule id.
    public var rule: String
    /// fire or ok.
    public var expect: RiskExample.Expectation
    /// Index of the example among the rule's examples of the same expectation (from 1).
    public var number: Int
    /// The example text.
    public var text: String
    /// The category the example was read as, if any.
    public var category: String?
    /// Whether the rule fired.
    public var fired: Bool
    /// Whether the example passed.
    public var passed: Bool
    /// Why it failed (a pipeline error or a regex time-out), if it did not run cleanly.
    public var error: String?
}
