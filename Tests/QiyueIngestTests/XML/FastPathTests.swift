import Foundation
import IngestFixtures
import Qiyue
import Testing
@testable import QiyueIngest

/// The bridge's fast XML path reports exactly the events libxml2 reports, takes plain Office XML,
/// and leaves everything else (with libxml2's own answer) to libxml2.
@Suite struct FastPathTests {
    static let w = DocxWriter.w

    /// The events as lines, with a few Word element names; "skipped" (id 8) has its content skipped.
    final class Recorder: XMLEventLog {
        static let cNames = CStrings(["document", "body", "p", "r", "t", "tab", "rPr", "rFonts", "skipped", "hdr", "a", "b"])
        override class var names: CStrings { cNames }
        override class var skipped: Int32? { 8 }
    }

    enum Outcome: Equatable {
        case events([String])
        case error(QiyueError.Code, String)
        case notPlain
    }

    static func outcome(_ xml: [UInt8], _ engine: SAXReader.Engine) -> Outcome {
        let r = Recorder()
        do throws(QiyueError) {
            guard try SAXReader.parse(xml, handler: r, part: "word/document.xml", path: "x.docx", engine: engine) else { return .notPlain }
            return .events(r.finished())
        } catch {
            return .error(error.code, error.message)
        }
    }

    /// Both parsers agree; returns whether the fast path took the document.
    @discardableResult
    static func agree(_ xml: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let reference = outcome(xml, .libxml2)
        let auto = outcome(xml, .auto)
        #expect(auto == reference, "\(String(decoding: xml.prefix(300), as: UTF8.self))", sourceLocation: sourceLocation)
        let fast = outcome(xml, .fast)
        if fast != .notPlain {
            #expect(fast == reference, sourceLocation: sourceLocation)
        }
        return fast != .notPlain
    }

    static func doc(_ body: String, prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") -> [UInt8] {
        Array((prolog + "<w:document xmlns:w=\"\(w)\"><w:body>\(body)</w:body></w:document>").utf8)
    }

    static func parts(of docx: [UInt8]) throws -> [[UInt8]] {
        var zip = try ZipParts(bytes: docx, path: "x.docx", options: IngestOptions())
        return try zip.names.filter { $0.hasSuffix(".xml") }.compactMap { try zip.read($0) }
    }

