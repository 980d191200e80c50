import Foundation
import Testing
@testable import Qiyue

/// Every Corpus output validates against Rules/schema/qiyue.document-1.schema.json.
@Suite struct ReportSchemaTests {
    @Test func everyCorpusReportValidates() throws {
        let validator = try SchemaValidator(path: TestSupport.root.appendingPathComponent("Rules/schema/qiyue.document-1.schema.json").path)
        let pipeline = try Pipeline()
        let dir = TestSupport.root.appendingPathComponent("Corpus/documents").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 50)
        var contracts = 0
        for f in files {
            let report = try pipeline.report(contentsOf: dir + "/" + f)
            if report.classification.isContract { contracts += 1 }
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
            let errors = validator.validate(json)
            #expect(errors.isEmpty, "\(f): \(errors.prefix(5))")
        }
        #expect(contracts >= 30)
    }

    @Test func validatorRejectsBadReports() throws {
        let validator = try SchemaValidator(path: TestSupport.root.appendingPathComponent("Rules/schema/qiyue.document-1.schema.json").path)
        let (report, _) = try Pipeline().report(text: "甲方：张三\n总价款人民币壹佰万元整。", category: "house_sale")
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        #expect(validator.validate(json).isEmpty)
        json["schema"] = "qiyue.document/2"
        json["surprise"] = 1
        json.removeValue(forKey: "parties")
        let errors = validator.validate(json)
        #expect(errors.count == 3, "\(errors)")
    }

    @Test func ingestionSourceFieldsValidate() throws {
        let validator = try SchemaValidator(path: TestSupport.root.appendingPathComponent("Rules/schema/qiyue.document-1.schema.json").path)
        let text = "甲方：张三\n总价款人民币壹佰万元整。\n"
        var source = SourceInfo(path: "c.docx", encoding: "UTF-8", format: .docx)
        source.unacceptedChanges = true
        source.headers = ["合同编号：001"]
        source.footers = ["第 1 页"]
        source.text = text
        source.tables = [TextSpan(0, 6)]
        let report = try Pipeline().report(DecodedText(text: text, encoding: "UTF-8", format: .docx), source: source, category: "house_sale")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        #expect(validator.validate(json).isEmpty, "\(validator.validate(json))")
        #expect((json["source"] as? [String: Any])?["unacceptedChanges"] as? Bool == true)
    }

    @Test func pagedSourceAndTracedFactsValidate() throws {
        let validator = try SchemaValidator(path: TestSupport.root.appendingPathComponent("Rules/schema/qiyue.document-1.schema.json").path)
        let text = "甲方：张三\n总价款人民币壹佰万元整（¥1,000,000.00）。\n"
        var source = SourceInfo(path: "scan.png", encoding: "UTF-8", format: .image)
        source.pages = [PageInfo(number: 1, span: TextSpan(0, 31), width: 1200, height: 800, unit: "px", ocr: true, confidence: 88.5)]
        source.repairs = [OCRRepair(span: TextSpan(19, 20), original: "f", repaired: "¥", reason: "currency sign before a figure")]
        var report = try Pipeline().report(DecodedText(text: text, encoding: "UTF-8", format: .image), source: source, category: "house_sale")
        report.trace { _ in FactTrace(page: 1, boxes: [WordBox(text: "壹佰万", page: 1, box: [10, 20, 90, 44], confidence: 61)],
                                      minConfidence: 61, needsReview: true) }
        #expect(report.amounts.first?.needsReview == true && report.parties.first?.page == 1)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        #expect(validator.validate(json).isEmpty, "\(validator.validate(json))")
    }
}
