import Foundation
import Testing
@testable import Qiyue

/// The pipeline runs ICU's dictionary word break only over the Han runs where an extractor reads
/// a word boundary (`Tokenizer.Words.whereRead`); what it reports must be what full segmentation
/// gives.
@Suite struct ReadWordsTests {
    static func tokens(_ text: String, _ words: Tokenizer.Words) throws -> [String] {
        let analyzer = try TestSupport.analyzer()
        let doc = analyzer.analyze(scalars: ScalarDecoding.scalars(of: text), source: SourceInfo(path: "<t>"), segment: false)
        let segmented = words == .everywhere ? analyzer.analyze(text: text) : analyzer.segmented(doc)
        return segmented.tokens.map { "\(segmented.normalizedText(of: $0))/\($0.kind.name)" }
    }

    @Test func everyCorpusReportIsTheReportOfFullSegmentation() throws {
        let pipeline = try Pipeline()
        let analyzer = try TestSupport.analyzer()
        var n = 0
        for sub in ["Corpus/documents", "Corpus/blind/documents", "Corpus/fresh/documents", "Corpus/pages"] {
            let dir = TestSupport.root.appendingPathComponent(sub).path
            for f in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".txt") }).sorted() {
                let path = dir + "/" + f
                let read = try pipeline.report(contentsOf: path)
                let full = pipeline.report(for: try analyzer.analyze(contentsOf: path))
                #expect(JSONWriter.string(read) == JSONWriter.string(full), "\(sub)/\(f)")
                n += 1
            }
        }
        #expect(n >= 200)
    }

    /// A run with no role word is one word, still cut before its numbers and after a term at its
    /// start; a run where a role word starts keeps ICU's words.
    @Test func unreadRunsAreOneWord() throws {
        #expect(try Self.tokens("保证金应当于三十日内退还", .whereRead)
                == ["保证金/word", "应当于/word", "三十/number", "日内退还/word"])
        let withRole = "该费用由甲方负责承担"
        #expect(try Self.tokens(withRole, .whereRead) == (try Self.tokens(withRole, .everywhere)))
        #expect(try Self.tokens(withRole, .whereRead).contains("甲方/word"))
        // A role word inside another word (供方 in 提供方便): the run keeps ICU's words and the
        // lexicon's cuts, whatever they make of it.
        let inside = "乙方提供方便快捷的服务"
        #expect(try Self.tokens(inside, .whereRead) == (try Self.tokens(inside, .everywhere)))
    }

    /// An entity that ends inside a word token (半日 of 半日托, 万元 of 万元托管) moves the scan
    /// on: the extractors once looked the same token up again and never stopped.
    @Test(.timeLimit(.minutes(1)), arguments: ["本园提供，半日托服务", "投资额 万元托管费另计", "合同约定：半日托半日学"])
    func entitiesEndingInsideAWordTokenEnd(_ text: String) throws {
        #expect(try Self.tokens(text, .whereRead).contains { $0.hasPrefix("半日托") || $0.hasPrefix("万元托管") })
        let pipeline = try Pipeline()
        let contract = "托管服务合同\n甲方：张三\n乙方：李四\n" + text + "。\n"
        let report = pipeline.report(DecodedText(text: contract, encoding: "UTF-8", format: .text),
                                     source: SourceInfo(path: "<t>"), category: "service")
        #expect(report.classification.isContract)
    }
}
