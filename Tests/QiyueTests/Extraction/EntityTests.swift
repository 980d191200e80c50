import Foundation
import Testing
@testable import Qiyue

/// Entities survive a JSON round trip (values, blanks, provenance), and copies share nothing mutable.
@Suite struct EntityTests {
    @Test func jsonRoundTrip() throws {
        let analyzer = try TestSupport.analyzer()
        let doc = analyzer.analyze(text: "总价款人民币壹佰捌拾伍万元整（¥1,850,000.00元），定金人民币 元整，于2025年3月15日前支付。")
        let entities = EntityExtractor(knowledge: analyzer.knowledge).extract(doc, dims: [.money, .date])
        #expect(entities.contains { $0.blank } && entities.contains { $0.value?.value == 1_850_000 })
        let data = try JSONEncoder().encode(entities)
        let back = try JSONDecoder().decode([Entity].self, from: data)
        #expect(back.map(\.text) == entities.map(\.text) && back.map(\.span) == entities.map(\.span))
        #expect(back.map(\.value) == entities.map(\.value) && back.map(\.blank) == entities.map(\.blank))
        #expect(back.map(\.rule) == entities.map(\.rule) && back.map(\.dim) == entities.map(\.dim))
    }

    @Test func copiesAreIndependent() throws {
        let analyzer = try TestSupport.analyzer()
        let doc = analyzer.analyze(text: "租金5000元")
        var a = try #require(EntityExtractor(knowledge: analyzer.knowledge).extract(doc, dims: [.money]).first)
        let b = a
        a.value?.currency = "USD"
        #expect(a.value?.currency == "USD" && b.value?.currency == "CNY")
        #expect(a != b)
    }
}
