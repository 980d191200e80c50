import Foundation
import Testing
@testable import Qiyue

/// Regressions of the reliability issue that live in the entity layer: a figure beyond Double's
/// range and an impossible date must not abort the document or be written as a value.
@Suite struct ReliabilityTests {
    static let schema = TestSupport.root.appendingPathComponent("Rules/schema/qiyue.document-1.schema.json").path

    @Test(arguments: [String(repeating: "9", count: 320), String(repeating: "9", count: 309) + ".5",
                      "一" + String(repeating: "亿", count: 45)])
    func overflowingFigureIsAnEntityWithoutValue(_ figure: String) throws {
        let text = "甲方：张三\n乙方：李四\n本合同总价款为人民币\(figure)元，违约金为\(figure)元，乙方于签订之日起\(figure)日内付清。"
        let (report, doc) = try Pipeline().report(text: text, category: "sale_of_goods")
        let data = try JSONEncoder().encode(report)  // must not throw EncodingError … inf
        let json = try JSONSerialization.jsonObject(with: data)
        #expect(try SchemaValidator(path: Self.schema).validate(json).isEmpty)
        #expect(report.amounts.contains { $0.overflow == true && $0.value == nil })
        let analyzer = try TestSupport.analyzer()
        let entities = EntityExtractor(knowledge: analyzer.knowledge).extract(analyzer.analyze(text: figure), dims: [.number])
        #expect(entities.contains { $0.value?.overflow == true && $0.value?.value == nil }, "\(entities)")
        _ = try JSONEncoder().encode(EntityExtractor(knowledge: analyzer.knowledge).extract(doc))
    }

    @Test(arguments: ["2月30日", "4月31日", "2023-02-29", "2023年2月29日", "二〇二三年二月二十九日", "2023/4/31"])
    func impossibleDateKeepsItsPartsAndIsNeverISO(_ date: String) throws {
        let text = "甲方：张三\n乙方：李四\n乙方应于\(date)前向甲方支付货款人民币5000元。"
        let (report, _) = try Pipeline().report(text: text, category: "sale_of_goods")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
        #expect(try SchemaValidator(path: Self.schema).validate(json).isEmpty)
        let mention = try #require(report.dates.first)
        #expect(mention.valid == false && mention.day != nil && mention.month != nil)
        #expect(mention.value == "2023-02" || mention.value == "2023-04" || mention.value == "--02" || mention.value == "--04",
                "\(mention.value)")
        let analyzer = try TestSupport.analyzer()
        let e = try #require(EntityExtractor(knowledge: analyzer.knowledge).extract(analyzer.analyze(text: date), dims: [.date]).first)
        #expect(e.value?.valid == false && e.value?.date == nil && e.value?.day != nil)
    }
}
