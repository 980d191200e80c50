import Foundation
import Testing
@testable import Qiyue

/// The direct JSON writer says what Foundation's JSONEncoder says, for every Corpus report.
@Suite struct ReportJSONWriterTests {
    static func foundation(_ r: ContractReport) throws -> Any {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try JSONSerialization.jsonObject(with: e.encode(r))
    }

    static func direct(_ r: ContractReport) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(JSONWriter.string(r).utf8))
    }

    @Test func everyCorpusReportParsesTheSame() throws {
        let pipeline = try Pipeline()
        var n = 0
        for sub in ["Corpus/documents", "Corpus/pages", "Corpus/blind/documents"] {
            let dir = TestSupport.root.appendingPathComponent(sub).path
            for f in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".txt") }).sorted() {
                for r in try pipeline.reports(contentsOf: dir + "/" + f, split: true) {
                    let a = try Self.foundation(r) as! NSDictionary, b = try Self.direct(r) as! NSDictionary
                    #expect(a == b, "\(sub)/\(f)")
                    n += 1
                }
            }
        }
        #expect(n >= 100)
    }

    /// The fields a plain text leaves out: DOCX source fields, warnings, producer, blanks.
    @Test func optionalFieldsParseTheSame() throws {
        let pipeline = try Pipeline()
        var source = SourceInfo(path: "c/\"q\".docx", encoding: "UTF-8", format: .docx, span: TextSpan(0, 3))
        source.unacceptedChanges = true
        source.headers = ["页眉\t1"]
        source.footers = ["第 1 页"]
        source.tables = [TextSpan(1, 2)]
        source.text = "x"
        source.id = "id#1"
        source.sha256 = String(repeating: "a", count: 64)
        source.part = 1
        source.parts = 2
        let text = "房屋买卖合同\n出卖人（甲方）：张三，身份证号：110101199003074514\n买受人（乙方）：____\n总价款人民币壹佰万元整（¥1,000,000元），定金30万元。\n乙方应于2025年1月月31日前付清。逾期每日按万分之五支付违约金，违约金累计不超过总价款的20%。\n"
        var r = pipeline.report(DecodedText(text: text, encoding: "UTF-8", format: .docx), source: source, category: "house_sale")
        r.warnings = [ReportWarning(.regexTimeout, "a\u{1}b", span: TextSpan(0, 1)), ReportWarning(.markupFallback, "m")]
        r.document.depositShare = 0.3
        r.document.contractTermMonths = -0.0
        r.document.totalPrice = 1e20
        let a = try Self.foundation(r) as! NSDictionary, b = try Self.direct(r) as! NSDictionary
        #expect(a == b)
        #expect(JSONWriter.string(r).contains("\"producer\":{"))
    }
}
