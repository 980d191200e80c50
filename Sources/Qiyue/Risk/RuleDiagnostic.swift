/// A problem in a risk rule file, at a 1-based line and column (columns count Unicode scalars).
///
/// ```
/// Rules/risks/my-rule.yaml:7:5: unknown field 'anualizedRate' for fact kind 'penalties'
/// ```
public struct RuleDiagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file.
    public var path: String
    /// Line, from 1.
    public var line: Int
    /// Column, from 1.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Creates a diagnostic.
    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }

    public static func < (a: RuleDiagnostic, b: RuleDiagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}
