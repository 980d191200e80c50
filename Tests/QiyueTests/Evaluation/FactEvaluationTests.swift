import Foundation
import Testing
@testable import Qiyue

/// `qiyue eval` over Corpus/documents: accuracy floors.
///
/// The floor of every dimension an issue sets a target for is that target (parties, dates, amounts,
/// deadlines, periods, penalties, paymentSchedule, parties.details, contractType,
/// contractTermMonths, disputeResolution, risks). Deadlines meet theirs with little room (0.959).
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
        #expect(try #require(ev.score("penalties")).f1 >= 0.95)
        #expect(try #require(ev.score("deadlines")).f1 >= 0.95)
        #expect(try #require(ev.score("periods")).f1 >= 0.95)
        #expect(try #require(ev.score("paymentSchedule")).f1 >= 0.95)
        #expect(try #require(ev.score("classification")).f1 >= 0.98)
        #expect(try #require(ev.score("risks")).f1 >= 0.95)
        // The parties/forms/categories issue's floors that hold today.
        #expect(try #require(ev.score("parties.details")).f1 >= 0.95)
        #expect(try #require(ev.score("contractType")).f1 >= 0.90)
        #expect(try #require(ev.score("contractTermMonths")).f1 >= 0.95)
        #expect(try #require(ev.score("disputeResolution")).f1 >= 0.95)
    }
}
