import Foundation
import Qiyue
import IngestFixtures
import Testing
@testable import QiyueIngest

/// No XML part of a DOCX can make Qiyue load an entity, a DTD or anything from the network.
@Suite struct SAXReaderTests {
    static let w = DocxWriter.w

    static func document(prolog: String, text: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(prolog)<w:document xmlns:w=\"\(w)\"><w:body><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:body></w:document>".utf8)
    }

    static let payloads: [(String, String, String)] = [
        ("xxe-file", "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "甲方&xxe;"),
        ("xxe-parameter", "<!DOCTYPE w:document [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]>", "甲方"),
        ("external-dtd", "<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:9/evil.dtd\">", "甲方"),
        ("billion-laughs", "<!DOCTYPE w:document [<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">"
            + (1...9).map { "<!ENTITY \(Character(Unicode.Scalar(UInt8(0x61 + $0)))) \"" + String(repeating: "&\(Character(Unicode.Scalar(UInt8(0x60 + $0))));", count: 10) + "\">" }.joined()
            + "]>", "&j;"),
    ]

    @Test(arguments: payloads.map(\.0))
    func documentWithDTDIsRefused(_ name: String) throws {
        let (_, prolog, text) = Self.payloads.first { $0.0 == name }!
        let bytes = try DocxWriter.zip([("[Content_Types].xml", Array(DocxWriter.contentTypes.utf8)),
                                        ("word/document.xml", Self.document(prolog: prolog, text: text))])
        let start = Date()
        do {
            _ = try Ingestor().read(bytes, name: "\(name).docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .forbiddenDTD)
            #expect(error.message.contains("word/document.xml"))
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func dtdInOtherPartsIsRefused() throws {
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        let numbering = xxe + "<w:numbering xmlns:w=\"\(Self.w)\">&xxe;</w:numbering>"
        let styles = xxe + "<w:styles xmlns:w=\"\(Self.w)\">&xxe;</w:styles>"
        for (n, s, h) in [(numbering, nil, nil), (nil, styles, nil), (nil, nil, Fixtures.p("页眉"))] as [(String?, String?, String?)] {
            var bytes = try DocxWriter.package(body: Fixtures.p("借款合同"), numbering: n, styles: s, headers: h.map { [$0] } ?? [])
            if h != nil {
                bytes = try DocxWriter.zip([("[Content_Types].xml", Array(DocxWriter.contentTypes.utf8)),
                                            ("word/document.xml", Self.document(prolog: "", text: "借款合同")),
                                            ("word/header1.xml", Array((xxe + "<w:hdr xmlns:w=\"\(Self.w)\"><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:hdr>").utf8))])
            }
            #expect(ZipLimitsTests.code { _ = try Ingestor().read(bytes, name: "x.docx") } == .forbiddenDTD)
        }
    }

    @Test func predefinedAndCharacterReferencesStillWork() throws {
        let bytes = try DocxWriter.zip([("[Content_Types].xml", Array(DocxWriter.contentTypes.utf8)),
                                        ("word/document.xml", Self.document(prolog: "", text: "甲方&amp;乙方&#x4E19;&lt;&gt;"))])
        #expect(try Ingestor().read(bytes, name: "x.docx").decoded.text == "甲方&乙方丙<>\n")
    }
}
