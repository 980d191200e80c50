import ArgumentParser
import Foundation
import Qiyue

/// `qiyue rules test [PATH…]`: run every rule example through the pipeline; print a pass/fail table.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every example of every rule through the whole pipeline; print a pass/fail table (exit 1 on failure).",
        discussion: """
        Without PATH the shipped rules (Rules/risks) are tested; with PATHs (files or directories),
        only those rules. Each example is read as a contract of its `category` (else the rule's first
        category, else the classifier's) and only its own rule runs. --verbose also lists the risks found.
        """
    )

    @Argument(help: "Rule files or directories (default: the shipped Rules/risks).")
    var paths: [String] = []

    @Flag(name: .long, help: "Print every example, not only the failures.")
    var verbose = false

    @OptionGroup var input: InputOptions

    func run() throws {
        let pipeline = try input.makePipeline { _ in .none }
        let engine = try RiskEngine(knowledge: pipeline.knowledge, userRules: paths, includeShipped: paths.isEmpty)
        let results = engine.runExamples { text, category in pipeline.report(text: text, path: "<example>", category: category) }

        var rows: [(String, Int, Int, Int, Int)] = []
        for id in engine.rules.map(\.id) {
            let mine = results.filter { $0.rule == id }
            let fire = mine.filter { $0.expect == .fire }, ok = mine.filter { $0.expect == .ok }
            rows.append((id, fire.filter(\.passed).count, fire.count, ok.filter(\.passed).count, ok.count))
        }
        let width = max(4, rows.map { $0.0.count }.max() ?? 4)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        Output.line("\(pad("rule", width))  fire    ok      result")
        for r in rows {
            let pass = r.1 == r.2 && r.3 == r.4
            Output.line("\(pad(r.0, width))  \(pad("\(r.1)/\(r.2)", 6))  \(pad("\(r.3)/\(r.4)", 6))  \(pass ? "pass" : "FAIL")")
        }
        let failed = results.filter { !$0.passed }
        for f in results where verbose || !f.passed {
            let what = f.fired ? "fired" : "did not fire"
            let mark = f.passed ? "ok  " : "FAIL"
            Output.line("\(mark) \(f.rule) \(f.expect.rawValue) #\(f.number) [\(f.category ?? "classifier")] \(what): "
                        + f.text.replacingOccurrences(of: "\n", with: "⏎") + (f.error.map { " (\($0))" } ?? ""))
        }
        Output.line("\(results.count - failed.count)/\(results.count) examples passed in \(rows.count) rules")
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
