import ArgumentParser
import Foundation
import Qiyue

/// `qiyue rules lint PATH…`: report every problem in rule files as `file:line:column: message`.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check risk rule files; print each problem as file:line:column: message (exit 1 if any).",
        discussion: """
        Checks YAML syntax, unknown keys, value types, fact kinds, fields, categories, severities and
        predicates, undefined $params, message placeholders, regular expressions (compiled with ICU),
        kebab-case ids matching the file name, ids unique across all PATHs, and at least 2 fire and
        2 ok examples per rule. Directories are searched for .yaml/.yml files.
        """
    )

    @Argument(help: "Rule files or directories (default: the shipped Rules/risks).")
    var paths: [String] = []

    @Option(name: .long, help: "The Rules directory (default: $QIYUE_RULES, the package's Rules/, or ./Rules).")
    var rulesDir: String?

    func run() throws {
        var targets = paths
        if targets.isEmpty {
            guard let dir = RulesDirectory.locate(explicit: rulesDir) else {
                throw ValidationError("no PATH given and no Rules directory found")
            }
            targets = [dir + "/risks"]
        }
        let files = targets.flatMap(RiskEngine.ruleFiles(at:))
        let problems = RiskRuleLinter.lint(paths: files)
        for p in problems { Output.line(p.description) }
        let bad = Set(problems.map(\.path)).count
        Output.error("\(files.count) file(s), \(problems.count) problem(s)" + (bad > 0 ? " in \(bad) file(s)" : ""))
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
