import Foundation
import Qiyue
import IngestFixtures
import Testing
@testable import QiyueIngest

/// Corpus contracts saved as DOCX give the same facts as their plain text.
@Suite struct DocxCorpusTests {
    static let documents: [String] = {
        let dir = Fixtures.root.appendingPathComponent("Corpus/documents").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
    }()

    struct Facts: Equatable, Encodable {
        var parties: [Party], amounts: [Amount], dates: [DateMention], deadlines: [Deadline], penalties: [Penalty]
        init(_ r: ContractReport) {
            parties = r.parties; amounts = r.amounts; dates = r.dates; deadlines = r.deadlines; penalties = r.penalties
        }
    }

    @Test func corpusContractsSavedAsDocxGiveTheSameFacts() throws {
        #expect(Self.documents.count >= 40)
        let pipeline = try Pipeline()
        var contracts = 0, numbered = 0
        for path in Self.documents {
            let plain = try Ingestor().read(contentsOf: path)
            let plainReport = pipeline.report(plain.decoded, source: plain.source)
            guard plainReport.classification.isContract else { continue }
            contracts += 1
            let text = plain.decoded.text
            let bytes = try DocxWriter.docx(fromText: text, numbering: true)
            let docx = try Ingestor().read(bytes, name: path + ".docx")
            #expect(docx.source.format == .docx)
            // The same text (a final newline is added when the text had none) …
            #expect(docx.decoded.text == (text.hasSuffix("\n") ? text : text + "\n"), "\(path)")
            if text.hasPrefix("第一条") || text.contains("\n第一条") { numbered += 1 }
            // … hence the same facts at the same spans.
            let docxReport = pipeline.report(docx.decoded, source: docx.source)
            #expect(Facts(docxReport) == Facts(plainReport), "\(path)")
            #expect(docxReport.classification.category == plainReport.classification.category, "\(path)")
        }
        #expect(contracts >= 40)
        // Those with 第一条 lines went through Word's automatic numbering.
        #expect(numbered >= 10)
    }

    @Test func partyLinesAsATableGiveTheSameParties() throws {
        // gen-a-09's header block (role: name, then detail lines) laid out as a two-column table.
        let path = Fixtures.root.appendingPathComponent("Corpus/documents/gen-a-09.txt").path
        let text = try Ingestor().read(contentsOf: path).decoded.text
        let pipeline = try Pipeline()
        let (plain, _) = pipeline.report(text: text)
        var body = "", rows: [[String]] = []
        func flushTable() {
            if !rows.isEmpty { body += Fixtures.table(rows); rows = [] }
        }
        var inHeader = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inHeader, let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }), line.distance(from: line.startIndex, to: colon) <= 12,
               !line.hasPrefix("第") {
                rows.append([String(line[..<colon]), String(line[line.index(after: colon)...])])
                continue
            }
            if line.hasPrefix("第") { inHeader = false }
            flushTable()
            body += Fixtures.p(String(line))
        }
        flushTable()
        let docx = try Ingestor().read(try DocxWriter.package(body: body), name: "table.docx")
        #expect(docx.decoded.text.contains("\t"))
        let report = pipeline.report(docx.decoded, source: docx.source)
        #expect(report.parties.map(\.name) == plain.parties.map(\.name))
        #expect(report.parties.map(\.side) == plain.parties.map(\.side))
        #expect(report.parties.map(\.ids) == plain.parties.map(\.ids))
    }
}
