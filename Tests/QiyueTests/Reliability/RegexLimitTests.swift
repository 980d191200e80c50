import Foundation
import Testing
@testable import Qiyue

/// User regular expressions cannot make a document slow without saying so: a budget over all of a
/// document's searches, and failures that are reported instead of read as "no match".
@Suite struct RegexLimitTests {
    /// A pattern that is slow on every sentence but never over the per-match limit.
    @Test func slowPatternOverManySentencesUsesUpTheDocumentBudget() throws {
        let slow = RiskFixtures.ruleYAML(id: "slow", when: "  text: '(a|aa)+$'")
        let other = RiskFixtures.ruleYAML(id: "plain", when: "  text: '违约金'")
        let engine = try RiskFixtures.engine([slow, other], timeLimit: 100_000, regexBudget: 30)
        let sentence = String(repeating: "a", count: 26) + "!。\n"
        let text = String(repeating: sentence, count: 4_000) + "逾期按日支付违约金。"
        let doc = try RiskFixtures.document(text)
        let result = engine.evaluateReportingErrors(RiskFixtures.report(), document: doc)
        let budget = result.errors.filter { $0.code == .regexBudget }
        #expect(budget.count == 1)
        #expect(budget.first?.message.contains("slow") == true)
        #expect(!result.errors.contains { $0.code == .regexTimeout }, "no single match is over its limit")
    }

    @Test func budgetWarningReachesTheReport() throws {
        let slow = RiskFixtures.ruleYAML(id: "slow", when: "  text: '(a|aa)+$'")
        let engine = try RiskFixtures.engine([slow], timeLimit: 100_000, regexBudget: 10)
        let pipeline = try Pipeline(risks: .engine(engine))
        let text = "借款合同\n甲方：张三\n乙方：李四\n第一条 借款金额人民币10000元。\n"
            + String(repeating: String(repeating: "a", count: 26) + "!。\n", count: 2_000)
        let (report, _) = pipeline.report(text: text, category: "loan")
        #expect(report.warnings?.contains { $0.code == QiyueError.Code.regexBudget.rawValue } == true)
    }

    @Test func backtrackingStackOverflowIsAnErrorNotNoMatch() throws {
        let deep = RiskFixtures.ruleYAML(id: "deep", when: "  text: '(ab|a)*c'")
        let engine = try RiskFixtures.engine([deep])
        let doc = try RiskFixtures.document(String(repeating: "ab", count: 400_000) + "c")
        let result = engine.evaluateReportingErrors(RiskFixtures.report(), document: doc)
        #expect(result.errors.map(\.code) == [.regexFailed])
        #expect(result.errors.first?.message.contains("STACK_OVERFLOW") == true)
    }
}
