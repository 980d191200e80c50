import Foundation
import Testing
@testable import Qiyue

/// `qiyue eval` over Corpus/documents: the accuracy floors.
@Suite struct FactEvaluationTests {
    @Test func corpusMeetsTheTargets() throws {
        let ev = try FactEvaluation.run(corpus: TestSupport.root.appendingPathComponent("Corpus").path,
                                        pipeline: try Pipeline(), goldCategory: false)
        print(ev.renderText(misses: false))
        #expect(ev.errors.isEmpty, "\(ev.errors)")
        #expect(ev.documents >= 50)
        #expect(try #require(ev.score("parties")).f1 >= 0.95)
        #expect(try #require(ev.score("amounts")).f1 >= 0.95)
        #expect(try #require(ev.score("dates")).f1 >= 0.95)
        #expect(try #require(ev.score("penalties")).f1 >= 0.90)
        #expect(try #require(ev.score("deadlines")).f1 >= 0.90)
        // The parties/forms/categories issue's floors that hold today.
        #expect(try #require(ev.score("parties.details")).f1 >= 0.95)
        #expect(try #require(ev.score("contractType")).f1 >= 0.90)
        #expect(try #require(ev.score("contractTermMonths")).f1 >= 0.95)
        #expect(try #require(ev.score("disputeResolution")).f1 >= 0.95)
    }
}
