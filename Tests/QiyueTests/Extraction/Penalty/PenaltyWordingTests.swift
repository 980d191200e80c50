import Testing
@testable import Qiyue

/// Penalties measured otherwise than by a figure: damages without a measure, interest at a rate
/// named but not given, a rate word before the rate, a blank rate slot after 的.
@Suite struct PenaltyWordingTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func penalties(_ text: String, _ category: String = "service", clause: String = "第八条 违约责任") -> [Penalty] {
        pipeline.report(text: "服务合同\n委托方（甲方）：某某科技有限公司\n服务方（乙方）：某某信息有限公司\n\(clause)\n" + text, category: category).0.penalties
    }

    @Test(arguments: [
        ("乙方违反保密义务的，应赔偿甲方因此遭受的全部损失。", "乙方"),
        ("因乙方施工质量问题给甲方造成损失的，由乙方负责赔偿。", "乙方"),
        ("如交付后发现成果存在缺陷的，甲方有权退回，乙方应退还全部费用并赔偿甲方损失。", "乙方"),
        ("任何一方违反本合同约定给对方造成损失的，应当予以赔偿。", "either"),
        // The party after 赔偿 is the one paid (赔偿甲方…), not the subject set at the sentence's start.
        ("乙方施工质量不合格的，应负责无偿返工；给甲方造成损失的，应当赔偿甲方因此造成的损失。", "乙方"),
        ("乙方保管不善造成货物毁损的，应按货物的申报价值赔偿甲方。", "乙方"),
        // A role that only modifies the measure (甲方申报的价值) is not who pays.
        ("乙方保管不善造成货物灭失的，应按入库时甲方申报的价值赔偿甲方。", "乙方"),
        // Damages measured by the price (照价赔偿) or by the costs caused (赔偿…费用).
        ("因乙方人员操作不当造成甲方财产毁损的，乙方应照价赔偿。", "乙方"),
        ("乙方未按约定派车的，应赔偿甲方由此增加的食宿、交通等费用。", "乙方"),
        // A phrase that opens with its modal goes on with the subject of its clause, not a permission's holder.
        ("乙方逾期交房超过60日的，甲方有权解除合同，乙方除退还已付房款外，还应赔偿甲方因此遭受的损失。", "乙方"),
        // Liability for damages (承担赔偿责任) imposes them too.
        ("乙方在作业中造成第三人人身或财产损害的，由乙方承担赔偿责任。", "乙方"),
        ("乙方违反保密义务给甲方造成损失的，应当承担赔偿责任。", "乙方"),
    ])
    func damagesWithoutAMeasure(_ c: (String, String)) throws {
        let p = penalties(c.0)
        try #require(p.count == 1, "\(p.map(\.text))")
        #expect(p[0].form == "one_off" && p[0].rate == nil && p[0].amount == nil)
        #expect(p[0].payer == c.1)
    }

    @Test(arguments: [
        "因不可抗力造成损失的，双方均不承担赔偿责任。",
        "因第三方原因造成甲方损失的，乙方不承担赔偿责任。",
        "保证范围包括主债权本金、利息、违约金、损害赔偿金以及实现债权的费用。",
        "因乙方使用不当造成损坏的，由乙方负责修复或赔偿。",
        "乙方对甲方的间接损失不予赔偿。",
    ])
    func notDamagesClauses(_ text: String) {
        #expect(penalties(text).isEmpty, "\(penalties(text).map(\.text))")
    }

    /// A delay counted per period with any delay verb and count (每延误七日 → a week, 每迟延一个月 → a month).
    @Test func delaysCountedPerPeriod() throws {
        let week = penalties("卖方未能按期装运的，每延误七日，按延误部分货款的0.5%支付罚金，罚金总额不超过合同总金额的5%。", "sale_of_goods")
        try #require(week.count == 1, "\(week.map(\.text))")
        #expect(week[0].form == "periodic" && week[0].per == "week" && week[0].rate == 0.005)
        let month = penalties("乙方每迟延一个月交付的，按合同价款的1%向甲方支付违约金。")
        try #require(month.count == 1, "\(month.map(\.text))")
        #expect(month[0].form == "periodic" && month[0].per == "month")
    }

    /// 赔偿总额以港币壹拾万元正（HK$100,000）为限: the written amount and its figures in brackets cap the
    /// damages; neither is a fixed penalty.
    @Test func aCapAfterTheFiguresInBrackets() throws {
        let p = penalties("因乙方设计错误导致返工的，乙方须赔偿甲方的返工费用，赔偿总额以港币壹拾万元正（HK$100,000）为限。")
        try #require(p.count == 1, "\(p.map(\.text))")
        #expect(p[0].form == "one_off" && p[0].amount == nil)
        #expect(p[0].capAmount == 100000)
    }

    /// Outside a breach clause, 未按时/未及时/擅自 and 否则 (…保证…，否则…赔偿) name the breach.
    @Test func faultWordsOutsideABreachClause() {
        let late = penalties("甲方未按时足额支付工资，致使乙方被追究连带责任的，甲方应赔偿乙方因此遭受的全部损失。", clause: "第五条 其他约定")
        #expect(late.count == 1 && late.first?.payer == "甲方", "\(late.map(\.text))")
        let otherwise = penalties("乙方保证设计作品不侵犯第三方合法权益，否则由乙方承担全部责任并赔偿甲方因此遭受的损失。", clause: "第五条 知识产权")
        #expect(otherwise.count == 1 && otherwise.first?.payer == "乙方", "\(otherwise.map(\.text))")
    }

    @Test func damagesOutsideABreachClauseNeedABreach() {
        let text = "因乙方使用不当造成设备毁损的，由乙方负责赔偿。"
        #expect(penalties(text, clause: "第七条 设备维护").isEmpty)
        #expect(penalties("乙方违反操作规程造成设备毁损的，由乙方负责赔偿。", clause: "第七条 设备维护").count == 1)
        #expect(penalties(text).count == 1)
        // A fault that causes the harm is a breach too (因…原因造成, 不符合合同约定, 过错).
        for faulty in ["因乙方原因造成甲方数据灭失的，乙方应赔偿甲方由此遭受的直接损失。",
                       "乙方交付的成果不符合合同约定的，乙方应负责修改，并赔偿甲方因此遭受的损失。",
                       "因乙方过错导致甲方权利丧失的，乙方应赔偿甲方的损失。"] {
            let p = penalties(faulty, clause: "第七条 成果交付")
            #expect(p.count == 1 && p.first?.payer == "乙方", "\(faulty): \(p.map(\.text))")
        }
    }

    @Test func interestAtAReferenceRate() throws {
        let p = penalties("甲方逾期付款的，按同期贷款市场报价利率向乙方支付逾期利息。")
        try #require(p.count == 1)
        #expect(p[0].form == "periodic" && p[0].per == "year" && p[0].rate == nil && p[0].payer == "甲方")
        let d = penalties("受让方逾期付款的，以LPR的四倍为标准，按日向转让方支付逾期利息。", "other_contract")
        #expect(d.first?.per == "day" && d.first?.form == "periodic")
    }

    @Test func rateWordGivesThePeriod() throws {
        let p = penalties("甲方逾期付款的，应按逾期金额月利率 1% 向乙方支付逾期利息。")
        try #require(p.count == 1)
        #expect(p[0].form == "periodic" && p[0].per == "month" && p[0].rate == 0.01)
    }

    @Test func blankRateAfterDe() throws {
        let p = penalties("甲方逾期付款的，每逾期一日，按逾期付款金额的________向乙方支付违约金。")
        try #require(p.count == 1)
        #expect(p[0].blank && p[0].form == "periodic" && p[0].per == "day")
        // A blank sum (的____元) stays a blank amount, not a rate.
        let f = penalties("乙方违约的，应按合同约定的______元向甲方支付违约金。")
        #expect(f.allSatisfy { $0.form != "periodic" })
    }
}

