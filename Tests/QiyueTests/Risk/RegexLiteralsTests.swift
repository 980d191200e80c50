import Foundation
import Testing
@testable import Qiyue

/// The prefilter's required literals: conservative, never wrong.
@Suite struct RegexLiteralsTests {
    static let cases: [(String, [String]?)] = [
        ("仲裁|法院", ["仲裁", "法院"]),
        ("(仲裁|法院|起诉|诉讼)", ["仲裁", "法院", "诉讼", "起诉"]),
        ("(?<![不禁未无][^。]{0,8})(预先|提前)[^。]{0,12}利息", ["利息"]),
        ("与[甲乙]方均?无关", ["与甲方无关", "与甲方均无关", "与乙方无关", "与乙方均无关"]),
        ("以完成一定的?工作任务为期限", ["以完成一定工作任务为期限", "以完成一定的工作任务为期限"]),
        ("a+b", ["a"]),
        ("(ab)+", ["ab"]),
        ("x?y?", nil),
        ("a|.", nil),
        ("[^a]", nil),
        ("\\d+元", ["元"]),
        ("(?i)abc", nil),
        ("\\x41B", nil),
        ("\\x{41}B", ["B"]),
        ("a{2,3}", ["a"]),
        ("(?=甲)乙", ["乙"]),
        ("甲\\.乙", ["甲.乙"]),
        ("(a", nil),
        ("\\Qa\\E", nil),
    ]

    @Test(arguments: cases)
    func literals(_ c: (String, [String]?)) {
        let got = RegexLiterals.required(c.0).map { $0.map { String(decoding: $0, as: UTF16.self) }.sorted() }
        #expect(got == c.1.map { $0.sorted() }, "\(c.0)")
    }

    /// Every shipped pattern: the engine finds the same risks with and without the prefilter.
    @Test func prefilterChangesNothingOnTheCorpus() throws {
        let kb = try KnowledgeBase()
        let engine = try RiskEngine(knowledge: kb)
        let analyzer = try Analyzer(knowledge: kb)
        let dir = TestSupport.root.appendingPathComponent("Corpus/documents").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            guard let doc = try? analyzer.analyze(contentsOf: dir + "/" + name) else { continue }
            for category in ["loan", "labor", "vehicle_sale"] {
                let report = RiskFixtures.report(category: category)
                let fast = RiskContext(report: report, document: doc, literals: engine.literalIndex)
                let slow = RiskContext(report: report, document: doc, literals: nil)
                for rule in engine.compiled where rule.rule.applies(to: category) {
                    let a = (try? rule.risks(fast)) ?? []
                    let b = (try? rule.risks(slow)) ?? []
                    #expect(a == b, "\(name) \(rule.rule.id)")
                }
            }
        }
    }
}
