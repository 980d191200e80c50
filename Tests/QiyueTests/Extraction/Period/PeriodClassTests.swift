import Foundation
import Testing
@testable import Qiyue

/// Classes of period wording (issue 13): notice periods to end a contract, acceptance periods from
/// acceptance deadlines, fees named after a period, a category's reading of a kind, restriction and
/// validity periods, and a written length beside dates.
@Suite struct PeriodClassTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func periods(_ text: String, category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.periods.map { p in
            if p.start != nil || p.end != nil { return "\(p.kind)|\(p.start ?? "∅")..\(p.end ?? "∅")|\(FactEvaluation.num(p.duration?.amount))" }
            return "\(p.kind)|\(FactEvaluation.num(p.duration?.amount))|\(p.duration?.unit ?? "∅")"
        }
    }

    @Test func aNoticePeriodEndsTheContract() {
        #expect(periods("乙方解除本合同，应提前三十日书面通知甲方。", category: "labor") == ["notice|30|day"])
        #expect(periods("任何一方可给予对方一个月书面通知终止合约。", category: "labor") == ["notice|1|month"])
        #expect(periods("乙方提前还款的，应提前15日书面通知甲方。", category: "loan").isEmpty)
        #expect(periods("甲方应提前24小时通知乙方入库计划。").isEmpty)
    }

    /// A trial at work (试岗期, 试工期) is a probation; ending an internship early is a termination
    /// whose notice is a notice period; a remark after a range's first date keeps the range.
    @Test func trialsEarlyEndsAndRemarksInARange() {
        #expect(periods("乙方实习岗位为测试助理。前两周为试岗期，试岗不合格的，甲方可调整岗位。", category: "labor") == ["probation|2|week"])
        #expect(periods("乙方因个人原因需提前结束实习的，应提前 7 日书面通知甲方。", category: "labor") == ["notice|7|day"])
        #expect(periods("租赁期限自 2027 年 1 月 15 日（起租日）起至 2029 年 1 月 15 日止。", category: "lease") == ["lease_term|2027-01-15..2029-01-15|2"])
    }

    /// The term of a brokerage, a financing or an advertising run is a service or loan term; a
    /// contract's own term may be its 合同期间 / 合约期间.
    @Test func termsNamedByWhatTheContractBuys() {
        #expect(periods("居间期限自2026年4月1日起至2026年6月30日止。") == ["service_term|2026-04-01..2026-06-30|3"])
        #expect(periods("代言期限自 2027 年 1 月 1 日起至 2027 年 12 月 31 日止。").first?.hasPrefix("service_term|2027-01-01..2027-12-31") == true)
        #expect(periods("三、发布期限：自2026年11月1日起至2027年1月31日止。") == ["service_term|2026-11-01..2027-01-31|3"])
        #expect(periods("融资期限为180日，自融资款实际发放之日起计算。", category: "other_contract") == ["loan_term|180|day"])
        #expect(periods("本合约期间自2026年7月1日起至2031年6月30日止，共计五年。", category: "other_contract").first?.hasPrefix("contract_term|2026-07-01..2031-06-30") == true)
    }

    /// A thing's own validity (交强险有效期至…, 专利权有效期至…) is no period of the contract; the
    /// contract's own (本合同有效期至…) still is.
    @Test func aThingsValidityIsNoPeriod() {
        #expect(periods("车辆识别代号：LFV2A21K6M3049187；交强险有效期至2027年6月30日。", category: "vehicle_sale").isEmpty)
        #expect(periods("授权公告日：2022 年 3 月 18 日；专利权有效期至 2039 年 8 月 11 日。", category: "other_contract").isEmpty)
        #expect(periods("本合同有效期至2027年12月31日。", category: "other_contract").first?.hasPrefix("contract_term|") == true)
    }

    @Test func acceptanceDeadlinesAreAcceptancePeriods() {
        #expect(periods("需方应在货到后3日内验收。", category: "sale_of_goods") == ["acceptance|3|day"])
        #expect(periods("甲方应在接到通知后2日内组织验收。") == ["acceptance|2|day"])
        #expect(periods("验收不合格的，乙方应于十四日内改善完成并再行申请验收。").isEmpty)
    }

    @Test func aFeeNamedAfterAPeriodIsNoPeriod() {
        #expect(periods("合同总价款包括开发费及一年的免费维护费用。").isEmpty)
        #expect(periods("乙方提供一年免费维护。") == ["free_maintenance|1|year"])
    }

    /// A cue followed by the event that starts or ends the period (订阅期开始之日起30日内) names that event:
    /// the duration after it is a time from the event. A subscription term is a service term.
    @Test func aCueNamingAnEventIsNoPeriod() {
        #expect(periods("甲方在订阅期开始之日起30日内提出退订的，乙方退还已付订阅费的80%。").isEmpty)
        #expect(periods("首个订阅期为十二个月，自2027年3月1日起至2028年2月29日止。") == ["service_term|2027-03-01..2028-02-29|12"])
    }

    @Test func aLabourServicePeriodIsTheTrainingBond() {
        #expect(periods("乙方参加专项培训的，约定服务期为培训结束后两年。", category: "labor") == ["other|2|year"])
        #expect(periods("服务期限为两年。") == ["service_term|2|year"])
    }

    @Test func aTrainingContractsTermIsItsServiceTerm() {
        // The course a training provider gives is the service; in a labour contract it is training time.
        #expect(periods("培训期限为四个月。") == ["service_term|4|month"])
        #expect(periods("培训期限为四个月。", category: "labor") == ["other|4|month"])
        // The term of maintenance bought (维保期限) is a service term, not free maintenance; so are a
        // heating season's supply (供热期限), also when a hard wrap splits the range.
        #expect(periods("维保期限自2027年4月1日起至2029年3月31日止。") == ["service_term|2027-04-01..2029-03-31|2"])
        #expect(periods("本采暖期供热期限自 2026 年 11 月 1\n日起至 2027 年 3 月 31 日止。") == ["service_term|2026-11-01..2027-03-31|5"])
        // A public institution's appointment (聘用期) is the labour term.
        #expect(periods("聘用期自2027年1月1日起至2031年12月31日止。", category: "labor") == ["labor_term|2027-01-01..2031-12-31|5"])
    }

    @Test(arguments: [
        ("乙方在本合同履行完毕后三年内不得从事同类业务。", "other|3|year"),
        ("乙方离职后两年内，不得向任何第三方披露甲方商业秘密。", "confidentiality|2|year"),
        ("乙方应保守甲方的工作秘密，本合同终止后两年内仍负有保密义务。", "confidentiality|2|year"),
        ("乙方对本剧内容负保密义务，于本合约终止后三年内均不得泄漏。", "confidentiality|3|year"),
        ("双方对知悉的商业秘密负有保守义务。本条规定在合同终止后五年内持续有效。", "confidentiality|5|year"),
    ])
    func restrictionsArePeriods(_ c: (String, String)) {
        #expect(periods(c.0) == [c.1])
    }

    /// 自…开工，至…竣工，工期共计77天: one period with its dates and the length written.
    @Test func aWrittenLengthBesideDatesIsOnePeriod() {
        #expect(periods("工期：自2025年8月10日开工，至2025年10月25日竣工，工期共计77天。") == ["construction|2025-08-10..2025-10-25|77"])
    }

    @Test func aWarehousingTermIsAServiceTerm() {
        #expect(periods("仓储期限自2025年9月1日起至2026年8月31日止。") == ["service_term|2025-09-01..2026-08-31|1"])
    }
}