/// In a 定金 clause the party that breaches pays, whoever the sentence names first.
@Suite struct DepositPayerTests {
    @Test func theBreachingPartyPays() throws {
        let text = "二手车买卖协议\n卖方（甲方）：张三\n买方（乙方）：李四\n六、违约责任\n1．乙方付款后甲方不交付车辆的，应双倍返还定金；乙方无故拒绝受领车辆的，定金不予退还。\n2．因乙方原因导致本合同解除的，乙方无权要求甲方返还定金。\n"
        let p = try Pipeline().report(text: text, category: "vehicle_sale").0.penalties.filter { $0.form == "deposit" }
        #expect(p.map { $0.payer ?? "∅" } == ["甲方", "乙方", "乙方"])
    }

    /// The one whose 定金 is kept pays, though the other party leads the phrase (甲方有权解除合同，
    /// 乙方已付定金不予退还) or the breach was named in the piece before the semicolon.
    @Test func theOwnerOfAKeptDepositPays() throws {
        let text = "房屋买卖合同\n出卖人（甲方）：张三\n买受人（乙方）：李四\n八、违约责任\n1．乙方逾期付款的，按日万分之五向甲方支付违约金；逾期超过30日的，甲方有权解除合同，乙方已付定金不予退还。\n2．甲方有权没收乙方所交定金。\n"
        let p = try Pipeline().report(text: text, category: "house_sale").0.penalties.filter { $0.form == "deposit" }
        #expect(p.map { $0.payer ?? "∅" } == ["乙方", "乙方"])
    }
}

/// A penalty sentence without a party that continues the one before it after a semicolon.
@Suite struct ContinuedPayerTests {
    @Test func thePartyOfTheSentenceBefore() throws {
        let text = "房屋买卖合同\n出卖人（甲方）：张三\n买受人（乙方）：李四\n3．甲方应于交房前将户口从该房屋迁出；逾期未迁出的，每逾期一日按总房价款的万分之二向乙方支付违约金。\n"
        let p = try Pipeline().report(text: text, category: "house_sale").0.penalties
        #expect(p.first?.payer == "甲方")
    }
}
