import Testing
@testable import Qiyue

/// `qiyue rules test` for the shipped rules: every example through the whole pipeline.
@Suite struct ShippedRuleExamplesTests {
    /// Examples that fail because a fact is not extracted yet (not the rule engine), as "rule fire/ok #n".
    /// Examples that fail because a fact is not extracted yet (none at present); each entry is
    /// checked as a known issue, so fixing it flags the entry for removal.
    static let knownExtractionGaps: Set<String> = []

    @Test func everyShippedExamplePasses() throws {
        let kb = try KnowledgeBase()
        let engine = try RiskEngine(knowledge: kb)
        let pipeline = try Pipeline(knowledge: kb, risks: .none)
        let results = engine.runExamples { text, category in pipeline.report(text: text, path: "<example>", category: category) }
        #expect(results.count >= 16 * 4)
        for r in results {
            let key = "\(r.rule) \(r.expect.rawValue) #\(r.number)"
            if Self.knownExtractionGaps.contains(key) {
                withKnownIssue("fact extraction: \(key)") {
                    #expect(r.passed, "\(key): \(r.text)")
                }
            } else {
                #expect(r.passed, "\(key): \(r.text) \(r.error ?? "")")
            }
        }
    }
}
