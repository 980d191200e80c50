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

    @Test func aForfeitedBondAlone() {
        let p = penalties("乙方违反品牌使用规定的，甲方有权扣除加盟保证金。")
        #expect(p.map(\.form) == ["deposit"] && p.first?.payer == "乙方")
        // A 押金 kept against arrears is no penalty.
        #expect(penalties("乙方拖欠租金的，甲方有权没收押金。", "lease").isEmpty)
    }

    @Test func lateInterestBesideARate() {
        let p = penalties("乙方逾期还款的，除按约定利率支付逾期利息外，还应按逾期金额每日万分之四支付违约金。", "loan")
        #expect(p.map(\.form) == ["periodic", "periodic"])
        #expect(p.map(\.rate) == [nil, 0.0004])
        // The loan's own interest, continued, is no penalty.
        let q = penalties("乙方逾期还款的，除继续按约定利率支付利息外，还应按逾期金额每日万分之四支付违约金。", "loan")
        #expect(q.map(\.rate) == [0.0004])
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
}
