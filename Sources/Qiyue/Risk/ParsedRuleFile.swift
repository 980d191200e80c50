/// The outcome of reading one rule file: the rule when it is usable, and every problem found.
struct ParsedRuleFile {
    /// The file.
    var path: String
    /// The rule, when the file had no errors.
    var rule: RiskRule?
    /// The id as written (even when the rule has other errors), for duplicate checks.
    var id: String?
    /// Where the id is.
    var idLine = 1, idColumn = 1
    /// Problems, in file order.
    var diagnostics: [RuleDiagnostic] = []
}
