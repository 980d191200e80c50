import Testing
@testable import Qiyue

/// Penalties that come with another in a sentence or stand without a figure: a forfeited bond,
/// late interest at a reference rate beside a rate, a proportional 违约金, top-up damages on a
/// continued line, and a cap written in words and figures.
@Suite struct PenaltyCompanionTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func penalties(_ text: String, _ category: String = "service") -> [Penalty] {
        pipeline.report(text: "服务合同\n甲方：某某科技有限公司\n乙方：某某信息有限公司\n第九条 违约责任\n" + text, category: category).0.penalties
    }

    @Test func aForfeitedBondBesideAPenalty() throws {
        let p = penalties("乙方擅自转让经营权的，应向甲方支付违约金人民币3万元，甲方并有权没收履约保证金。")
        #expect(p.map(\.form) == ["fixed", "deposit"])
        #expect(p.map(\.payer) == ["乙方", "乙方"])
    }

    /// The deposit's payer after a semicolon: the party bound to return it double, or the one whose
    /// breach the clause before the semicolon names (the other party only holds the right to end).
    @Test func depositPayersAfterASemicolon() {
        let double = penalties("乙方逾期交货的，每逾期一日，按逾期交付部分货款的千分之一向甲方支付违约金；逾期超过10日的，甲方有权解除合同，乙方应双倍返还定金。", "sale_of_goods")
        #expect(double.map(\.form) == ["periodic", "deposit"])
        #expect(double.map(\.payer) == ["乙方", "乙方"])
        let bond = penalties("乙方逾期支付甲方收益的，每逾期一日，按应付金额的万分之五支付违约金；逾期超过60日的，甲方有权解除合同并没收履约保证金。")
        #expect(bond.map(\.form) == ["periodic", "deposit"])
        #expect(bond.map(\.payer) == ["乙方", "乙方"])
        // The clause before names no breach; the one who may forfeit the bond is paid.
        let right = penalties("季度考核评分低于80分的，乙方应按当季服务费的5%向甲方支付违约金；连续两个季度低于70分的，甲方有权解除本合同，并没收全部履约保证金。")
        #expect(right.map(\.form) == ["one_off", "deposit"])
        #expect(right.map(\.payer) == ["乙方", "乙方"])
    }

    /// The base written right after the payment verb, with no 按 (penalties.yaml `baseVerbs`).
    @Test func aBaseAfterThePaymentVerb() {
        #expect(penalties("任何一方违约的，违约方应向守约方支付合同总价款30%的违约金。").map(\.base) == ["合同总价款"])
        #expect(penalties("乙方未按时到场的，应向甲方支付当期服务费 30% 的违约金。").map(\.base) == ["当期服务费"])
        // A role between the verb and the rate is no base.
        #expect(penalties("乙方应支付甲方20%的违约金。").map(\.base) == [nil])
    }

    @Test func aForfeitedBondAlone() {
        let p = penalties("乙方违反品牌使用规定的，甲方有权扣除加盟保证金。")
        #expect(p.map(\.form) == ["deposit"] && p.first?.payer == "乙方")
        // A 押金 confiscated (没收) is a sanction; one set off against arrears (从押金中扣除) is not.
        #expect(penalties("乙方拖欠租金的，甲方有权没收押金。", "lease").map(\.form) == ["deposit"])
        #expect(penalties("乙方拖欠的租金，甲方有权从押金中扣除。", "lease").isEmpty)
    }

    @Test func lateInterestBesideARate() {
        let p = penalties("乙方逾期还款的，除按约定利率支付逾期利息外，还应按逾期金额每日万分之四支付违约金。", "loan")
        #expect(p.map(\.form) == ["periodic", "periodic"])
        #expect(p.map(\.rate) == [nil, 0.0004])
        // The loan's own interest, continued, is no penalty.
        let q = penalties("乙方逾期还款的，除继续按约定利率支付利息外，还应按逾期金额每日万分之四支付违约金。", "loan")
        #expect(q.map(\.rate) == [0.0004])
    }

    /// A role in the time clause after a modal (乙方应在甲方…之日起15日内) is not the subject: the party
    /// with the modal pays the rate that follows.
    @Test func theRoleInATimeClauseIsNotThePayer() throws {
        let p = penalties("逾期超过90日的，甲方有权解除合同，乙方应在甲方解除通知送达之日起15日内退还全部已付款，并按甲方累计已付款的5%支付违约金。")
        let share = try #require(p.first { $0.rate == 0.05 })
        #expect(share.payer == "乙方" && share.form == "one_off")
    }

    @Test func aProportionalPenalty() throws {
        let p = penalties("乙方在服务期内离职的，应按服务期未履行部分所分摊的培训费用向甲方支付违约金。", "labor")
        try #require(p.count == 1)
        #expect(p[0].form == "one_off" && p[0].rate == nil && p[0].payer == "乙方")
    }

    @Test func topUpDamagesOnAContinuedLine() {
        let p = penalties("任何一方违约的，违约方应按合同总价的20%向守约方支付违约金\n，违约金不足以弥补守约方损失的，违约方还应赔偿守约方的实际损失。")
        #expect(p.count == 1 && p.first?.rate == 0.2)
    }

    @Test func aCapInWordsAndFigures() throws {
        let p = penalties("因乙方原因造成资料遗失的，乙方按资料重建费用赔偿甲方损失，但每份最高不超过人民币贰仟元（¥2,000）。")
        try #require(p.count == 1, "\(p.map(\.text))")
        #expect(p[0].form == "one_off" && p[0].capAmount == 2000)
    }

    @Test func aMultipleOfABase() throws {
        let p = penalties("乙方以次充好的，应按该批货物价款的二倍向甲方赔偿。", "sale_of_goods")
        try #require(p.count == 1)
        #expect(p[0].form == "one_off" && p[0].rate == 2 && p[0].payer == "乙方")
        // 以LPR的四倍为标准 is interest at a reference rate, no multiple.
        let q = penalties("甲方逾期付款的，以一年期贷款市场报价利率的四倍为标准，按日支付逾期利息。")
        #expect(q.map(\.form) == ["periodic"] && q.first?.rate == nil)
        // A cap as a multiple is no penalty.
        #expect(penalties("双方约定的违约金总额不超过实际损失的两倍。").isEmpty)
        // The double of a 定金 is the deposit rule.
        let d = penalties("甲方收取定金后不履行合同的，应按定金的两倍返还乙方。", "sale_of_goods")
        #expect(d.map(\.form) == ["deposit"] && d.first?.payer == "甲方")
    }

    @Test func aSumPerPeriodOfDelay() throws {
        let p = penalties("乙方每延误一天完成安装，应向甲方支付违约金800元。")
        try #require(p.count == 1)
        #expect(p[0].form == "fixed" && p[0].amount == 800 && p[0].per == "day")
    }

    @Test func everyDelayVerbWithEveryPeriod() throws {
        let p = penalties("甲方延期付款的，每延期一周，按未付款的0.5%向乙方支付滞纳金。")
        try #require(p.count == 1)
        #expect(p[0].form == "periodic" && p[0].per == "week" && p[0].rate == 0.005)
    }

    /// The bond's owner named before it pays, whoever takes it (甲方…没收乙方的履约保证金).
    /// A 押金 kept as a sanction (not refunded after a breach) is forfeited; one returned or set off is not.
    @Test func aDepositKeptAsASanction() {
        let p = penalties("乙方擅自转租的，甲方有权解除合同，押金不予退还。", "lease")
        #expect(p.map(\.form) == ["deposit"] && p.first?.payer == "乙方")
        #expect(penalties("租赁期满，乙方结清全部费用的，甲方应将押金无息退还乙方。", "lease").isEmpty)
        // Confiscating (没收) is a sanction whatever the deposit; a set-off (扣除) is not.
        let kept = penalties("乙方逾期支付租金超过 60 日的，甲方有权解除本合同并没收全部租赁保证金。", "lease")
        #expect(kept.map(\.form) == ["deposit"] && kept.first?.payer == "乙方")
        #expect(penalties("乙方未依约提前终止者，押租金不予返还。", "lease").map(\.form) == ["deposit"])
        #expect(penalties("租赁期满后 30 日内，甲方在扣除乙方应付未付的费用后，将保证金余额无息退还乙方。", "lease").isEmpty)
    }

    /// A list set one item per line under a lead that names the 违约金: each item's rate is a
    /// penalty of the lead's payer, and no item is an instalment.
    @Test func aPenaltyListOneItemPerLine() {
        let text = "服务合同\n甲方：陈某\n乙方：某某旅行社有限公司\n第六条 甲方解除合同\n甲方在行程开始前解除合同的，应按下列标准向乙方支付违约金：\n- 出发前 7 日至 4 日解除的，支付旅游费用总额的 20%；\n- 出发前 3 日至 1 日解除的，支付旅游费用总额的 40%；\n- 出发当日解除的，支付旅游费用总额的 60%。\n"
        let r = pipeline.report(text: text, category: "service").0
        #expect(r.penalties.map(\.rate) == [0.2, 0.4, 0.6])
        #expect(r.penalties.allSatisfy { $0.payer == "甲方" && $0.form == "one_off" })
        #expect(r.document.paymentSchedule?.isEmpty ?? true)
    }

    @Test func theOwnerOfAForfeitedBondPays() {
        let p = penalties("逾期超过15日的，甲方有权解除合同，并没收乙方的履约保证金。")
        #expect(p.map(\.form) == ["deposit"] && p.first?.payer == "乙方")
    }

    /// Interest at a rate on arrears is a late-payment penalty with no penalty word (拖欠…计收利息);
    /// the contract's own interest rate is not.
    @Test func interestOnArrears() {
        let p = penalties("如乙方拖欠租金超过十四天，甲方有权就欠款按年息百分之八计收利息，直至全数清付为止。", "lease")
        #expect(p.map(\.form) == ["periodic"] && p.first?.rate == 0.08 && p.first?.payer == "乙方")
        #expect(penalties("借款年利率为7.2%，按月结息，乙方应于每月21日支付当月利息。", "loan").isEmpty)
    }

    /// Service credits listed after a colon: each piece is a penalty of the lead's 违约金 with its own
    /// rate, paid by the lead's payer; the thresholds (低于99.9%) are conditions, not rates.
    @Test func tieredServiceCredits() {
        let p = penalties("服务可用性未达标准的，乙方按下列标准向甲方支付违约金：月可用性低于99.9%但不低于99.0%的，按当月服务费的10%支付；低于99.0%但不低于95.0%的，按当月服务费的25%支付；低于95.0%的，按当月服务费的50%支付。")
        #expect(p.compactMap(\.rate) == [0.1, 0.25, 0.5])
        #expect(p.allSatisfy { $0.payer == "乙方" })
    }

    /// A markup of a rate (上浮50%) is no rate; the rate it gives (即年利率10.8%) is.
    @Test func aMarkupIsNoRate() {
        let r = pipeline.report(text: "借款合同\n甲方：某某小额贷款有限公司\n乙方：某某食品有限公司\n乙方逾期还款的，甲方有权按借款年利率上浮50%即年利率10.8%计收罚息。", category: "loan").0.rates
        #expect(!r.contains { $0.rate == 0.5 })
        #expect(r.contains { abs($0.rate - 0.108) < 1e-9 })
    }
}
