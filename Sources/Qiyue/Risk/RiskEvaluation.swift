/// The risks found in one document, and the rules that could not finish on it.
public struct RiskEvaluation: Sendable {
    /// Risks, in document order.
    public var risks: [Risk]
    /// Rules that failed on this document: a regular expression over its time limit (`Q202`).
    /// The other rules still ran.
    public var errors: [QiyueError]
}
