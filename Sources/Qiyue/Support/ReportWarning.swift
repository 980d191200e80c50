/// A problem with one document that did not stop it from being reported: a limit that was
/// reached, a rule that could not finish, text that had to be read a fallback way. It goes in the
/// report's `warnings` array and, from the CLI, to standard error too.
///
/// ```json
/// {"code": "Q202", "message": "rule 'x': the regular expression … exceeded its time limit; the rule was skipped", "span": null}
/// ```
/// Codes are stable and listed in the README beside the error codes (``QiyueError/Code``).
public struct ReportWarning: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The stable code.
    public var code: String
    /// A human-readable explanation.
    public var message: String
    /// The text concerned, when there is one.
    public var span: TextSpan?

    /// Creates a warning.
    public init(_ code: QiyueError.Code, _ message: String, span: TextSpan? = nil) {
        self.code = code.rawValue
        self.message = message
        self.span = span
    }

    /// A warning from an error that was caught and passed over.
    public init(_ error: QiyueError, span: TextSpan? = nil) {
        self.init(error.code, error.message, span: span)
    }

    public var description: String { "\(code) \(message)" }
}
