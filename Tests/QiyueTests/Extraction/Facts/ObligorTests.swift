import Foundation
import Testing
@testable import Qiyue

/// The party that must act is the grammatical subject of the obligation, wherever the sentence
/// puts it; dated deadlines include partial and blank dates and due-on dates.
@Suite struct ObligorTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    static let header = "技术服务合同\n甲方：上海某某科技有限公司\n乙方：杭州某某信息技术有限公司\n"

    func deadlines(_ body: String) -> [String] {
        let r = pipeline.report(text: Self.header + body, category: "service").0
        return r.deadlines.map { d in
            let when = d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" } ?? "date:\(d.blank ? "blank" : d.date ?? "?")"
            return "\(when)|\(d.bound)|\(d.obligor ?? "∅")"
        }
    }

    @Test(arguments: [
        // The subject before the deadline, in its phrase before its sentence.
        ("乙方应在对账确认后开具发票，甲方收到发票后30日内付款。", ["invoice|30|day|within|甲方"]),
        ("乙方应于本合同签订之日起10日内交付软件。", ["signing|10|day|within|乙方"]),
        // The subject after the deadline.
        ("合同签订后 7 日内，甲方向乙方支付合同价款的10%。", ["signing|7|day|within|甲方"]),
        // A list item continues its lead-in, or an earlier item.
        ("第三条 付款方式\n甲方按以下方式付款：\n（1）本合同签订之日起15个工作日内，支付30%；\n（2）验收合格后15个工作日内，支付70%。",
         ["signing|15|workday|within|甲方", "acceptance|15|workday|within|甲方"]),
        ("1. 合同签订后7日内，甲方向乙方支付预付款；\n2. 验收合格后14日内，支付进度款。",
         ["signing|7|day|within|甲方", "acceptance|14|day|within|甲方"]),
        // A deadline that ends its phrase: the role with a modal in the next phrase acts.
        ("乙方续存话费到账后24小时内，甲方应为乙方重新开通服务。", ["payment|24|hour|within|甲方"]),
        // 提前…: the event named before the duration when none follows in its phrase.
        ("乙方解除本合同，应当提前三十日以书面形式通知甲方。", ["termination|30|day|before|乙方"]),
        // Only the other party is named, as an object: the one that must act is the other.
        ("签订本协议之日起3日内，一次性付给甲方全部转让款。", ["signing|3|day|within|乙方"]),
    ])
    func obligor(_ c: (String, [String])) {
        #expect(deadlines(c.0) == c.1)
    }

    @Test(arguments: [
        ("乙方应于2025年11月30日完成全部开发工作。", ["date:2025-11-30|on|乙方"]),
        ("甲方每月5日前支付上月服务费。", ["date:---05|before|甲方"]),
        ("乙方于 年 月 日前交付全部成果。", ["date:blank|before|乙方"]),
        ("乙方于2025年6月20日前交付。", ["date:2025-06-20|before|乙方"]),
    ])
    func datedDeadlines(_ c: (String, [String])) {
        #expect(deadlines(c.0) == c.1)
    }

    /// A date that is only mentioned, not due, is no deadline.
    @Test func signingDateIsNoDeadline() {
        #expect(deadlines("本合同于2025年3月1日在上海签订。").isEmpty)
    }
}

/// The seed-page mistakes of the contract-facts issue, as regression tests.
@Suite struct SeedRegressionTests {
    @Test func blankDatesAreDeadlinesWithObligorAndAction() throws {
        let text = "转让协议\n甲方（转让方）：张三\n乙方（受让方）：李四\n乙方于 年 月 日前交付转让款。\n余款于2014年 月 日之前付清。\n该转让自 年 月 日起生效。\n签订本协议之时，一次性付给甲方转让费。"
        let r = try Pipeline().report(text: text, category: "other_contract").0
        let d = r.deadlines.map { "\($0.blank ? "blank" : ($0.date ?? "rel"))|\($0.bound)|\($0.obligor ?? "∅")|\($0.action ?? "∅")" }
        #expect(d.contains("blank|before|乙方|交付转让款"))
        #expect(d.contains { $0.hasPrefix("blank|before|") && $0.hasSuffix("|付清") })
        #expect(d.contains { $0.hasPrefix("blank|after|") && $0.hasSuffix("|生效") })
        #expect(r.deadlines.contains { $0.relative?.anchor == "signing" && $0.bound == "on" && $0.obligor == "乙方" })
    }

    @Test func voipNumberRetentionIsNotTheContractTerm() throws {
        let page = TestSupport.root.appendingPathComponent("Corpus/pages/001_0e04a2577da9ac6d.txt").path
        let reports = try Pipeline().reports(contentsOf: page, split: true)
        let voip = try #require(reports.first { r in r.periods.contains { $0.text.contains("期限为2个月") } })
        #expect(voip.document.contractTermMonths == nil)
        #expect(voip.periods.first { $0.text.contains("期限为2个月") }?.kind == "other")
    }
}

@Suite struct CheckboxOptionTests {
    @Test func anUntickedOptionSetsNoDeadline() throws {
        let text = "劳动合同\n甲方：某某公司\n乙方：张三\n第一条 本合同期限类型为：\n☑ 固定期限：自2025年7月1日起至2026年6月30日止。\n☐ 无固定期限：自 ____ 年 __ 月 __ 日起至法定终止条件出现时止。\n乙方应于 年 月 日前到岗。"
        let r = try Pipeline().report(text: text, category: "labor").0
        #expect(r.deadlines.filter(\.blank).count == 1, "only the blank outside the unticked option")
        #expect(r.deadlines.first { $0.blank }?.action == "到岗")
    }
}

@Suite struct CheckboxOptionReportTests {
    @Test func optionsAreReportedChosenOrNot() throws {
        let text = "劳动合同\n甲方：某某公司\n乙方：张三\n第一条 本合同期限类型为：\n☑ 固定期限：自2025年7月1日起至2026年6月30日止。\n☐ 无固定期限。\n社会保险：■ 已缴纳 □ 未缴纳\n"
        let (r, doc) = try Pipeline().report(text: text, category: "labor")
        let o = try #require(r.document.options)
        #expect(o.map(\.chosen) == [true, false, true, false])
        #expect(o.map(\.text) == ["固定期限：自2025年7月1日起至2026年6月30日止。", "无固定期限。", "已缴纳", "未缴纳"])
        #expect(doc.originalText(o[2].span) == "■ 已缴纳")
    }
}
