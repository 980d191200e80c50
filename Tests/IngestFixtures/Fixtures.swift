import Foundation
import QiyueIngest
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// DOCX fixtures built in the tests (no binary files committed), shared by the ingestion and the
/// command-line tests.
public enum Fixtures {
    /// The package root.
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func p(_ text: String, numID: Int? = nil, level: Int = 0, style: String? = nil) -> String {
        var pPr = ""
        if let style { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numID { pPr += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>" }
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + r(text) + "</w:p>"
    }

    public static func r(_ text: String) -> String {
        text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(DocxWriter.escape(text[...]))</w:t></w:r>"
    }

    public static func row(_ cells: [String]) -> String {
        "<w:tr>" + cells.map { "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>\(p($0))</w:tc>" }.joined() + "</w:tr>"
    }

    public static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" + rows.map(row).joined() + "</w:tbl>"
    }

    /// A sale contract with a party table, numbered articles (automatic numbering, including a
    /// second level and a numbering style), tracked changes, a header and a footer.
    public static func saleContract() throws -> [UInt8] {
        let body = p("房屋买卖合同")
            + table([["出卖人（甲方）", "王建国"], ["身份证号", "110105196803124518"],
                     ["买受人（乙方）", "李晓明"], ["联系电话", "13912345678"]])
            + p("甲乙双方经协商一致，订立本合同。")
            + p("房屋基本情况", numID: 1)
            + p("房屋坐落于北京市朝阳区建国路88号。", numID: 1, level: 1)
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            + r("总价款为人民币")
            + "<w:del w:id=\"1\" w:author=\"律师\"><w:r><w:delText>壹佰万元整（¥1,000,000.00元）</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"律师\"><w:r><w:t>壹佰捌拾伍万元整（¥1,850,000.00元）</w:t></w:r></w:ins>"
            + r("。") + "</w:p>"
            + p("乙方应于2025年3月15日前支付首付款，逾期每日按总价款的千分之五支付违约金。", style: "Article")
            + "<w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r></w:p>"
        let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(DocxWriter.w)"><w:style w:type="paragraph" w:styleId="ArticleBase"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Article"><w:basedOn w:val="ArticleBase"/></w:style></w:styles>
        """
        return try DocxWriter.package(body: body, numbering: DocxWriter.articleNumbering, styles: styles,
                                      headers: [p("合同编号：BJ-2025-001")], footers: [p("第 1 页")])
    }

    /// True when this process was built with AddressSanitizer (`swift test --sanitize=address`,
    /// as scripts/sanitize.sh runs it). Memory bounds of tests that run the qiyue binary grow under
    /// it: ASan keeps freed blocks in a quarantine (up to 256 MB by default) and adds an eighth of
    /// every allocation as shadow memory, so a peak RSS is not the product's own there.
    public static let underAddressSanitizer: Bool = {
        #if canImport(Glibc)
        return dlsym(nil, "__asan_init") != nil
        #else
        return false
        #endif
    }()

    /// A peak-memory bound in KiB for a qiyue run: `kib`, doubled under AddressSanitizer.
    public static func memoryBound(kib: Int) -> Int { underAddressSanitizer ? 2 * kib : kib }

    /// A DOCX whose word/document.xml is `size` bytes of spaces, streamed in (never held in memory).
    public static func zipBomb(size: Int) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels)] {
            let d = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { p, n in d.subdata(in: Int(p)..<Int(p) + n) }
        }
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { _, n in chunk.prefix(n) }
        return [UInt8](archive.data!)
    }

    /// Overwrites the uncompressed size of `entry` in its local and central headers (a lying header).
    public static func patchSizes(_ b: inout [UInt8], entry: String, claimed: UInt32) {
        let name = Array(entry.utf8)
        func le32(_ v: UInt32, at i: Int) { for k in 0..<4 { b[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < b.count {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x03 && b[i + 3] == 0x04,
               Array(b[(i + 30)..<(i + 30 + name.count)]) == name { le32(claimed, at: i + 22) }
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x01 && b[i + 3] == 0x02,
               Array(b[(i + 46)..<min(b.count, i + 46 + name.count)]) == name { le32(claimed, at: i + 24) }
            i += 1
        }
    }

    /// [Content_Types].xml of a DOCX.
    public static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
    """
    /// _rels/.rels of a DOCX.
    public static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """
}
