import Foundation
import Testing
@testable import Qiyue

/// Text patterns and their scopes, document predicates, all / any / not / absent.
@Suite struct RiskConditionTests {
    static let text = """
    房屋租赁合同
    第一条 甲方将房屋出租给乙方。乙方逾期付款的，每逾期一日按总价款的千分之五向甲方支付违约金。
    第二条 因本合同发生争议的，双方协商解决。
    """
    static let clause = "每逾期一日按总价款的千分之五向甲方支付违约金"

    static let cases: [(String, Int)] = [
        ("  text: 协商解决", 1),
        ("  text: 甲方", 2),
        ("  text: '付款[^。]*协商'\n  within: sentence", 0),
        ("  text: '付款[^。]*协商'\n  within: document", 0),
        ("  text: '付款[\\s\\S]*协商'\n  within: document", 1),
        ("  text: '出租[\\s\\S]*千分之五'\n  within: sentence", 0),
        ("  text: '出租[\\s\\S]*千分之五'\n  within: clause", 1),
        ("  text: '违约金[\\s\\S]*协商'\n  within: clause", 0),
        ("  text: '^乙方逾期'", 1),
        ("  text: '^乙方逾期'\n  within: document", 0),
        ("  text: '(?<!第二条\\s?)因本合同'", 0),
        ("  absent:\n    text: '仲裁|法院'\n    within: document", 1),
        ("  not:\n    text: 协商", 0),
        ("  all:\n    - fact: penalties\n    - text: 仲裁", 0),
        ("  all:\n    - fact: penalties\n    - text: 协商", 1),
        ("  any:\n    - text: 协商解决\n    - text: 千分之五", 2),
        ("  any:\n    - text: 千分之五\n    - fact: penalties", 1),
        ("  document: {category: lease}", 1),
        ("  document: {category: loan}", 0),
        ("  document: {totalPrice: {exists: true}}", 0),
        ("  document: {contractTermMonths: {gte: 12, lt: 36}, isContract: true}", 1),
        ("  all:\n    - fact: penalties\n    - document: {contractTermMonths: {lt: 3}}", 0),
        ("  fact: amounts", 0),
    ]

    @Test(arguments: cases)
    func condition(_ c: (String, Int)) throws {
        let engine = try RiskFixtures.engine([RiskFixtures.ruleYAML(when: c.0)])
        let report = RiskFixtures.report(category: "lease", contractTermMonths: 12, penalties: [
            RiskFixtures.penalty(Self.clause, in: Self.text, form: "periodic", rate: 0.005, per: "day", annualized: 1.825),
        ])
        let doc = try RiskFixtures.document(Self.text)
        let risks = engine.evaluate(report, document: doc)
        #expect(risks.count == c.1, "\(c.0): \(risks.map(\.evidence))")
    }

    @Test func spansAndEvidence() throws {
        let doc = try RiskFixtures.document(Self.text)
        let report = RiskFixtures.report(category: "lease", penalties: [
            RiskFixtures.penalty(Self.clause, in: Self.text, form: "periodic", rate: 0.005, per: "day", annualized: 1.825),
        ])
        // A text match points at the matched text.
        var risks = try RiskFixtures.engine([RiskFixtures.ruleYAML(when: "  text: 协商解决")]).evaluate(report, document: doc)
        #expect(risks.first?.span == RiskFixtures.span("协商解决", in: Self.text))
        #expect(risks.first?.evidence == "协商解决")
        // An absence points at the first line (no title span in this report) …
        let absent = RiskFixtures.ruleYAML(when: "  absent:\n    text: 仲裁\n    within: document")
        risks = try RiskFixtures.engine([absent]).evaluate(report, document: doc)
        #expect(risks.first?.span == RiskFixtures.span("房屋租赁合同", in: Self.text))
        // … or at the title.
        var titled = report
        titled.document.titleSpan = RiskFixtures.span("租赁合同", in: Self.text)
        risks = try RiskFixtures.engine([absent]).evaluate(titled, document: doc)
        #expect(risks.first?.evidence == "租赁合同")
        // `all` reports the matches of its first condition.
        let all = RiskFixtures.ruleYAML(when: "  all:\n    - fact: penalties\n    - text: 协商")
        risks = try RiskFixtures.engine([all]).evaluate(report, document: doc)
        #expect(risks.first?.evidence == Self.clause)
    }

    @Test func spansMapBackThroughNormalization() throws {
        // Full-width letters, spaced-out characters: the match is in normalized text, the span in the original.
        let text = "甲 方 有 权 随 时 解 除 本 合 同。"
        let doc = try RiskFixtures.document(text)
        let engine = try RiskFixtures.engine([RiskFixtures.ruleYAML(message: "{text}", when: "  text: 有权随时解除")])
        let risks = engine.evaluate(RiskFixtures.report(), document: doc)
        #expect(risks.count == 1)
        #expect(risks.first?.evidence == "有 权 随 时 解 除")
        #expect(risks.first?.message == "有权随时解除")
        let span = RiskFixtures.span("有 权 随 时 解 除", in: text)
        #expect(doc.normalizedRange(of: span) == 2..<8)
        #expect(doc.normalizedOffset(forOriginal: 0) == 0)
        #expect(doc.normalizedOffset(forOriginal: text.unicodeScalars.count) == doc.normalizedScalars.count)
    }

    @Test func overlappingMatchesOfOneRuleAreMerged() throws {
        let text = "本合同发生的争议，可以申请仲裁也可以向法院起诉。"
        let yaml = RiskFixtures.ruleYAML(when: "  any:\n    - text: '仲裁[^。]*起诉'\n    - text: '申请仲裁'")
        let risks = try RiskFixtures.engine([yaml]).evaluate(RiskFixtures.report(), document: try RiskFixtures.document(text))
        #expect(risks.count == 1)
    }

    @Test func astralCharactersKeepOffsets() throws {
        let text = "𠀀𠀁甲方有权随时解除本合同。"
        let engine = try RiskFixtures.engine([RiskFixtures.ruleYAML(when: "  text: 随时解除")])
        let risks = engine.evaluate(RiskFixtures.report(), document: try RiskFixtures.document(text))
        #expect(risks.first?.span == RiskFixtures.span("随时解除", in: text))
    }
}
