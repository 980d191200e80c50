import Testing
@testable import Qiyue

/// `qiyue rules test` for the shipped rules: every example through the whole pipeline.
@Suite struct ShippedRuleExamplesTests {
    /// Examples that fail because a fact is not extracted yet (not the rule engine), as "rule fire/ok #n".
    static let knownExtractionGaps: Set<String> = [
        "blank-field fire #3",            // no blank relative deadline for 签订之日起____日内
        "interest-over-cap fire #3",      // no rate for 按日万分之六
        "labor-penalty-illegal fire #1",  // penalty payer 乙方 gets no payerSide (employee) in a labor contract
        "labor-penalty-illegal fire #2",
        "labor-penalty-illegal fire #3",
    ]

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
