import Foundation
import Testing
@testable import Qiyue

/// Every penalty of a sentence, caps as caps, statutory payments left out.
@Suite struct PenaltyTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func penalties(_ text: String, _ category: String = "loan") -> [Penalty] {
        pipeline.report(text: "借款合同\n贷款人（甲方）：某某银行\n借款人（乙方）：张三\n" + text, category: category).0.penalties
    }

    @Test func twoRatesInOneSentenceAreTwoPenalties() {
        let p = penalties("乙方逾期还款的，甲方有权按日万分之五计收罚息，并按日万分之三计收复利。")
        #expect(p.count == 2)
        #expect(abs((p.first?.rate ?? 0) - 0.0005) < 1e-12 && abs((p.last?.rate ?? 0) - 0.0003) < 1e-12)
        #expect(p.allSatisfy { $0.form == "periodic" && $0.per == "day" && $0.payer == "乙方" })
    }

    @Test func periodicThenOneOffInOneSentence() {
        let p = penalties("乙方逾期交付的，每逾期一日按合同总价款的千分之一支付违约金；逾期超过30日的，甲方有权解除合同，乙方另应支付合同总价款20%的违约金。", "service")
        #expect(p.map(\.form) == ["periodic", "one_off"])
        #expect(abs((p.first?.rate ?? 0) - 0.001) < 1e-12 && abs((p.last?.rate ?? 0) - 0.2) < 1e-12)
    }

    @Test(arguments: [
        ("乙方逾期交付的，每逾期一日按合同总价款的千分之一支付违约金，违约金累计不超过合同总价款的20%。", 0.2),
        ("逾期违约金以合同金额的15%为上限，乙方每逾期一日按合同金额的万分之五支付。", 0.15),
        ("乙方逾期交付的，每逾一日按合同总价万分之五计付违约金，但违约金总额以合同总价百分之十为限。", 0.1),
    ])
    func capIsTheCapNotAPenalty(_ c: (String, Double)) throws {
        let p = penalties(c.0, "service")
        try #require(p.count == 1, "\(p.map(\.text))")
        #expect(abs((p[0].capRate ?? -1) - c.1) < 1e-12)
        #expect(p[0].cap != nil)
    }

    @Test func capAsASum() throws {
        let p = penalties("乙方违约的，应向甲方支付违约金5000元，但违约金最高不超过2万元。", "service")
        try #require(p.count == 1)
        #expect(p[0].amount == 5000)
        #expect(p[0].capAmount == 20000)
    }

    @Test func statutoryPaymentsAreNotPenalties() {
        #expect(penalties("甲方违法解除劳动合同的，应当依照劳动合同法第八十七条规定的经济补偿标准的二倍向乙方支付赔偿金。", "labor").isEmpty)
        #expect(penalties("劳动合同终止时，甲方依法向乙方支付经济补偿金。", "labor").isEmpty)
        #expect(penalties("乙方违反服务期约定的，应按约定向甲方支付违约金5000元。", "labor").count == 1)
    }

    /// Entities may run past the phrase or line they start in (1,200 crosses a comma; an OCR
    /// figure a line break): no extractor may build a backwards range from them.
    @Test func entitiesCrossingPhraseAndLineBoundariesDoNotTrap() {
        let texts = [
            "违约金累计不超过¥1,200,000元为限，乙方每日按万分之五支付违约金",
            "乙方每逾期一日，按总价款的千分之五支付违约金，最高不超过¥1,200,0\n00.00元\n",
            "保密义务在合同终止后2\n年内继续有效，提前3\n0日通知",
            "质保期为1,2\n00天，自2025年1\n月1日起至2026年1月1日止前支付",
        ]
        for t in texts {
            let r = pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + t, category: "service").0
            #expect(r.schema == ContractReport.schemaID)
        }
    }
}

/// A penalty paid "to the others" is owed by whichever party breaches (合伙人、股东 …).
@Suite struct MutualPenaltyTests {
    @Test(arguments: [
        "合伙人私自以合伙名义对外提供担保的，应向其他合伙人支付违约金人民币伍万元整。",
        "任何股东未按期缴纳出资的，应向其余股东支付违约金人民币十万元。",
        "违反本条约定的，应向其他各方支付违约金人民币二万元。",
    ])
    func paidToTheOthersIsEither(_ sentence: String) throws {
        let (r, _) = try Pipeline().report(text: "合伙协议\n合伙人甲：张三\n合伙人乙：李四\n" + sentence, category: "other_contract")
        let p = try #require(r.penalties.first)
        #expect(p.payer == "either", "\(sentence): payer \(p.payer ?? "nil")")
    }
}
