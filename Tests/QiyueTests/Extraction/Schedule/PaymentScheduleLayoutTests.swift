import Testing
@testable import Qiyue

/// Schedules beyond shares of a price: a principal repaid in parts, retention kept from the price,
/// the rest paid without a figure, triggers named before the verb, deadlines of another act, a
/// cumulative share after sums, and a 定金 as a share of the price.
@Suite struct PaymentScheduleLayoutTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func schedule(_ body: String, _ category: String = "service") -> [Instalment] {
        pipeline.report(text: "合同\n甲方：某某科技有限公司\n乙方：某某信息有限公司\n" + body, category: category).0.document.paymentSchedule ?? []
    }

    @Test func aPrincipalRepaidInParts() {
        let s = schedule("""
            乙方向甲方借款人民币伍拾万元整。
            1. 乙方应于2026年3月31日前归还本金人民币20万元；
            2. 乙方应于2026年9月30日前偿还剩余本金人民币30万元。
            """, "loan")
        #expect(s.map(\.amount) == [200000, 300000])
        #expect(s.map(\.trigger) == ["date", "date"])
    }

    @Test func retentionIsTheLastInstalment() {
        let s = schedule("""
            合同总价为人民币100万元。
            1. 签订后10日内，甲方支付合同总价的60%；
            2. 验收合格后10日内，甲方支付合同总价的35%；
            3. 合同总价的5%即人民币5万元作为质保金，质保期满后15日内甲方无息支付。
            """)
        #expect(s.compactMap(\.share).map { ($0 * 100).rounded() } == [60, 35, 5])
    }

    @Test func aPerformanceBondIsNoInstalment() {
        let s = schedule("""
            合同总价为人民币100万元。签订后10日内，甲方支付合同总价的50%；验收合格后10日内，甲方支付合同总价的50%。
            乙方应于签订后7日内向甲方缴纳合同总价5%的履约保证金人民币5万元，验收后无息返还。
            """)
        #expect(s.count == 2)
    }

    @Test func theRestWithoutAFigure() {
        let s = schedule("甲方于签订本合同之日起5日内支付服务费的40%，于成果交付之日起5日内支付余款。")
        #expect(s.compactMap(\.share).map { ($0 * 100).rounded() } == [40, 60])
        #expect(s.map(\.trigger) == ["signing", "delivery"])
    }

    @Test func theEventNearestBeforeTheVerb() {
        let s = schedule("""
            合同总价为人民币10万元。
            1. 签订后5日内，甲方支付首期款人民币3万元；
            2. 服务期满并经甲方验收合格后，甲方支付剩余款项人民币7万元。
            """)
        #expect(s.map(\.trigger) == ["signing", "acceptance"])
    }

    @Test func aDeadlineOfAnotherActIsNotTheInstalments() {
        let s = schedule("""
            房屋总价款为人民币300万元。
            1. 买受人应于2026年2月1日前支付首付款人民币90万元；
            2. 剩余房款人民币210万元由买受人以银行按揭方式支付，买受人应于2026年2月15日前向银行提交按揭申请材料。
            """, "house_sale")
        #expect(s.map(\.trigger) == ["date", "other"])
    }

    @Test func aCumulativeShareAfterSums() {
        let s = schedule("""
            工程总价为人民币20万元。
            （1）开工前，甲方支付工程款人民币6万元；
            （2）中期验收合格后，甲方支付工程款人民币8万元；
            （3）竣工验收合格后，甲方支付至工程总价的95%；
            （4）剩余工程款人民币1万元作为质量保证金，保修期满后由甲方无息支付。
            """, "other_contract")
        #expect(s.compactMap(\.share).map { ($0 * 100).rounded() } == [30, 40, 25, 5])
    }

    @Test func aDepositIsAShareOfThePrice() {
        let s = schedule("""
            合同总价为人民币40万元。签订之日起3日内，甲方支付定金人民币8万元，定金抵作价款。
            交付验收后10日内，甲方支付剩余价款人民币32万元。
            """, "sale_of_goods")
        #expect(s.compactMap(\.share).map { ($0 * 100).rounded() } == [20, 80])
    }

    @Test func progressPaymentsOfWorkDoneHaveNoShare() {
        let s = schedule("""
            1. 签约后10日内，发包人支付签约合同价的20%作为预付款；
            2. 每月按已完成工作量的70%支付进度款；
            3. 竣工结算后28日内，发包人支付至结算价的95%；
            4. 结算价的5%作为质量保证金，缺陷责任期满后14日内返还。
            """, "other_contract")
        #expect(s.map { $0.share.map { ($0 * 100).rounded() } } == [20, nil, nil, 5])
    }

    @Test func twoSumsInOneSentence() {
        let s = schedule("该车辆作价 元，乙方于 年 月 日前交付首付款 元，余款 元于2026年 月 日之前付清。", "vehicle_sale")
        #expect(s.count == 2)
        #expect(s.map(\.trigger) == ["date", "date"])
    }

    @Test func aSentenceCutByALineBreak() {
        let s = schedule("""
            房屋总价款为人民币200万元。
            1. 首付款：人民币60万元由乙方于签订之日起5日内支付；
            2. 尾款：剩余房款140万元由乙方于过户完成后7个工作日内
            一次性支付给甲方。
            3. 尾款人民币
            （¥0.00）不另行支付。
            """, "house_sale")
        #expect(s.map(\.amount) == [600000, 1400000])
    }

    /// A markdown payment table: its rows are instalments though no row says 支付 (the header does),
    /// every time in a row is the payer's, and the closing 合计 row is the whole, not a part.
    @Test func aPaymentTableInPipes() {
        let body = """
            本合同总价款为人民币壹拾万元整（¥100,000.00），分三期支付：

            | 期次 | 付款条件 | 比例 | 金额（元） |
            | --- | --- | --- | --- |
            | 第一期 | 本合同签订之日起5个工作日内 | 30% | 30,000.00 |
            | 第二期 | 验收合格后10个工作日内 | 60% | 60,000.00 |
            | 第三期 | 质保期届满后10个工作日内 | 10% | 10,000.00 |
            | 合计 | | 100% | 100,000.00 |
            """
        let report = pipeline.report(text: "合同\n委托方（甲方）：某某科技有限公司\n受托方（乙方）：某某信息有限公司\n" + body, category: "service").0
        let s = report.document.paymentSchedule ?? []
        #expect(s.map(\.share) == [0.3, 0.6, 0.1])
        #expect(s.map(\.trigger) == ["signing", "acceptance", "other"])   // schedule triggers name no expiry
        let rows = report.deadlines.filter { $0.relative?.unit == "workday" }
        #expect(rows.count == 3 && rows.allSatisfy { $0.obligor == "甲方" })
        #expect(!report.amounts.contains { $0.value == 100000 && $0.purpose == "installment" })
    }

    /// The pieces of a list after a colon share its lead: service credits under 支付违约金 are no
    /// instalments, nor is a refund of what was paid.
    @Test func creditsAndRefundsAreNoInstalments() {
        let s = schedule("""
            年度订阅费为人民币96,000元，甲方应于本协议生效之日起10日内一次性支付。
            服务可用性未达标准的，乙方按下列标准向甲方支付违约金：月可用性低于99.9%的，按当月订阅费的10%支付；低于95.0%的，按当月订阅费的50%支付。
            甲方在订阅期开始之日起30日内退订的，乙方退还已付订阅费的80%；超过30日但不超过90日的，退还50%。
            """)
        #expect(s.allSatisfy { $0.share == nil })
        #expect(!s.contains { $0.amount != nil && $0.amount != 96000 })
    }
}
