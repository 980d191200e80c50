import Foundation
import Testing
@testable import Qiyue

/// Who acts when the time clause names someone else (应在乙方书面通知后5日内), and when the sentence
/// names no one: the one party on the side that does the act (a payment, a delivery or completion);
/// the one notified (经甲方书面通知后); the party of a duty heading above; the subject is not sought in a
/// later condition or obligation.
@Suite struct DeadlineObligorClauseTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func whoGivesTheNoticeInTheTimeClauseDoesNotAct() {
        #expect(deadlines("甲方采购的材料应在乙方书面通知后5日内运抵现场。", category: "other_contract") == ["notice|5|day|within|甲方"])
        #expect(deadlines("双方应于甲方报送资料后30日内共同办理登记。", category: "other_contract") == ["other|30|day|within|both"])
    }

    /// A role inside a time clause that opens its phrase (于甲方出具…后, 在接到乙方…后) does the event
    /// counted from; the subject before it acts — but one who receives (在甲方收到发票之日起) acts itself.
    @Test func aRoleInsideAnOpeningTimeClauseDoesNotAct() {
        #expect(deadlines("水电费由乙方承担，于甲方出具缴费通知后 7 日内结清。", category: "other_contract") == ["notice|7|day|within|乙方"])
        #expect(deadlines("甲方负责房屋主体结构的维修，在接到乙方报修通知后 48 小时内安排维修。", category: "other_contract")
            == ["notice|48|hour|within|甲方"])
        #expect(deadlines("余款凭乙方结算单及发票，在甲方收到发票之日起10个工作日内付清。") == ["invoice|10|workday|within|甲方"])
    }

    @Test func aSubjectOutsideATimeClauseStillActs() {
        #expect(deadlines("乙方签订本合同后5日内支付押金。", category: "lease") == ["signing|5|day|within|乙方"])
        #expect(deadlines("甲方应在收到乙方发票后30日内付款。") == ["invoice|30|day|within|甲方"])
    }

    /// A role that heads a condition after the time clause (乙方如无违约情事) is not who acts; the role
    /// with a modal after the condition is.
    @Test func aConditionBetweenTheTimeAndTheActor() {
        #expect(deadlines("本合同终止之日起三十日内，乙方如无违约情事，甲方应将保证金无息返还乙方。", category: "other_contract")
            == ["termination|30|day|within|甲方"])
        #expect(deadlines("收到货款之日起五日内，乙方若未提出异议，甲方应开具发票。", category: "sale_of_goods")
            == ["payment|5|day|within|甲方"])
        // 如期 / 如数 are no conditions: the role that leads the clause acts.
        #expect(deadlines("收到通知之日起三日内，乙方如期派员到场，甲方应提供必要的工作条件。") == ["notice|3|day|within|乙方"])
    }

    @Test func theOneNotifiedActs() {
        #expect(deadlines("经甲方书面通知后十五日内仍未改正者，视为违约。") == ["notice|15|day|within|乙方"])
    }

    /// A later condition (如…) or a later obligation with its own subject and time names no one here.
    @Test func aLaterConditionOrObligationBoundsTheSubject() {
        #expect(deadlines("剩余款项于2026年6月30日前支付，如期间发现甲方隐瞒债务，乙方有权扣除。", category: "sale_of_goods")
            == ["date:2026-06-30|before|乙方"])
        #expect(deadlines("履约保证金于签约时交付甲方，合同期满时甲方应于三十日内无息返还。")
            == ["signing|0|day|on|乙方", "expiry|30|day|within|甲方"])
    }

    @Test func aRoleInTheActsObjectDoesNotAct() {
        #expect(deadlines("开发计划：\n3. 2026年6月30日前，完成甲方产线现场部署。") == ["date:2026-06-30|before|乙方"])
    }

    @Test func theSameDateForAnotherParty() {
        #expect(deadlines("甲、乙两方应于2025年6月20日前将出资款存入合伙账户，丙方应于同日前将出资设备交付至经营场所。", category: "other_contract")
            == ["date:2025-06-20|before|both", "date:2025-06-20|before|丙方"])
    }

    /// Under a heading naming a party's duties, a sentence no role leads or binds is that party's.
    @Test func aDutyHeadingNamesWhoActs() {
        #expect(deadlines("第三部分 乙方责任\n第十七条 对甲方清算有疑问时应于3个工作日内向甲方书面提出。", category: "other_contract")
            == ["other|3|workday|within|乙方"])
        #expect(deadlines("第三部分 乙方责任\n第十八条 甲方应于每月5日前出具对账单。", category: "other_contract")
            == ["date:---05|before|甲方"])
        #expect(deadlines("第三部分 乙方责任\n第十九条 货到后10日内，甲方支付货款。", category: "other_contract")
            == ["delivery|10|day|within|甲方"])
        // An article further up holds its own sentences: 第七条's any-party notice is no one party's.
        #expect(deadlines("第五条 甲方的义务\n1. 甲方应按约定支付维保费。\n第六条 违约责任\n1. 甲方逾期付款的，按日支付违约金。\n第七条 合同解除\n任何一方提前解除本合同的，应提前 30 日书面通知对方，并结清已发生的维保费用。")
            == ["termination|30|day|before|∅"])
    }

    @Test func noSubjectFallsToTheSideThatActs() {
        #expect(deadlines("履约保证金：人民币2万元，于签订本合同时同时支付。") == ["signing|0|day|on|甲方"])
        #expect(deadlines("开发计划：\n1. 2026年3月31日前，完成系统上线。") == ["date:2026-03-31|before|乙方"])
        // An act of neither kind names no one.
        #expect(deadlines("一方地址变更的，应于变更后5日内书面通知对方。") == ["occurrence|5|day|within|∅"])
    }
}
