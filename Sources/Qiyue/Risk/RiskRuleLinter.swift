/// Checks risk rule files and reports every problem with its line and column.
///
/// ```swift
/// for d in RiskRuleLinter.lint(paths: ["Rules/risks"]) { print(d) }
/// // Rules/risks/x.yaml:4:3: unknown key 'severty' in a rule file; expected one of: …
/// ```
public enum RiskRuleLinter {
    /// Lints files and directories (their `.yaml`/`.yml` files); ids must be distinct across all of them.
    public static func lint(paths: [String]) -> [RuleDiagnostic] {
        RiskRuleLoader.parseAll(paths.flatMap(RiskRuleLoader.files(at:))).problems
    }

    /// Lints the text of one rule file; `path` names it in the diagnostics (and, when it ends in
    /// `.yaml`, must match the id).
    public static func lint(yaml: String, path: String) -> [RuleDiagnostic] {
        RiskRuleParser.parse(yaml: yaml, path: path).diagnostics
    }
}
