import Foundation
import Testing
@testable import Qiyue

/// The entity corpora (Corpus/entities) are the test suite: one generic test checks every example.
@Suite struct EntityCorpusTests {
    @Test func corpusHasEnoughExamples() throws {
        let corpus = try EntityCorpus(directory: TestSupport.root.appendingPathComponent("Corpus/entities").path)
        #expect(corpus.cases.count >= 300)
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
