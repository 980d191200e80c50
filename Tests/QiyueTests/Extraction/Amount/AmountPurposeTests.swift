import Testing
@testable import Qiyue

/// Purpose cues added for charges named by 费, 造价, a kind before a total word, and a share paid
/// without a cue.
@Suite struct AmountPurposeTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func purposes(_ text: String, _ category: String = "service") -> [String] {
        pipeline.report(text: "服务合同\n甲方：某某科技有限公司\n乙方：某某信息有限公司\n" + text, category: category).0.amounts.map(\.purpose)
    }

    @Test(arguments: [
        "5.2 装卸费：每吨人民币28.00元，按实际发生量结算。",
        "3.1 加盟费：人民币 8 万元（大写：捌万元整）。",
        "其中安全文明施工费人民币伍拾捌万元整。",
        "乙方可以按每托盘每日人民币5元加收仓储费。",
    ])
    func anyNamedCharge(_ text: String) {
        #expect(purposes(text) == ["fee"])
    }

    /// …元作为X: what the sum is named as decides; a name no purpose word covers is `other`, whatever
    /// cue (预付) came before.
    @Test func namedAsSomethingElse() {
        #expect(purposes("甲方应于本合同签订之日起5日内向乙方预付人民币15,000元作为差旅备用金。") == ["other"])
        #expect(purposes("甲方应于签订之日起5日内支付人民币10,000元作为本合同的定金。") == ["deposit"])
        // A specific cue before the sum still decides; a cue inside the name does not.
        #expect(purposes("乙方应向甲方交纳押金人民币5,000元作为乙方按期支付租金的担保。", "lease") == ["security_deposit"])
        #expect(purposes("乙方向甲方支付定金人民币20,000元作为履约担保。") == ["deposit"])
        #expect(purposes("甲方预付人民币3,000元作为按期支付服务费的保证。") == ["other"])
    }

    /// A sum per unit of a service that no cue names is a fee, or what a cue later in its phrase names;
    /// per unit of goods (a unit price), per month (a periodic sum) or under a bound it is no rate.
    @Test func ratesPerUnitOfAService() {
        #expect(purposes("2. 超出行程单约定里程的，按每公里 6 元另计。") == ["fee"])
        #expect(purposes("1. 上海—杭州，9.6 米冷藏车，每车次人民币 2,800 元。") == ["fee"])
        #expect(purposes("3. 委托人要求的附加工作，按每人每日人民币 1,200 元另行计取附加工作酬金。") == ["fee"])
        #expect(purposes("乙方应为承运货物投保货物运输险，保险金额每车不低于人民币300,000元。") == ["other"])
        #expect(purposes("甲方另按实际出勤每日发放午餐补助人民币 30 元。") == ["other"])
        #expect(purposes("2. 菜籽油：150桶，单价每桶人民币叁佰元（¥300）。", "sale_of_goods") == ["other"])
    }

    /// A stage before a price names the part of it paid, across a percentage (剩余 10% 勘察费) or as the
    /// label of the item (预付款：…总价款的30%，即…).
    @Test func aStageBeforeAShareOfThePrice() {
        #expect(purposes("合同总价款为人民币100万元。（4）剩余 10% 勘察费即人民币壹拾万元整（¥100,000.00），在验收合格后支付。").last == "balance")
        #expect(purposes("合同总价款为人民币638,000元。（1）预付款：合同签订之日起3日内支付总价款的30%，即人民币191,400元；").last == "down_payment")
    }

    /// Taiwan's 押租金 (a lease's security deposit) is no rent, though 租金 is inside it.
    @Test func aTaiwanLeaseDeposit() {
        #expect(purposes("乙方應於簽訂本契約時交付押租金新臺幣壹拾柒萬貳仟元整（NT$172,000），相當於二個月租金。", "lease") == ["security_deposit"])
    }

    @Test func constructionCost() {
        #expect(purposes("3.1 本工程总造价为人民币壹拾捌万陆仟元整。") == ["total_price"])
    }

    @Test func aKindBeforeATotalWord() {
        #expect(purposes("月租金为人民币8,500元，年租金合计人民币102,000元。", "lease") == ["rent", "rent"])
    }

    @Test func aSharePaidWithoutACue() {
        let p = purposes("设计费总额为人民币45,000元。签订后3个工作日内，甲方支付 50%，即人民币 22,500 元；交付后甲方支付剩余 50%，即人民币 22,500 元。")
        #expect(p == ["total_price", "installment", "balance"])
    }

    @Test func wagesAndLoans() {
        #expect(purposes("考核优秀的，发放年度奖励性绩效人民币贰万元。", "labor") == ["wage"])
        #expect(purposes("甲方同意出借乙方人民币拾万元整。", "loan") == ["loan_principal"])
    }

    /// A bond measured as a share of the price is the bond, not a part of the price, nor an instalment.
    @Test func aBondMeasuredAsAShareOfThePrice() {
        let text = "合同总金额为人民币2,386,000元。\n乙方应在本合同签订之日起5个工作日内向甲方提交履约保证金，金额为合同总金额的5%，即人民币119,300元。\n"
        #expect(purposes(text, "sale_of_goods") == ["total_price", "security_deposit"])
        let schedule = pipeline.report(text: "采购合同\n甲方：某某学校\n乙方：某某有限公司\n" + text, category: "sale_of_goods").0.document.paymentSchedule ?? []
        #expect(!schedule.contains { $0.share == 0.05 })
    }

    /// A sum with one bound states its figure as the value, the bound kept; a range has no value.
    @Test func aBoundedSumStatesItsFigure() {
        let a = pipeline.report(text: "服务合同\n甲方：某某科技有限公司\n乙方：某某信息有限公司\n乙方应投保货物运输险，保险金额每车不低于人民币300,000元。差旅费每月不超过人民币1.5万元。服务费为1万-5万元。", category: "service").0.amounts
        #expect(a.map(\.value) == [300000, 15000, nil])
        #expect(a[0].min == 300000 && a[1].max == 15000 && a[2].min == 10000 && a[2].max == 50000)
    }
}
