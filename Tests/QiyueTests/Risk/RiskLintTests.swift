import Foundation
import Testing
@testable import Qiyue

/// Lint problems are reported with exact line:column; nothing crashes.
@Suite struct RiskLintTests {
    static let base = """
    id: my-rule
    severity: high
    title: 测试
    message: 命中
    categories: [all]
    when:
      fact: penalties
      where:
        annualizedRate: {gt: 0.24}
    examples:
      fire: [{text: 甲}, {text: 乙}]
      ok: [{text: 丙}, {text: 丁}]
    """

    /// The base rule with line `n` (1-based) replaced by `lines`.
    static func replacing(_ n: Int, with lines: String...) -> String {
        var all = base.components(separatedBy: "\n")
        all.replaceSubrange((n - 1)...(n - 1), with: lines)
        return all.joined(separator: "\n")
    }

    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let yaml: String
        let path: String
        let line: Int
        let column: Int
        let message: String
        init(_ name: String, _ yaml: String, path: String = "<test>", _ line: Int, _ column: Int, _ message: String) {
            self.name = name; self.yaml = yaml; self.path = path; self.line = line; self.column = column; self.message = message
        }
        var description: String { name }
    }

    static let cases: [Case] = [
        Case("unknown top key", replacing(2, with: "severty: high"), 2, 1, "unknown key 'severty'"),
        Case("unknown severity", replacing(2, with: "severity: urgent"), 2, 11, "unknown severity 'urgent'"),
        Case("unknown fact kind", replacing(7, with: "  fact: penalty"), 7, 9, "unknown fact kind 'penalty'"),
        Case("unknown field", replacing(9, with: "    anualizedRate: {gt: 0.24}"), 9, 5, "unknown field 'anualizedRate' for fact kind 'penalties'"),
        Case("unknown predicate", replacing(9, with: "    annualizedRate: {greater: 0.24}"), 9, 22, "unknown predicate 'greater'"),
        Case("undefined param", replacing(9, with: "    annualizedRate: {gt: $max}"), 9, 26, "undefined parameter '$max'"),
        Case("wrong literal type", replacing(9, with: "    annualizedRate: {gt: high}"), 9, 26, "'annualizedRate' is a number field"),
        Case("ordered op on text", replacing(9, with: "    form: {gt: 1}"), 9, 16, "'gt' needs a number or date field"),
        Case("unknown vocabulary word", replacing(9, with: "    form: daily"), 9, 11, "'daily' is not a value of 'form'"),
        Case("list as plain value", replacing(9, with: "    form: [periodic]"), 9, 11, "a list is not a predicate"),
        Case("unknown category", replacing(5, with: "categories: [all, rental]"), 5, 19, "unknown category 'rental'"),
        Case("wrong type", replacing(3, with: "title: [a, b]"), 3, 8, "title must be a string, found a list"),
        Case("id not kebab-case", replacing(1, with: "id: My_Rule"), 1, 5, "must be kebab-case"),
        Case("id not the file name", base, path: "rules/other-rule.yaml", 1, 5, "does not match the file name 'other-rule.yaml'"),
        Case("missing when", replacing(6, with: "") .replacingOccurrences(of: "  fact: penalties\n  where:\n    annualizedRate: {gt: 0.24}\n", with: ""),
             1, 1, "missing required key 'when'"),
        Case("too few examples", replacing(12, with: "  ok: [{text: 丙}]"), 11, 3, "at least 2 'ok' examples, found 1"),
        Case("unknown example key", replacing(12, with: "  ok: [{text: 丙}, {txt: 丁}]"), 12, 20, "unknown key 'txt'"),
        Case("misplaced key", replacing(8, with: "  within: clause", "  where:"), 8, 3, "'within' does not belong in a 'fact' condition"),
        Case("unknown scope", replacing(7, with: "  text: 与甲方无关", "  within: paragraph", "  all: []").replacingOccurrences(of: "  all: []\n  where:\n    annualizedRate: {gt: 0.24}\n", with: ""),
             8, 11, "unknown scope 'paragraph'"),
        Case("two heads", replacing(7, with: "  text: abc", "  fact: penalties"), 8, 3, "found both 'text' and 'fact'"),
        Case("invalid regex, plain", replacing(9, with: "    context: {matches: (abc}"), 9, 28, "invalid regular expression: mismatched parentheses"),
        Case("invalid regex, quoted", replacing(9, with: "    context: {matches: 'ab[c'}"), 9, 29, "invalid regular expression"),
        Case("invalid regex in text", replacing(7, with: "  text: '甲方\\p{Nope}'", "  within: clause").replacingOccurrences(of: "  where:\n    annualizedRate: {gt: 0.24}\n", with: ""), 7, 20, "invalid regular expression"),
        Case("unknown placeholder", replacing(4, with: "message: 年利率 {annualRate|percent}"), 4, 10, "placeholder '{annualRate}'"),
        Case("unknown filter", replacing(4, with: "message: 年利率 {annualizedRate|pct}"), 4, 10, "unknown placeholder filter '|pct'"),
        Case("exists takes a boolean", replacing(9, with: "    cap: {exists: 1}"), 9, 19, "'exists' takes true or false"),
        Case("rateOn on a non-table", replacing(9, with: "    annualizedRate: {gt: {rateOn: $lpr, times: 4}}", "params:", "  lpr: 0.0385").replacingOccurrences(of: "examples:", with: "examples:"),
             11, 8, "must be a table of {from: YYYY-MM-DD, rate: NUMBER} rows"),
        Case("YAML syntax error", replacing(9, with: "    annualizedRate: {gt: 0.24"), 10, 9, "YAML syntax error"),
        Case("tab indentation", replacing(7, with: "\tfact: penalties"), 7, 1, "YAML syntax error"),
        Case("empty file", "", 1, 1, "empty rule file"),
        Case("not a mapping", "- a\n- b\n", 1, 1, "a rule file must be a mapping, found a list"),
    ]

    @Test(arguments: cases)
    func reportsAtLineAndColumn(_ c: Case) {
        let found = RiskRuleLinter.lint(yaml: c.yaml, path: c.path)
        let hit = found.contains { $0.line == c.line && $0.column == c.column && $0.message.contains(c.message) }
        #expect(hit, "expected \(c.line):\(c.column) \(c.message); got:\n\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test func baseRuleIsClean() {
        #expect(RiskRuleLinter.lint(yaml: Self.base, path: "rules/my-rule.yaml").isEmpty)
    }

    @Test func shippedRulesAreClean() {
        let dir = TestSupport.root.appendingPathComponent("Rules/risks").path
        let problems = RiskRuleLinter.lint(paths: [dir])
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(RiskEngine.ruleFiles(at: dir).count >= 16)
    }

    @Test func everyProblemIsReported() {
        let yaml = Self.replacing(2, with: "severity: urgent", "colour: red")
            .replacingOccurrences(of: "fact: penalties", with: "fact: penalty")
        let found = RiskRuleLinter.lint(yaml: yaml, path: "<test>")
        #expect(found.count == 3, "\(found)")
    }

    @Test func duplicateIdsAcrossFiles() throws {
        let dir = try TestSupport.temporaryDirectory("qiyue-lint")
        defer { try? FileManager.default.removeItem(at: dir) }
        for sub in ["a", "b"] {
            let d = dir.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            try Self.base.write(to: d.appendingPathComponent("my-rule.yaml"), atomically: true, encoding: .utf8)
        }
        let found = RiskRuleLinter.lint(paths: [dir.appendingPathComponent("a").path, dir.appendingPathComponent("b").path])
        #expect(found.count == 1)
        #expect(found.first.map { $0.line == 1 && $0.column == 5 && $0.message.contains("duplicate id 'my-rule'") && $0.path.hasSuffix("b/my-rule.yaml") } == true,
                "\(found)")
        #expect(throws: QiyueError.self) {
            _ = try RiskEngine(ruleFiles: RiskEngine.ruleFiles(at: dir.appendingPathComponent("a").path)
                               + RiskEngine.ruleFiles(at: dir.appendingPathComponent("b").path))
        }
    }

    @Test func unreadableFileIsAProblem() {
        let found = RiskRuleLinter.lint(paths: ["/nonexistent/dir/x.yaml"])
        #expect(found.count == 1 && found[0].line == 1 && found[0].message.contains("cannot read"))
    }

    /// Truncated and garbled rule files never crash the linter, and every problem has a position.
    @Test func fuzzTruncatedAndGarbled() throws {
        let dir = TestSupport.root.appendingPathComponent("Rules/risks").path
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        for f in RiskEngine.ruleFiles(at: dir) {
            let text = try String(contentsOfFile: f, encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            for cut in stride(from: 0, to: scalars.count, by: max(1, scalars.count / 25)) {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[..<cut])
                texts.append(String(s))
            }
            for _ in 0..<25 {
                var garbled = scalars
                for _ in 0..<3 {
                    let i = Int.random(in: 0..<garbled.count, using: &generator)
                    let junk: [Unicode.Scalar] = ["{", "}", "[", "]", ":", "-", "\t", "\n", "'", "\"", "&", "*", "!", "|", ">", "%", "@", "`", "#", "$", "(", "？"]
                    garbled[i] = junk.randomElement(using: &generator)!
                }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: garbled)
                texts.append(String(s))
            }
        }
        texts += ["\u{0}", "\u{FEFF}", ":", "- - - [", "id: [", "{{{{{{{{", String(repeating: "[", count: 200), "when: *x", "%YAML 9.9\n---\n"]
        for t in texts {
            let found = RiskRuleLinter.lint(yaml: t, path: "<fuzz>")
            for d in found { #expect(d.line >= 1 && d.column >= 1) }
        }
    }
}
