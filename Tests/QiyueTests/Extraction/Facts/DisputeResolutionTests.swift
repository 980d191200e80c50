import Foundation
import Testing
@testable import Qiyue

/// The dispute-resolution clause as a fact, and 或裁或诉 detected from it.
@Suite struct DisputeResolutionTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func dispute(_ clause: String, _ category: String = "service") -> DisputeResolution? {
        pipeline.report(text: "服务合同\n甲方：张三\n乙方：李四\n第一条 乙方为甲方提供服务。\n" + clause, category: category).0.document.disputeResolution
    }

    @Test(arguments: [
        ("因本合同引起的争议，提交宁波仲裁委员会按照其仲裁规则进行仲裁。", "arbitration", "宁波仲裁委员会"),
        ("协商不成的，任何一方均可向甲方所在地人民法院提起诉讼。", "litigation", "甲方所在地人民法院"),
        ("协商不成的，双方可向北京仲裁委员会申请仲裁，也可以向人民法院起诉。", "both", "北京仲裁委员会"),
        ("因履行本合同发生争议的，提交__________仲裁委员会仲裁。", "arbitration", nil),
        ("本合同履行中发生的争议，双方应友好协商解决。", "negotiation", nil),
    ] as [(String, String, String?)])
    func method(_ c: (String, String, String?)) throws {
        let d = try #require(dispute(c.0))
        #expect(d.method == c.1)
        #expect(d.body == c.2)
    }

    @Test func aCourtNamedOutsideTheDisputeClauseChoosesNothing() throws {
        // A lawyer's engagement: the case and the court it goes to are the subject, not the forum.
        let d = try #require(dispute("""
            第二条 代理事项：甲方诉某某公司买卖合同纠纷一案的一审程序。
            乙方应在收到材料后10日内向有管辖权的人民法院提交立案，并代为起诉、应诉。
            第三条 律师费为人民币3万元。
            第四条 工作要求：乙方应按时出庭，不得延误。
            第五条 双方因本合同发生争议的，提交杭州仲裁委员会仲裁。
            """))
        #expect(d.method == "arbitration" && d.body == "杭州仲裁委员会")
        // The clause may run over the sentence that names the dispute.
        let e = try #require(dispute("发生争议时，双方应协商解决。协商不成的，提交上海仲裁委员会仲裁。也可以向甲方所在地人民法院起诉。"))
        #expect(e.method == "both")
        // A text that never names a dispute still has its forum.
        #expect(try #require(dispute("本合同履行地人民法院管辖。")).method == "litigation")
    }

    @Test func appealAfterLabourArbitrationIsStillArbitration() throws {
        let d = try #require(dispute("双方发生劳动争议的，可以向劳动争议仲裁委员会申请仲裁；对仲裁裁决不服的，可以向人民法院提起诉讼。", "labor"))
        #expect(d.method == "arbitration")
    }

    @Test func costClauseChoosesNothing() {
        #expect(dispute("因本合同发生的诉讼费、仲裁费或律师费由败诉方承担。") == nil)
    }

    @Test func governingLaw() throws {
        let d = try #require(dispute("本合同适用中华人民共和国法律。因本合同引起的争议，提交上海国际仲裁中心仲裁。"))
        #expect(d.law == "中华人民共和国法律")
        #expect(d.body == "上海国际仲裁中心")
    }

    @Test func bothFiresTheRuleFromTheFact() throws {
        let r = pipeline.report(text: "服务合同\n甲方：张三\n乙方：李四\n争议由双方协商解决；协商不成的，可以提交北京仲裁委员会仲裁。\n第九条 甲方也可以向甲方所在地人民法院起诉。", category: "service").0
        #expect(r.document.disputeResolution?.method == "both")
        let risk = try #require(r.risks.first { $0.rule == "arbitration-or-litigation" })
        // Evidence points at the clause, not at the title or the page's first line.
        #expect(risk.span.start > 6)
        #expect(r.risks.filter { $0.rule == "arbitration-or-litigation" }.contains { $0.span == r.document.disputeResolution?.span })
    }
}
