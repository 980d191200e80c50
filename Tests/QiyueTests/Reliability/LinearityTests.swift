import Foundation
import Testing
@testable import Qiyue

/// Every extractor is linear in its input whatever the line structure: the characters its
/// scanning helpers visit are counted (not timed) for n and 2n characters of contract text, with
/// its line breaks and with all of them removed (as OCR and scraped pages give it). Serialized: each
/// case holds a thread of the cooperative pool for about a minute in a debug build, and two at once
/// would hold both threads of a two-core machine, stalling the server suites' handlers.
@Suite(.serialized) struct LinearityTests {
    /// Contract text from the Corpus, repeated to at least `n` characters.
    static func text(characters n: Int, lineBreaks: Bool) throws -> String {
        let dir = TestSupport.root.appendingPathComponent("Corpus/documents").path
        var base = ""
        for f in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where f.hasPrefix("gen-a") && f.hasSuffix(".txt") {
            if let s = try? String(contentsOfFile: dir + "/" + f, encoding: .utf8) { base += s + "\n" }
        }
        if !lineBreaks { base = base.replacingOccurrences(of: "\n", with: "") }
        var out = ""
        while out.unicodeScalars.count < n { out += base }
        return String(String.UnicodeScalarView(out.unicodeScalars.prefix(n)))
    }

    static func work(_ text: String) throws -> Int {
        let analyzer = try Analyzer()
        let doc = analyzer.analyze(text: text)
        let entities = EntityExtractor(knowledge: analyzer.knowledge).extract(doc, dims: [.money, .date, .duration, .percentage])
        let meter = WorkMeter()
        _ = FactExtractor(data: analyzer.knowledge.facts).extract(doc, entities: entities, category: "lease", meter: meter)
        return meter.count
    }

    @Test(arguments: [true, false])
    func factExtractionWorkGrowsLinearly(lineBreaks: Bool) throws {
        let n = 60_000
        let small = try Self.work(Self.text(characters: n, lineBreaks: lineBreaks))
        let large = try Self.work(Self.text(characters: 2 * n, lineBreaks: lineBreaks))
        #expect(small > n / 2, "the meter counts the extractors' scanning")
        let ratio = Double(large) / Double(small)
        #expect(ratio > 1.7 && ratio < 2.3, "work for 2n characters / work for n = \(ratio) (\(large) / \(small))")
    }

    /// A clause lookup for every line: binary search, not a scan of all clauses.
    @Test func clauseStartLookupMatchesTheClauseList() throws {
        let doc = try Analyzer().analyze(text: "第一条 总则\n一、定义\n第二条 价款\n（一）首付\n正文一行\n第三条 违约")
        let starts = Set(doc.clauses.map(\.range.lowerBound))
        for i in 0...doc.normalizedText.unicodeScalars.count {
            #expect(doc.clauseStarts(at: i) == starts.contains(i))
        }
    }
}
