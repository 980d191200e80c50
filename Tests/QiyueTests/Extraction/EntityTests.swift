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

    /// Two-digit years: the text's own four-digit year first, then --reference-date, then the pivot.
    @Test func twoDigitYearsByReference() throws {
        let analyzer = try TestSupport.analyzer()
        func year(_ text: String, reference: String? = nil) -> Int? {
            let e = EntityExtractor(knowledge: analyzer.knowledge, referenceDate: reference)
            return e.extract(analyzer.analyze(text: text), dims: [.date]).first?.value?.year
        }
        #expect(year("98年5月交付") == 1998)
        #expect(year("24年3月1日交付") == 2024)
        #expect(year("68年3月1日") == 2068 && year("69年3月1日") == 1969)
        #expect(year("68年3月1日", reference: "1950-01-01") == 1968)
        #expect(year("24年3月1日", reference: "1930-06-01") == 1924)
        #expect(year("24年3月1日交付，本合同于1925年1月1日签订。", reference: "2020-01-01") == 1924)
    }

    /// Every entity records the rule that made it, and ranges, bounds and compounds resolve.
    @Test func provenanceAndResolution() throws {
        let analyzer = try TestSupport.analyzer()
        let doc = analyzer.analyze(text: "租期三年零五个月，租金四到六万元，自2024年5月6日至6月30日，试用期不超过六个月，年利率下调2个百分点。")
        let all = EntityExtractor(knowledge: analyzer.knowledge).extract(doc)
        #expect(all.allSatisfy { !$0.rule.isEmpty })
        #expect(all.contains { $0.rule == "duration.compound" && $0.value?.iso == "P3Y5M" && $0.value?.amount == 41 })
        #expect(all.contains { $0.rule == "money.range" && $0.value?.min == 40000 && $0.value?.max == 60000 })
        #expect(all.contains { $0.rule == "date.range" && $0.value?.start == "2024-05-06" && $0.value?.end == "2024-06-30" })
        #expect(all.contains { $0.rule == "duration.bound" && $0.value?.max == 6 })
        #expect(all.contains { $0.rule == "percentage.point" && $0.value?.unit == "point" })
    }
}
