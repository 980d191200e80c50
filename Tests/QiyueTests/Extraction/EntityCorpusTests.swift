import Foundation
import Testing
@testable import Qiyue

/// The entity corpora (Corpus/entities) are the test suite: one generic test checks every example.
@Suite struct EntityCorpusTests {
    @Test func corpusHasEnoughExamples() throws {
        let corpus = try EntityCorpus(directory: TestSupport.root.appendingPathComponent("Corpus/entities").path)
        #expect(corpus.cases.count >= 1500)
        // The issue-12 classes each have positives, and negatives for every dimension.
        let classes = Set(corpus.cases.map(\.className))
        for c in ["number.zero-gap", "number.spoken-tail", "number.capitals", "number.mixed", "number.sign", "number.fraction",
                  "number.echo", "number.figures", "percentage.tenths", "percentage.discount", "percentage.point",
                  "money.currency", "money.spoken", "money.range", "money.bound", "money.several", "money.blank",
                  "duration.compound", "duration.day-kind", "duration.range", "duration.bound", "date.colloquial",
                  "date.two-digit-year", "date.era", "date.numeric", "date.range", "date.time", "date.blank", "date.invalid"] {
            #expect(classes.contains(c), "no examples of \(c)")
        }
        for d in EntityDimension.allCases {
            #expect(corpus.cases.contains { $0.dimension == d && $0.expected != nil }, "no positives for \(d)")
            #expect(corpus.cases.contains { $0.dimension == d && $0.expected == nil }, "no negatives for \(d)")
        }
    }

    @Test(arguments: EntityDimension.allCases)
    func everyExampleHolds(_ dim: EntityDimension) throws {
        let corpus = try EntityCorpus(directory: TestSupport.root.appendingPathComponent("Corpus/entities").path)
        let failures = corpus.check(analyzer: try TestSupport.analyzer()).filter { $0.example.dimension == dim }
        for f in failures { Issue.record("\(f)") }
    }
}
