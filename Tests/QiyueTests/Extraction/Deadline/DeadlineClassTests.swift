import Foundation
import Testing
@testable import Qiyue

/// Classes of deadline wording (issue 13): the event a notice precedes, occurrences that head a
/// condition, coordinated deadlines, bracketed asides, validity durations, the subject of a deadline
/// that leads its clause, and same-day or blank-date wordings that set no deadline.
@Suite struct DeadlineClassTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func deadlines(_ text: String, category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.deadlines.map { d in
            let head = d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" } ?? "date:\(d.date ?? "blank")"
            return "\(head)|\(d.bound)|\(d.obligor ?? "∅")"
        }
    }

    /// A notice ahead of a termination is a deadline before the termination, named after it in the
    /// next phrase or before it in the clause a semicolon continues.
    @Test func noticeBeforeTermination() {
        #expect(deadlines("乙方提前三十日以书面形式通知甲方，可以解除本合同。", category: "labor") == ["termination|30|day|before|乙方"])
        #expect(deadlines("乙方要求解除本合同的，应提前30日以书面形式通知甲方；试用期内提前3日通知甲方。", category: "labor")
            == ["termination|30|day|before|乙方", "termination|3|day|before|乙方"])
    }

    @Test(arguments: [
        ("承运人在运输途中发生交通事故等影响按时送达的情形的，乙方应在2小时内通知甲方。", "occurrence|2|hour|within|乙方"),
        ("验收期内发现的缺陷乙方应在3个工作日内修复。", "occurrence|3|workday|within|乙方"),
        ("入库检验时发现数量不符的，乙方应于24小时内通知甲方。", "occurrence|24|hour|within|乙方"),
        ("甲方逾期付款超过三十日的，乙方应在逾期之日起七日内书面催告。", "occurrence|7|day|within|乙方"),
    ])
    func occurrenceHeadsTheCondition(_ c: (String, String)) {
        #expect(deadlines(c.0) == [c.1])
    }

    /// 并在15日内: a second deadline with no cue of its own shares the first one's event.
    @Test func coordinatedDeadlinesShareTheEvent() {
        #expect(deadlines("受影响一方应在不可抗力发生后5日内通知对方，并在15日内提供证明文件。").map { $0.components(separatedBy: "|")[0] }
            == ["occurrence", "occurrence"])
    }

    @Test func aBracketedAsideIsNoAnchor() {
        #expect(deadlines("质量保证金于缺陷责任期满（竣工验收合格之日起24个月）后14日内由甲方无息返还。") == ["expiry|14|day|within|甲方"])
    }

    @Test(arguments: ["本条规定在合同终止后五年内持续有效。", "乙方离职后两年内，不得向任何第三方披露甲方的客户资料。"])
    func validityIsNoDeadline(_ text: String) {
        #expect(deadlines(text).isEmpty)
    }

    /// The subject right after a deadline that leads its clause acts; not a role after 为 (an object).
    @Test func subjectAfterALeadingDeadline() {
        #expect(deadlines("本合同生效之日起20日内，乙方提交需求说明书。").first == "effective|20|day|within|乙方")
        #expect(deadlines("乙方开具发票后三十日内，甲方支付货款。") == ["invoice|30|day|within|甲方"])
        #expect(deadlines("乙方预存话费到账后24小时内甲方为乙方开通服务。") == ["payment|24|hour|within|甲方"])
        #expect(deadlines("甲方应在合同解除时出具证明，并在15日内为乙方办理档案转移手续。").last == "termination|15|day|within|甲方")
    }

    /// A sentence after a semicolon keeps the subject of the clause before it.
    @Test func semicolonClauseKeepsItsSubject() {
        #expect(deadlines("乙方应于每月5日前支付当月租金；首月租金于本合同签订之日起7日内支付。", category: "lease").last
            == "signing|7|day|within|乙方")
    }

    @Test func creditsAndBlankRangesSetNoDeadline() {
        #expect(deadlines("乙方已支付的定金在支付首付款时抵作首付款的一部分。").isEmpty)
        #expect(deadlines("租赁期限自______年____月____日起至______年____月____日止。", category: "lease").isEmpty)
    }
}

