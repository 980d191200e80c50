import Foundation
import Testing
@testable import Qiyue

/// Every risk of every Corpus report points at its evidence: the text its span selects in the
/// original is the evidence it quotes, and it is never a page's first line (except an absence,
/// which points at the title by design).
@Suite struct RiskEvidenceAuditTests {
    static let absences: Set<String> = ["dispute-resolution-missing"]

    @Test func everyRiskSpanSelectsItsEvidence() throws {
        let pipeline = try Pipeline()
        var risks = 0
        for sub in ["Corpus/documents", "Corpus/pages"] {
            let dir = TestSupport.root.appendingPathComponent(sub).path
            for f in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".txt") }).sorted() {
                let doc = try pipeline.analyzer.analyze(contentsOf: dir + "/" + f)
                let original = doc.originalScalars
                for r in pipeline.reports(DecodedText(text: doc.original, encoding: "UTF-8", format: .text), source: doc.source, split: true) {
                    let documentStart = r.source.span?.start ?? 0
                    for risk in r.risks {
                        risks += 1
                        let s = risk.span
                        #expect(s.start >= documentStart && s.end <= original.count && s.start < s.end, "\(f) \(risk.rule) \(s)")
                        guard s.end <= original.count, s.start < s.end else { continue }
                        let selected = ScalarDecoding.string(original, s.start, s.end)
                        #expect(selected == risk.evidence, "\(f) \(risk.rule): span selects \(selected.prefix(30)), evidence \(risk.evidence.prefix(30))")
                        if !Self.absences.contains(risk.rule) {
                            #expect(s.start != documentStart, "\(f) \(risk.rule): evidence at the document's first character")
                        }
                    }
                }
            }
        }
        #expect(risks >= 150)
    }
}
