import Foundation
import Testing
@testable import Qiyue

/// Classes of deadline wording (issue 13): the event a notice precedes, occurrences that head a
/// condition, coordinated deadlines, bracketed asides, validity durations, the subject of a deadline
/// that leads its clause, and same-day or blank-date wordings that set no deadline.
@Suite struct DeadlineClassTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

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
