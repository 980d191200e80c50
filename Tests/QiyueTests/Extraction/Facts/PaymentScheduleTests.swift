import Foundation
import Testing
@testable import Qiyue

/// The payment schedule: instalments with shares or amounts and their triggers, checked to add up.
@Suite struct PaymentScheduleTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func document(_ body: String) -> DocumentFacts {
        pipeline.report(text: "技术服务合同\n甲方：上海某某科技有限公司\n乙方：杭州某某信息技术有限公司\n" + body, category: "service").0.document
    }

    @Test func sharesWithTriggers() throws {
        let d = document("""
            第三条 合同总金额为人民币735000元，甲方按以下方式付款：
            （1）本合同签订之日起15个工作日内，甲方支付合同总金额的30%，即220500元；
            （2）系统上线后15个工作日内，支付合同总金额的40%，即294000元；
            （3）验收合格后15个工作日内，支付剩余30%，即220500元。
            """)
        let s = try #require(d.paymentSchedule)
        #expect(s.map(\.trigger) == ["signing", "other", "acceptance"])
        #expect(s.compactMap(\.share).map { ($0 * 100).rounded() } == [30, 40, 30])
        #expect(s.map(\.amount) == [220500, 294000, 220500])
        #expect(d.paymentScheduleAddsUp == true)
    }

    @Test func cumulativeShareCountsWhatItAdds() throws {
        let d = document("""
            1. 合同签订后7日内，甲方支付合同价款的10%；
            2. 主体完工后14日内，支付合同价款的40%；
            3. 竣工验收合格后28日内，累计支付至合同价款的95%；
            4. 剩余5%作为质量保证金，保修期满后14日内无息退还。
            """)
        let s = try #require(d.paymentSchedule)
        #expect(s.compactMap(\.share).map { ($0 * 100).rounded() } == [10, 40, 45, 5])
        #expect(d.paymentScheduleAddsUp == true)
    }

    @Test func sharesThatDoNotAddUpAreAFinding() throws {
        let text = "技术服务合同\n甲方：上海某某科技有限公司\n乙方：杭州某某信息技术有限公司\n合同总价款为人民币100000元，甲方按以下方式付款：\n（1）本合同签订之日起10日内，支付合同总价款的30%；\n（2）验收合格后15日内，支付合同总价款的60%。"
        let r = pipeline.report(text: text, category: "service").0
        #expect(r.document.paymentScheduleAddsUp == false)
        #expect(r.risks.contains { $0.rule == "payment-schedule-mismatch" })
    }

    @Test func oneTotalPaidAtOnceIsNoSchedule() {
        #expect(document("合同总价款为人民币100000元，甲方于验收合格后一次性付清。").paymentSchedule == nil)
    }

    @Test func penaltyRatesAreNoInstalments() throws {
        let d = document("""
            甲方于合同签订后10日内支付合同总价的50%，验收合格后10日内支付其余50%。
            甲方逾期付款的，每逾期一日按未付金额的万分之五支付违约金。
            """)
        let s = try #require(d.paymentSchedule)
        #expect(s.count == 2)
    }
}

/// An invoice that only starts the clock gives way to the event the sentence names; template
/// blanks are instalments without an amount.
@Suite struct PaymentScheduleTriggerTests {
    @Test func acceptanceBeforeTheInvoice() throws {
        let text = "设备采购合同\n买方（甲方）：某某公司\n卖方（乙方）：某某设备公司\n第四条 付款\n1. 合同签订后7个工作日内，甲方支付合同总价的30%；\n2. 全部货物验收合格后，甲方收到乙方开具的发票之日起30个工作日内支付合同总价的70%。\n"
        let s = try Pipeline().report(text: text, category: "sale_of_goods").0.document.paymentSchedule ?? []
        #expect(s.map(\.trigger) == ["signing", "acceptance"])
    }

    @Test func blankInstalmentsOfATemplate() throws {
        let text = "房屋买卖合同\n出卖人（甲方）：________\n买受人（乙方）：________\n第三条 付款\n1. 乙方于____年__月__日前支付首付款人民币________元；\n2. 乙方于____年__月__日前支付剩余房款人民币________元。\n"
        let s = try Pipeline().report(text: text, category: "house_sale").0.document.paymentSchedule ?? []
        #expect(s.count == 2)
        #expect(s.allSatisfy { $0.amount == nil && $0.share == nil })
    }
}

/// A rate that sets a fee (按成交价的1.5%支付居间服务费) is not an instalment of the price.
@Suite struct PaymentScheduleFeeRateTests {
    @Test func aFeeRateIsNoShare() throws {
        let text = "房屋居间合同\n委托人（甲方）：张三\n居间人（乙方）：某某房产经纪有限公司\n3.1 甲方与出卖人签订房屋买卖合同的，甲方应按成交价的 1.5% 向乙方支付居间服务费。\n3.2 服务费于房屋买卖合同签订之日起3日内支付50%，于转移登记之日起3日内支付其余50%。\n"
        let s = try Pipeline().report(text: text, category: "service").0.document.paymentSchedule ?? []
        #expect(s.compactMap(\.share) == [0.5, 0.5])
    }
}
