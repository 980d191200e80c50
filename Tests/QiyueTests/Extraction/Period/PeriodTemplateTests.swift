import Foundation
import Testing
@testable import Qiyue

/// Blank template periods, and the contract's term under a heading that names its kind.
@Suite struct PeriodTemplateTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func periods(_ text: String, category: String = "service") -> [Period] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.periods
    }

    @Test(arguments: ["租赁期限自______年____月____日起至______年____月____日止。", "本合同有效期____年。"])
    func aBlankPeriodIsKeptAsBlank(_ text: String) throws {
        let p = try #require(periods(text, category: "lease").first)
        #expect(p.blank == true)
        #expect(p.duration == nil && p.start == nil)
    }

    @Test func markupIsNoBlank() {
        #expect(periods("试用期内提前 **3日** 通知甲方。", category: "labor").allSatisfy { $0.blank == nil })
    }

    @Test func aHeadingNamesTheTermKind() {
        #expect(periods("第三条　服务期限\n本合同期限自2025年7月1日起至2026年6月30日止。").map(\.kind) == ["service_term"])
    }

    /// The evaluator matches a gold period left blank (no dates, no amount) with a blank period of its kind.
    @Test func blankGoldMatchesABlankPeriod() throws {
        let gold = try JSONDecoder().decode(FactEvaluation.Gold.Per.self, from: Data(#"{"kind": "lease_term", "amount": null, "unit": null}"#.utf8))
        let blank = Period(kind: "lease_term", start: nil, end: nil, duration: nil, text: "", span: TextSpan(0, 0), blank: true)
        let filled = Period(kind: "lease_term", start: nil, end: nil, duration: .init(amount: 2, unit: "year"), text: "", span: TextSpan(0, 0))
        #expect(FactEvaluation.periodMatches(gold, blank))
        #expect(!FactEvaluation.periodMatches(gold, filled))
    }
}
