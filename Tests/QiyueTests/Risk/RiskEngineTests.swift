import Foundation
import Testing
@testable import Qiyue

/// Time limits, parameter overrides, category filtering, message templating, rule sets.
@Suite struct RiskEngineTests {
    static let text = "乙方逾期付款的，每逾期一日按总价款的千分之五向甲方支付违约金。"
    static let clause = "每逾期一日按总价款的千分之五向甲方支付违约金"

    static func penaltyReport(category: String? = "lease", isContract: Bool = true) -> ContractReport {
        RiskFixtures.report(category: category, isContract: isContract, penalties: [
            RiskFixtures.penalty(clause, in: text, form: "periodic", rate: 0.005, per: "day", annualized: 1.825),
        ])
    }

    static let rateRule = RiskFixtures.ruleYAML(
        id: "rate-rule", params: "  maxAnnualRate: 0.24",
        message: "年化 {annualizedRate|percent}，超过 {maxAnnualRate|percent}；{rate} 按 {per}；{{原文}} {text}",
        messageEn: "{annualizedRate|percent} > {maxAnnualRate|percent}",
        when: "  fact: penalties\n  where: {form: periodic, annualizedRate: {gt: $maxAnnualRate}}")

    @Test func catastrophicRegexIsStoppedAndReported() throws {
        let evil = RiskFixtures.ruleYAML(id: "evil", when: "  text: '(a+)+$'")
        let engine = try RiskFixtures.engine([evil, Self.rateRule], timeLimit: 50)
        let doc = try RiskFixtures.document("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n" + Self.text)
        let start = Date()
        let result = engine.evaluateReportingErrors(Self.penaltyReport(), document: doc)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.code == .regexTimeout)
        #expect(result.errors.first?.message.contains("rule 'evil'") == true)
        #expect(result.risks.map(\.rule) == ["rate-rule"], "the other rules still run")
    }

    @Test func catastrophicRegexInAPredicateIsStopped() throws {
        let evil = RiskFixtures.ruleYAML(id: "evil", when: "  fact: penalties\n  where: {context: {matches: '(a+)+$'}}")
        let engine = try RiskFixtures.engine([evil], timeLimit: 50)
        let text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + Self.text
        let report = RiskFixtures.report(penalties: [RiskFixtures.penalty(Self.clause, in: text, form: "periodic")])
        let result = engine.evaluateReportingErrors(report, document: try RiskFixtures.document(text))
        #expect(result.errors.first?.code == .regexTimeout)
    }

    @Test func messageTemplating() throws {
        let engine = try RiskFixtures.engine([Self.rateRule])
        let risks = engine.evaluate(Self.penaltyReport(), document: try RiskFixtures.document(Self.text))
        #expect(risks.count == 1)
        #expect(risks.first?.message == "年化 182.5%，超过 24%；0.005 按 day；{原文} \(Self.clause)")
        #expect(risks.first?.messageEn == "182.5% > 24%")
        #expect(risks.first?.rule == "rate-rule")
        #expect(risks.first?.severity == "high")
        #expect(risks.first?.title == "测试")
    }

    static let formats: [(String, String)] = [
        ("{v}", "0.0385"), ("{v|percent}", "3.85%"), ("{n|number}", "1,850,000"), ("{n}", "1850000"),
        ("{f|percent}", "18.25%"), ("{i}", "20"), ("{missing}", "—"),
    ]

    @Test(arguments: formats)
    func placeholderFormats(_ c: (String, String)) throws {
        guard case .success(let t) = MessageTemplate.parse(c.0) else { Issue.record("parse \(c.0)"); return }
        let values: [String: FieldValue] = ["v": .number(0.0385), "n": .number(1_850_000), "f": .number(0.1825),
                                            "i": .number(20), "missing": .null]
        #expect(t.render({ values[$0] }, text: { _ in "" }) == c.1)
    }

    @Test func addendaAreAppended() throws {
        let addenda = """
          - when: {fact: penalties, where: {form: periodic}}
            message: 另有违约金。
            message_en: Also a penalty.
          - when: {text: 仲裁}
            message: 不应出现。
        """
        let yaml = RiskFixtures.ruleYAML(message: "定金过高。", messageEn: "Deposit too high.",
                                         when: "  text: 千分之五", addenda: addenda)
        let risks = try RiskFixtures.engine([yaml]).evaluate(Self.penaltyReport(), document: try RiskFixtures.document(Self.text))
        #expect(risks.first?.message == "定金过高。另有违约金。")
        #expect(risks.first?.messageEn == "Deposit too high. Also a penalty.")
    }

    static let overrides: [([String: String], Bool)] = [
        ([:], true),
        (["rate-rule.maxAnnualRate": "2"], false),
        (["maxAnnualRate": "2"], false),
        (["maxAnnualRate": "0.5"], true),
        (["other-rule.maxAnnualRate": "2"], true),
    ]

    @Test(arguments: overrides)
    func paramOverride(_ c: ([String: String], Bool)) throws {
        let other = RiskFixtures.ruleYAML(id: "other-rule", params: "  maxAnnualRate: 9", when: "  text: 不存在的文字")
        let engine = try RiskFixtures.engine([Self.rateRule, other], params: c.0)
        let risks = engine.evaluate(Self.penaltyReport(), document: try RiskFixtures.document(Self.text))
        #expect(risks.contains { $0.rule == "rate-rule" } == c.1, "\(c.0)")
        if let v = c.0["maxAnnualRate"] ?? c.0["rate-rule.maxAnnualRate"], c.1 {
            #expect(risks.first?.message.contains("超过 \(RiskFormat.percent(Double(v)!))") == true)
        }
    }

    static let badOverrides: [[String: String]] = [
        ["nope": "1"], ["rate-rule.nope": "1"], ["no-rule.maxAnnualRate": "1"], ["maxAnnualRate": "abc"],
        ["maxAnnualRate": "[1, 2"],
    ]

    @Test(arguments: badOverrides)
    func badOverrideThrows(_ params: [String: String]) throws {
        #expect(throws: QiyueError.self) { _ = try RiskFixtures.engine([Self.rateRule], params: params) }
    }

    @Test func tableParamOverride() throws {
        let params = "  lpr:\n    - {from: 2020-04-20, rate: 0.0385}"
        let yaml = RiskFixtures.ruleYAML(params: params, when: "  fact: rates\n  where: {annualizedRate: {gt: {rateOn: $lpr, times: 4}}}")
        let text = "借款年利率为14%。"
        let report = RiskFixtures.report(rates: [RiskFixtures.rate("年利率为14%", in: text, annualized: 0.14)])
        let doc = try RiskFixtures.document(text)
        #expect(try RiskFixtures.engine([yaml]).evaluate(report, document: doc).isEmpty)
        let newer = try RiskFixtures.engine([yaml], params: ["lpr": "[{from: 2020-04-20, rate: 0.0385}, {from: 2026-01-01, rate: 0.03}]"])
        #expect(newer.evaluate(report, document: doc).count == 1)
        #expect(throws: QiyueError.self) { _ = try RiskFixtures.engine([yaml], params: ["lpr": "0.03"]) }
    }

    static let categoryCases: [(String, String?, Bool, Bool)] = [
        ("[loan]", "loan", true, true),
        ("[loan]", "lease", true, false),
        ("[loan, lease]", "lease", true, true),
        ("[loan]", nil, true, false),
        ("[all]", nil, true, true),
        ("[all]", "labor", true, true),
        ("[all]", "lease", false, false),
        ("[loan]", "loan", false, false),
    ]

    @Test(arguments: categoryCases)
    func categoryFiltering(_ c: (String, String?, Bool, Bool)) throws {
        let yaml = RiskFixtures.ruleYAML(categories: c.0, when: "  text: 千分之五")
        let risks = try RiskFixtures.engine([yaml]).evaluate(Self.penaltyReport(category: c.1, isContract: c.2),
                                                              document: try RiskFixtures.document(Self.text))
        #expect(risks.isEmpty != c.3)
    }

    @Test func shippedRuleSetLoadsAndUserRulesReplace() throws {
        let kb = try KnowledgeBase()
        let shipped = try RiskEngine(knowledge: kb)
        #expect(shipped.rules.count >= 16)
        #expect(shipped.rules.first { $0.id == "interest-over-cap" }?.params["lprMultiple"] == .number(4))

        let dir = try TestSupport.temporaryDirectory("qiyue-rules")
        defer { try? FileManager.default.removeItem(at: dir) }
        let replaced = RiskFixtures.ruleYAML(id: "penalty-rate-high", params: "  maxAnnualRate: 5",
                                             when: "  fact: penalties\n  where: {annualizedRate: {gt: $maxAnnualRate}}")
        try replaced.write(to: dir.appendingPathComponent("penalty-rate-high.yaml"), atomically: true, encoding: .utf8)
        try RiskFixtures.ruleYAML(id: "my-extra", when: "  text: 千分之五")
            .write(to: dir.appendingPathComponent("my-extra.yaml"), atomically: true, encoding: .utf8)
        let user = try RiskEngine(knowledge: kb, userRules: [dir.path], params: ["penalty-rate-high.maxAnnualRate": "6"])
        #expect(user.rules.count == shipped.rules.count + 1)
        #expect(user.rules.first { $0.id == "penalty-rate-high" }?.title == "测试")
        #expect(user.rules.first { $0.id == "penalty-rate-high" }?.params["maxAnnualRate"] == .number(6))
        let only = try RiskEngine(knowledge: kb, userRules: [dir.appendingPathComponent("my-extra.yaml").path], includeShipped: false)
        #expect(only.rules.map(\.id) == ["my-extra"])
    }

    @Test func badRuleFileThrowsWithPositions() throws {
        let dir = try TestSupport.temporaryDirectory("qiyue-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad-rule.yaml")
        try RiskFixtures.ruleYAML(id: "bad-rule", when: "  fact: penalty").write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try RiskEngine(ruleFiles: [file.path])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .badRule)
            #expect(error.message.contains("bad-rule.yaml:7:9: unknown fact kind 'penalty'"), "\(error.message)")
        }
    }

    /// The shipped rules that test only text run their examples without fact extraction.
    @Test func shippedTextRuleExamplesPass() throws {
        let kb = try KnowledgeBase()
        let engine = try RiskEngine(knowledge: kb)
        let analyzer = try Analyzer(knowledge: kb)
        func textOnly(_ c: RiskCondition) -> Bool {
            switch c {
            case .text: true
            case .fact, .document: false
            case .all(let cs), .any(let cs): cs.allSatisfy(textOnly)
            case .absent(let c): textOnly(c)
            }
        }
        let ids = Set(engine.rules.filter { textOnly($0.when) }.map(\.id))
        #expect(ids.count >= 6)  // arbitration-or-litigation also reads the dispute fact now
        let results = engine.runExamples { text, category in
            (RiskFixtures.report(category: category), analyzer.analyze(text: text))
        }
        for r in results where ids.contains(r.rule) && !r.passed {
            Issue.record("\(r.rule) \(r.expect) #\(r.number): \(r.text) \(r.error ?? "")")
        }
    }
}
