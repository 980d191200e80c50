import Foundation
import Testing
@testable import Qiyue

/// The README's library example, as written (the DOCX and user-rule lines need files of the
/// reader's own and are covered by the ingestion and rule tests).
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleRunsAsWritten() throws {
        let pipeline = try Pipeline()
        let report = try pipeline.report(contentsOf: TestSupport.root.appendingPathComponent("Corpus/documents/gen-a-09.txt").path)
        #expect(report.parties.map { "\($0.role) \($0.side) \($0.name ?? "（空白）")" }.first == "甲方 lessor 成都锦华商业管理有限公司")
        let text = "房屋租赁合同\n出租方（甲方）：张三\n承租方（乙方）：李四\n月租金为人民币3000元，乙方应于每月5日前支付。"
        let (r, doc) = pipeline.report(text: text, category: "lease")
        let rent = try #require(r.amounts.first)
        #expect(rent.purpose == "rent")
        #expect(rent.value == 3000)
        #expect(doc.originalText(rent.span) == "人民币3000元")
        let entities = EntityExtractor(knowledge: try .shared()).extract(doc, dims: [.money, .date])
        #expect(entities.contains { $0.dim == .money })
    }
}
