import Foundation
import Qiyue
import IngestFixtures
import Testing
@testable import QiyueIngest

@Suite struct DocxReaderTests {
    @Test func saleContractText() throws {
        let r = try DocxReader().read(try Fixtures.saleContract(), path: "sale.docx")
        let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "房屋买卖合同")
        // Table rows: one per line, cells separated by a tab.
        #expect(lines[1] == "出卖人（甲方）\t王建国")
        #expect(lines[3] == "买受人（乙方）\t李晓明")
        // The table's extent: its four rows.
        let scalars = Array(r.text.unicodeScalars)
        #expect(r.tables.count == 1)
        if let t = r.tables.first {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[t.start..<t.end])
            #expect(String(v) == lines[1...4].joined(separator: "\n") + "\n")
        }
        // Automatic numbering: 第一条, a second level 1., and the style-linked list continuing.
        #expect(lines[6] == "第一条房屋基本情况")
        #expect(lines[7] == "1.房屋坐落于北京市朝阳区建国路88号。")
        // Tracked changes read as accepted.
        #expect(lines[8] == "第二条总价款为人民币壹佰捌拾伍万元整（¥1,850,000.00元）。")
        #expect(lines[9].hasPrefix("第三条乙方应于2025年3月15日前"))
        #expect(!r.text.contains("壹佰万元整"))
        #expect(!r.text.contains("PAGE") && !r.text.contains("隐藏文字"))
        #expect(r.unacceptedChanges)
        // Headers and footers kept apart.
        #expect(r.headers == ["合同编号：BJ-2025-001"])
        #expect(r.footers == ["第 1 页"])
        #expect(!r.text.contains("BJ-2025") && !r.text.contains("第 1 页"))
    }

    @Test func saleContractFacts() throws {
        let input = try Ingestor().read(try Fixtures.saleContract(), name: "sale.docx")
        #expect(input.source.format == .docx)
        #expect(input.source.unacceptedChanges == true)
        let report = try Pipeline().report(input.decoded, source: input.source)
        #expect(report.classification.isContract)
        let names = Set(report.parties.compactMap(\.name))
        #expect(names.contains("王建国"))
        #expect(names.contains("李晓明"))
        #expect(report.amounts.contains { $0.value == 1_850_000 })
        #expect(!report.amounts.contains { $0.value == 1_000_000 })
        #expect(report.clauses.contains { $0.number == "第二条" })
        #expect(report.penalties.contains { $0.rate == 0.005 })
        // Every span indexes the text the reader produced.
        for a in report.amounts {
            let s = Array(input.decoded.text.unicodeScalars)[a.span.start..<a.span.end]
            #expect(String(String.UnicodeScalarView(s)) == a.text)
        }
    }

    @Test(arguments: [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"), (21, "chineseCountingThousand", "二十一"), (105, "chineseCounting", "一百〇五"), (105, "chineseLegalSimplified", "壹佰零伍"),
        (110, "chineseCounting", "一百一十"), (3, "chineseLegalSimplified", "叁"), (10, "chineseLegalSimplified", "壹拾"),
        (2, "ideographTraditional", "乙"), (3, "decimalEnclosedCircle", "③"), (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"), (7, "decimalZero", "07"), (12, "decimalFullWidth", "１２"),
    ])
    func numberFormats(_ n: Int, _ format: String, _ expected: String) {
        #expect(NumberFormat.render(n, format: format) == expected)
    }

    @Test func deletedParagraphMarkJoinsParagraphs() throws {
        let body = "<w:p><w:pPr><w:rPr><w:del w:id=\"3\" w:author=\"a\"/></w:rPr></w:pPr>" + Fixtures.r("甲方：") + "</w:p>"
            + Fixtures.p("张三")
        let r = try DocxReader().read(try DocxWriter.package(body: body), path: "m.docx")
        #expect(r.text == "甲方：张三\n")
        #expect(r.unacceptedChanges)
    }

    @Test func alternateContentFallbackIsNotDuplicated() throws {
        let box = "<w:txbxContent>\(Fixtures.p("文本框"))</w:txbxContent>"
        let body = "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>\(box)</w:drawing></mc:Choice><mc:Fallback><w:pict>\(box)</w:pict></mc:Fallback></mc:AlternateContent></w:r>" + Fixtures.r("正文") + "</w:p>"
        let r = try DocxReader().read(try DocxWriter.package(body: body), path: "t.docx")
        #expect(r.text == "文本框\n正文\n")
        #expect(!r.unacceptedChanges)
    }

    @Test func writerRoundTripsTextWithNumbering() throws {
        let text = "借款合同\n第一条 借款金额\n\t甲方：张三 & 李四 <代理>\n第二条 利率\n第五条 不连续的编号照写\n"
        for style in DocxWriter.Style.allCases {
            let r = try DocxReader().read(try DocxWriter.docx(fromText: text, numbering: true, style: style), path: "w.docx")
            #expect(r.text == text, "\(style)")
        }
    }

    @Test func notADocx() throws {
        let odt = try DocxWriter.zip([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Array("<a/>".utf8))])
        do { _ = try Ingestor().read(odt, name: "x.odt"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx) }
        do { _ = try Ingestor().read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], name: "broken.docx"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx) }
        var options = IngestOptions()
        options.format = .docx
        do { _ = try Ingestor(options: options).read(Array("甲方：张三".utf8), name: "<stdin>"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx) }
        let bad = try DocxWriter.package(body: "<w:p><w:r><w:t>未闭合</w:r></w:p>")
        do { _ = try Ingestor().read(bad, name: "bad.docx"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx); #expect(error.message.contains("word/document.xml")) }
    }

    @Test func contentDecidesNotTheExtension() throws {
        // A .docx that is really HTML, and a DOCX named .txt.
        let html = try Ingestor().read(Array("<html><body><p>借款合同</p></body></html>".utf8), name: "page.docx")
        #expect(html.source.format == .html)
        let docx = try Ingestor().read(try DocxWriter.docx(fromText: "借款合同\n"), name: "contract.txt")
        #expect(docx.source.format == .docx)
        #expect(docx.decoded.text == "借款合同\n")
    }

    @Test func legacyWordNeedsLibreOffice() throws {
        var options = IngestOptions()
        options.soffice = "/nonexistent/soffice"
        let ole = LegacyConverter.compoundFileMagic + [UInt8](repeating: 0, count: 504)
        // A configured but missing executable is a conversion failure; none at all says what to install.
        do { _ = try Ingestor(options: options).read(ole, name: "old.doc"); Issue.record("expected an error") }
        catch { #expect(error.code == .conversionFailed) }
        let converter = LegacyConverter(options: IngestOptions())
        if converter.locateSoffice() == nil {
            do { _ = try Ingestor().read(ole, name: "old.wps"); Issue.record("expected an error") }
            catch {
                #expect(error.code == .needsLibreOffice)
                #expect(error.message.contains("libreoffice-writer"))
            }
        }
    }

    @Test func legacyWordGoesThroughLibreOffice() throws {
        // A stand-in for soffice: checks the arguments Qiyue passes and "converts" by copying a DOCX.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-soffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("converted.docx")
        try Data(try DocxWriter.docx(fromText: "借款合同\n第一条 借款金额为人民币伍万元整。\n", numbering: true)).write(to: docx)
        let script = dir.appendingPathComponent("soffice")
        try """
        #!/bin/sh
        out=""; prev=""; headless=0
        for a in "$@"; do
          [ "$prev" = "--outdir" ] && out="$a"
          [ "$a" = "--headless" ] && headless=1
          prev="$a"
        done
        [ "$headless" = 1 ] || exit 3
        cp '\(docx.path)' "$out/input.docx"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var options = IngestOptions()
        options.soffice = script.path
        let ole = LegacyConverter.compoundFileMagic + [UInt8](repeating: 0, count: 504)
        let input = try Ingestor(options: options).read(ole, name: "old.doc")
        #expect(input.source.format == .docx)
        #expect(input.decoded.text == "借款合同\n第一条 借款金额为人民币伍万元整。\n")
    }

    @Test func numberingSuffixesSharedCountersAndRestarts() throws {
        let numbering = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:numbering xmlns:w="\(DocxWriter.w)"><w:abstractNum w:abstractNumId="7">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>\
        </w:abstractNum>\
        <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>\
        <w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>\
        </w:numbering>
        """
        let body = Fixtures.p("总则", numID: 3) + Fixtures.p("定义", numID: 3, level: 1) + Fixtures.p("价款", numID: 4)
            + Fixtures.p("不编号", numID: 0) + Fixtures.p("附件", numID: 5)
        let r = try DocxReader().read(try DocxWriter.package(body: body, numbering: numbering), path: "n.docx")
        // Default suffix (a tab in Word) as a space; isLgl shows 一 as 1; lists 3 and 4 share counters; 5 restarts.
        #expect(r.text == "一、 总则\n1.1 定义\n二、 价款\n不编号\n一、 附件\n")
    }

    @Test func deletedRowsAndCheckBoxes() throws {
        let deletedRow = "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"a\"/></w:trPr><w:tc>\(Fixtures.p("丙方"))</w:tc><w:tc>\(Fixtures.p("赵六"))</w:tc></w:tr>"
        let body = "<w:tbl>" + Fixtures.row(["甲方", "张三"]) + deletedRow + Fixtures.row(["乙方", "李四"]) + "</w:tbl>"
            + "<w:p><w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/><w:t>同意</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0A8\"/><w:t>不同意</w:t></w:r></w:p>"
        let r = try DocxReader().read(try DocxWriter.package(body: body), path: "rows.docx")
        #expect(r.text == "甲方\t张三\n乙方\t李四\n☑同意□不同意\n")
        #expect(r.unacceptedChanges)
    }
}
