import Foundation
@testable import QiyueIngest

/// DOCX fixtures built in the tests (no binary files committed).
enum Fixtures {
    /// The package root.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func p(_ text: String, numID: Int? = nil, level: Int = 0, style: String? = nil) -> String {
        var pPr = ""
        if let style { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numID { pPr += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>" }
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + r(text) + "</w:p>"
    }

    static func r(_ text: String) -> String {
        text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(DocxWriter.escape(text[...]))</w:t></w:r>"
    }

    static func row(_ cells: [String]) -> String {
        "<w:tr>" + cells.map { "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>\(p($0))</w:tc>" }.joined() + "</w:tr>"
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" + rows.map(row).joined() + "</w:tbl>"
    }

    /// A sale contract with a party table, numbered articles (automatic numbering, including a
    /// second level and a numbering style), tracked changes, a header and a footer.
    static func saleContract() throws -> [UInt8] {
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
}