/// Time limits named by a noun, and recurring dates after a preposition before their recurrence word.
@Suite struct DeadlineLimitTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func deadlines(_ text: String) -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: "service").0.deadlines.map { d in
            let head = d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" } ?? "date:\(d.date ?? "blank")"
            return "\(head)|\(d.bound)|\(d.obligor ?? "∅")"
        }
    }

    @Test func aTimeLimitNounSetsDeadlines() {
        #expect(deadlines("乙方承运的货物，运输时限分别为3日、2日，自装车完毕时起算。") == ["other|3|day|within|乙方", "other|2|day|within|乙方"])
    }

    @Test func aRecurringDateAfterAPreposition() {
        #expect(deadlines("甲方于每月25日以银行转账形式支付乙方报酬。") == ["date:---25|on|甲方"])
    }
}

/// Who acts in list items and continued clauses: a heading that names a party, the main clause of
/// the clause a semicolon continues, and 按甲方… as an object; the day a work must be complete.
@Suite struct DeadlineObligorLayoutTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func deadlines(_ text: String, category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.deadlines.map { d in
            let head = d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" } ?? "date:\(d.date ?? "blank")"
            return "\(head)|\(d.bound)|\(d.obligor ?? "∅")"
        }
    }

    @Test func aHeadingNamesTheSubjectOfItsItems() {
        #expect(deadlines("第五条　乙方的义务\n1. 按甲方统一标准装修门店，并于本合同签订之日起45日内开业；\n2. 按时缴纳管理费。")
            == ["signing|45|day|within|乙方"])
    }

    /// 5.2 … / 5.3 …: decimal-numbered items chain back to the item that names the payer.
    @Test func decimalItemsShareTheirSubject() {
        #expect(deadlines("5.2 进度款：甲方应在收到乙方付款申请后28日内支付已完工程量价款的75%。\n5.3 竣工结算：工程竣工验收合格后30日内，支付至结算价款的97%。", category: "other_contract")
            == ["notice|28|day|within|甲方", "acceptance|30|day|within|甲方"])
    }

    @Test func aContinuedClauseKeepsItsMainSubject() {
        #expect(deadlines("甲方交车当日，乙方支付车款二万元；余款五千元于过户手续办理完毕后五日内付清。").last == "transfer|5|day|within|乙方")
    }

    @Test func theDayAWorkMustBeComplete() {
        #expect(deadlines("乙方应自2025年3月1日开工，至2025年6月30日竣工。", category: "other_contract") == ["date:2025-06-30|on|乙方"])
        #expect(deadlines("租赁期限自2025年3月1日起至2026年2月28日止。", category: "lease").isEmpty)
    }
}

/// The event of a deadline after an approval joined by 并经 is the approval (other); a receipt names its event
/// by what is received even when a weaker cue follows inside it.
@Suite struct DeadlineJoinedEventTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func anchors(_ text: String) -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: "service").0.deadlines.compactMap { d in
            d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))" }
        }
    }

    @Test(arguments: [
        ("甲方应在收到乙方付款申请并经监理审核后21日内支付。", "other|21"),
        ("工程竣工验收合格且结算审定后30日内，甲方支付至结算价款的95%。", "acceptance|30"),
        ("甲方在收到发票并经财务审核之日起15个工作日内付款。", "other|15"),
        ("服务期满并经甲方验收合格后15个工作日内，甲方支付剩余款项。", "acceptance|15"),
        ("甲方应在收到乙方书面验收申请之日起10日内组织验收。", "notice|10"),
        ("甲方在收到发票之日起15日内付款。", "invoice|15"),
        ("温度异常时乙方应立即采取措施并于1小时内通知甲方。", "occurrence|1"),
    ])
    func joinedEvents(_ c: (String, String)) {
        #expect(anchors(c.0) == [c.1])
    }
}

/// A joint subject right after a deadline acts jointly; a negated notice is a breach, not a deadline.
@Suite struct DeadlineJointAndBreachTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func deadlines(_ text: String, category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.deadlines.map { d in
            let head = d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" } ?? "date:\(d.date ?? "blank")"
            return "\(head)|\(d.bound)|\(d.obligor ?? "∅")"
        }
    }

    @Test func aJointSubjectAfterTheDeadline() {
        #expect(deadlines("服务期满前两个月，双方协商续约事宜。") == ["expiry|2|month|before|both"])
    }

    @Test func aNegatedNoticeIsABreach() {
        #expect(deadlines("乙方未提前30日通知即离职的，应向甲方支付违约金。", category: "labor").isEmpty)
    }
}
