import Foundation
import Testing
@testable import Qiyue

/// The event of a deadline after an approval joined by 并经 is the approval (other); a receipt names its event
/// by what is received even when a weaker cue follows inside it (a request received is other).
@Suite struct DeadlineJoinedEventTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func anchors(_ text: String) -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: "service").0.deadlines.compactMap { d in
            d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))" }
        }
    }

    @Test(arguments: [
        ("甲方应在收到乙方付款申请并经监理审核后21日内支付。", "other|21"),
        ("工程竣工验收合格且结算审定后30日内，甲方支付至结算价款的95%。", "acceptance|30"),
        ("甲方在收到发票并经财务审核之日起15个工作日内付款。", "other|15"),
        ("服务期满并经甲方验收合格后15个工作日内，甲方支付剩余款项。", "acceptance|15"),
        // A request received (an application, a complaint) is the event, not a notice: other.
        ("甲方应在收到乙方书面验收申请之日起10日内组织验收。", "other|10"),
        ("乙方应在收到甲方书面退订申请后15个工作日内办理退款。", "other|15"),
        ("乙方应自甲方投诉之日起3个工作日内书面答复。", "other|3"),
        ("乙方应在接到报修通知后2小时内到场。", "notice|2"),
        ("甲方在收到发票之日起15日内付款。", "invoice|15"),
        ("温度异常时乙方应立即采取措施并于1小时内通知甲方。", "occurrence|1"),
    ])
    func joinedEvents(_ c: (String, String)) {
        #expect(anchors(c.0) == [c.1])
    }
}