    @Test func wordPartsTakeTheFastPathWithTheSameEvents() throws {
        let texts = try ["gen-a-01", "gen-b-05", "fx-03"].map {
            try String(contentsOf: Fixtures.root.appendingPathComponent("Corpus/documents/\($0).txt"), encoding: .utf8)
        }
        var xmlParts = try Self.parts(of: Fixtures.saleContract())
        for t in texts {
            for style in DocxWriter.Style.allCases { xmlParts += try Self.parts(of: DocxWriter.docx(fromText: t, numbering: true, style: style)) }
        }
        #expect(xmlParts.count > 10)
        for x in xmlParts { #expect(Self.agree(x), "a Word part left the fast path") }
    }

    @Test(arguments: [
        "<w:p><w:r><w:t>甲方&amp;乙方&#x4E19;&#20013;&lt;&gt;&quot;&apos;</w:t></w:r></w:p>",
        "<w:p><w:r><w:t xml:space='preserve'> 一\r\n二\r三 </w:t></w:r></w:p>",
        "<w:p w:a=\"x\r\ny\tz&#10;&amp;\" ><w:r ><w:t\n>a</w:t\n></w:r></w:p>",
        "<w:p><w:r><w:t><![CDATA[<甲> & ]]]></w:t></w:r></w:p>",
        "<!-- 注释 --><w:p><?pi data?><w:r><w:t>a<!---->b</w:t></w:r></w:p>",
        "<w:p><x:r xmlns:x=\"\(w)\"><x:t>other prefix</x:t></x:r></w:p>",
        "<w:p><r xmlns=\"\(w)\"><t>default namespace</t></r><r><t>no namespace here?</t></r></w:p>",
        "<w:p><w:r xmlns:w=\"urn:other\"><w:t>rebound</w:t></w:r><w:r><w:t>back</w:t></w:r></w:p>",
        "<w:p><w:skipped><w:r><w:t>hidden</w:t></w:r></w:skipped><w:r><w:t/></w:r></w:p>",
        "<w:p><w:rPr><w:rFonts w:eastAsia=\"宋体\" w:hint=\"eastAsia\"/></w:rPr><w:unknown w:x=\"1\"><w:t>in unknown</w:t></w:unknown></w:p>",
    ])
    func plainXMLTakesTheFastPath(_ body: String) {
        #expect(Self.agree(Self.doc(body)))
    }

    @Test func prologVariantsTakeTheFastPath() {
        #expect(Self.agree([0xEF, 0xBB, 0xBF] + Self.doc("<w:p/>")))
        #expect(Self.agree(Self.doc("<w:p/>", prolog: "")))
        #expect(Self.agree(Self.doc("<w:p/>", prolog: "<?xml version='1.0'?>\n<!-- x -->\n")))
        #expect(Self.agree(Self.doc("<w:p/>", prolog: "<?xml version=\"1.0\" encoding=\"utf-8\" ?>")))
    }

    @Test(arguments: [
        ("doctype", Self.doc("<w:p/>", prolog: "<?xml version=\"1.0\"?><!DOCTYPE w:document>")),
        ("html entity", Self.doc("<w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>")),
        ("undeclared prefix", Self.doc("<v:p><w:r/></v:p>")),
        ("undeclared attribute prefix", Self.doc("<w:p v:x=\"1\"/>")),
        ("non-ASCII name", Self.doc("<w:段落/>")),
        ("not a QName", Self.doc("<w:p><w:r><w:t xml:3pace=\"preserve\">a</w:t></w:r><w:1x/></w:p>")),  // found by the xml fuzz target
        ("GBK declared", Self.doc("<w:p/>", prolog: "<?xml version=\"1.0\" encoding=\"GBK\"?>")),
        ("deep", Self.doc(String(repeating: "<w:p>", count: 300) + String(repeating: "</w:p>", count: 300))),
        ("mismatched", Self.doc("<w:p><w:r></w:p></w:r>")),
        ("unclosed", Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(w)\"><w:body>".utf8)),
        ("unquoted", Self.doc("<w:p w:x=1/>")),
        ("duplicate attribute", Self.doc("<w:p w:x=\"1\" w:x=\"2\"/>")),
        ("cdata end in text", Self.doc("<w:p><w:r><w:t>a]]>b</w:t></w:r></w:p>")),
        ("control character", Self.doc("<w:p><w:r><w:t>a\u{1}b</w:t></w:r></w:p>")),
        ("invalid UTF-8", Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(w)\"><w:t>".utf8) + [0xC3, 0x28] + Array("</w:t></w:document>".utf8)),
        ("two roots", Self.doc("<w:p/>") + Array("<w:document xmlns:w=\"\(w)\"/>".utf8)),
        ("text after root", Self.doc("<w:p/>") + Array("尾".utf8)),
        ("late declaration", Array("<w:document xmlns:w=\"\(w)\"><?xml version=\"1.0\"?></w:document>".utf8)),
        ("double dash comment", Self.doc("<w:p><!-- a -- b --></w:p>")),
        ("lt in attribute", Self.doc("<w:p w:x=\"<\"/>")),
        ("bad character reference", Self.doc("<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>")),
        ("empty", []),
    ] as [(String, [UInt8])])
    func otherXMLIsLibxml2s(_ name: String, _ xml: [UInt8]) {
        #expect(!Self.agree(xml), "\(name): the fast path should leave it to libxml2")
    }

    /// Seeded mutations of plain documents: whatever the bytes, auto gives libxml2's outcome.
    @Test func mutatedDocumentsGiveLibxml2sOutcome() {
        var rng = SplitMix64(seed: 20261201)
        let base = Self.doc("<w:p w:rsidR=\"00A1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia=\"宋体\"/></w:rPr><w:t xml:space=\"preserve\">第一条 甲方&amp;乙方 ¥1,000.00</w:t></w:r><w:r><w:tab/><w:t><![CDATA[x]]></w:t></w:r></w:p><!--c-->")
        let pieces: [[UInt8]] = ["<", ">", "/", "&", ";", "\"", "'", "=", " ", ":", "\r", "\n", "]]>", "<!--", "-->", "&amp;", "&#", "xmlns:v=\"u\"", "v:", "\u{0}", "<![CDATA[", "?>", "<?"].map { Array($0.utf8) }
        var fastTaken = 0
        for _ in 0..<1500 {
            var x = base
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<x.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: x.remove(at: at)
                case 1: x.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
                default: x[at] = pieces.randomElement(using: &rng)!.first!
                }
            }
            if Self.agree(x) { fastTaken += 1 }
        }
        // Most mutants are malformed (libxml2's); some stay plain and well-formed (the fast path's).
        #expect(fastTaken > 20)
    }
}
