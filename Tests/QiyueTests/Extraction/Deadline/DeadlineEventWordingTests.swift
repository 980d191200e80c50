import Foundation
import Testing
@testable import Qiyue

/// The event a deadline counts from, and words that make a time no deadline: an approval by someone
/// after the last cue, a notice that arrives, a weak cue right before the phrase's own 后, the notice of
/// an act, a condition that talks fail, a date that bounds what happened, the first months of a term,
/// a day that is defined, an entitlement after a qualifying time.
@Suite struct DeadlineEventWordingTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func anApprovalBySomeoneIsTheLaterEvent() {
        #expect(deadlines("服务期满三个月经甲方审核确认后15日内，甲方支付尾款。") == ["other|15|day|within|甲方"])
        // An approval that names an anchor keeps it.
        #expect(deadlines("货物经甲方验收合格后10日内，甲方支付货款。", category: "sale_of_goods") == ["acceptance|10|day|within|甲方"])
    }

    /// Goods arriving at or leaving a warehouse (到库, 出库) are deliveries; a plan or an order
    /// received is a request (other).
    @Test func warehouseMovesAndRequestsReceived() {
        #expect(deadlines("保管人应在货物到库后4小时内完成验收。", category: "service") == ["delivery|4|hour|within|保管人"])
        #expect(deadlines("乙方应在接到用车计划后2小时内确认车辆信息。", category: "service") == ["other|2|hour|within|乙方"])
    }

    /// Documents received count as a delivery only from a side that delivers: the client's materials
    /// are an input (other), the provider's report is the delivery.
    @Test func documentsReceivedFromTheClientAreAnInput() {
        #expect(deadlines("乙方应在收到甲方提供的完整资料后 5 个工作日内提交申请。") == ["other|5|workday|within|乙方"])
        #expect(deadlines("甲方应于收到乙方《服务总结报告》之日起 10 个工作日内组织验收。") == ["delivery|10|workday|within|甲方"])
        // With no sender named the document keeps its event.
        #expect(deadlines("甲方应于收到初稿后 5 个工作日内反馈书面意见。") == ["delivery|5|workday|within|甲方"])
    }

    /// The signing of a statement or a record is not the contract's; repayment in full (清偿) is a
    /// payment, a prepayment (提前清偿) an event of its own; a car returned is a delivery; a warning or
    /// a record found is an occurrence; a claim received is a request.
    @Test func eventsNamedByTheirWords() {
        #expect(deadlines("乙方应于对账单签署后5个工作日内开具增值税专用发票。", category: "sale_of_goods") == ["other|5|workday|within|乙方"])
        #expect(deadlines("借款全部清偿之日起 5 日内，甲方应将借条原件返还乙方。", category: "loan") == ["payment|5|day|within|甲方"])
        #expect(deadlines("甲方应于乙方还车之日起30日内退还违章押金。", category: "lease") == ["delivery|30|day|within|甲方"])
        #expect(deadlines("气象部门发布台风预警后 2 小时内，乙方应组织人员对乔木进行加固。") == ["occurrence|2|hour|within|乙方"])
        #expect(deadlines("甲方在查询到违章记录之日起3日内通知乙方。", category: "lease") == ["occurrence|3|day|within|甲方"])
        #expect(deadlines("卖方应于收到买方索赔函之日起10个工作日内答复。", category: "sale_of_goods") == ["other|10|workday|within|卖方"])
        // A notice from an authority (受理通知书, 录取通知书) is no notice between the parties.
        #expect(deadlines("全部商标注册申请取得受理通知书之日起 15 日内，甲方支付委托费用的 50%。") == ["other|15|day|within|甲方"])
    }

    /// 直至全部清偿之日止 ends a span and 至…清偿之日终止 ends the term: neither is a same-day deadline.
    @Test func theDayASpanEndsIsNoDeadline() {
        #expect(deadlines("乙方逾期还款的，应按日万分之五支付逾期利息，直至全部清偿之日止。", category: "loan").isEmpty)
        #expect(deadlines("本合同自双方签字之日起生效，至借款本息全部清偿之日终止。", category: "loan").isEmpty)
    }

    /// The spaces that set off stripped emphasis go with it (须在 **30 分钟** 内).
    @Test func aSpaceBeforeTheBound() {
        #expect(deadlines("接到甲方报修通知后，乙方须在 **30 分钟** 内电话响应。") == ["notice|30|minute|within|乙方"])
    }

    /// 点交 (Taiwan: handing over the premises and fittings) is a delivery.
    @Test func aHandingOverInTaiwanWording() {
        #expect(deadlines("甲方應於點交後三日內將鑰匙交付乙方。", category: "lease") == ["delivery|3|day|within|甲方"])
    }

    /// Tiers of charges by how long before an event something is cancelled are conditions.
    @Test func tiersBeforeAnEventAreConditions() {
        #expect(deadlines("活动开始前 60 日以上取消的，乙方全额退还定金；活动开始前 9 日以内取消的，甲方按费用总额的 60% 支付违约金。").isEmpty)
    }

    @Test func aNoticeThatArrives() {
        #expect(deadlines("乙方应当自甲方解除通知送达之日起10日内退还押金。") == ["notice|10|day|within|乙方"])
    }

    @Test func aWeakCueBeforeThePhrasesOwnStart() {
        #expect(deadlines("甲方应提前48小时通知乙方进场时间，乙方应在设备到达后12小时内完成卸货。")
            == ["other|48|hour|before|甲方", "delivery|12|hour|within|乙方"])
    }

    @Test func theNoticeOfAnActIsBeforeNoAnchor() {
        #expect(deadlines("隐蔽工程完工后，乙方应提前3日通知甲方验收。", category: "other_contract") == ["other|3|day|before|乙方"])
        #expect(deadlines("乙方应提前30日书面通知甲方解除本合同。") == ["termination|30|day|before|乙方"])
    }

    @Test func aTimeForTalksThatFailIsACondition() {
        #expect(deadlines("自一方书面提出协商之日起十五日内协商不成的，任何一方均可向人民法院起诉。").isEmpty)
        #expect(deadlines("争议发生之日起十五日内，双方应协商解决。") == ["occurrence|15|day|within|both"])
    }

    @Test func aDateThatBoundsWhatHappened() {
        #expect(deadlines("2025年6月30日之前所发生的水电费由甲方承担。", category: "lease").isEmpty)
        #expect(deadlines("乙方应于2025年6月30日前支付租金。", category: "lease") == ["date:2025-06-30|before|乙方"])
        // 或之前 (on or before) is due before the date too.
        #expect(deadlines("乙方应于2026年5月1日或之前交付全部成果。") == ["date:2026-05-01|before|乙方"])
    }

    @Test func theFirstMonthsOfATerm() {
        #expect(deadlines("甲方在出借款项时预先扣除前两个月利息。", category: "loan").isEmpty)
        #expect(deadlines("租赁期满前三个月，乙方应书面通知甲方是否续租。", category: "lease") == ["expiry|3|month|before|乙方"])
    }

    /// A time after a qualifying period with a permission word and no duty is an entitlement.
    @Test func anEntitlementAfterAQualifyingTime() {
        #expect(deadlines("乙方于受雇满十二个月后，每年可享有十五天带薪年假。", category: "labor").isEmpty)
        #expect(deadlines("乙方应于受雇满六个月后签订正式劳动合同。", category: "labor") == ["other|6|month|after|乙方"])
    }

    @Test func aDefinedDayIsNoDeadline() {
        #expect(deadlines("借款实际到账之日为借款发放之日。", category: "loan").isEmpty)
    }
}
