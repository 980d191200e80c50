/// A recognition error repaired before analysis: a confusion inside a figure, a date, an amount or
/// an identifier (O for 0, f for ¥, 喜 for 壹 …). The span indexes the text as recognized.
///
/// ```json
/// {"span": [118, 119], "original": "f", "repaired": "¥", "reason": "currency sign before a figure"}
/// ```
public struct OCRRepair: Codable, Sendable, Hashable {
    /// What was replaced, in the recognized text.
    public var span: TextSpan
    /// The recognized characters.
    public var original: String
    /// What the analysis read instead.
    public var repaired: String
    /// Why (the context that decided).
    public var reason: String

    /// Creates a repair.
    public init(span: TextSpan, original: String, repaired: String, reason: String) {
        self.span = span
        self.original = original
        self.repaired = repaired
        self.reason = reason
    }
}
