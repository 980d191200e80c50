import Foundation
import Testing
@testable import Qiyue

/// The event a relative deadline counts from: a receipt named by what is received, and a phrase's
/// own start point that is none of the anchors.
@Suite struct DeadlineAnchorTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func anchors(_ text: String) -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: "service").0.deadlines.compactMap { d in
            d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" }
        }
    }

    @Test(arguments: [
        ("甲方应在收到全部设计成果之日起10个工作日内完成确认。", ["delivery|10|workday"]),
        // The client's materials are an input to the work, not a delivery (deadlines.yaml receiptDocuments).
        ("乙方应在收到甲方完整资料之日起3个工作日内出具报告。", ["other|3|workday"]),
        ("乙方应在收到款项后3日内开具发票。", ["payment|3|day"]),
        ("本合同生效之日起20日内，乙方提交终稿，甲方应在收到后5个工作日内书面确认。", ["effective|20|day", "delivery|5|workday"]),
        ("乙方收到甲方开具的发票后30日内付款。", ["invoice|30|day"]),
    ])
    func receipts(_ c: (String, [String])) {
        #expect(anchors(c.0) == c.1)
    }

    /// 开工前三日内: within the days before an event is before it.
    @Test func withinDaysBeforeIsBefore() throws {
        let r = pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n服务期限为一年，期满前30日内双方可协商续签。", category: "service").0
        let d = try #require(r.deadlines.first { $0.relative != nil })
        #expect(d.bound == "before")
        #expect(d.relative?.anchor == "expiry")
        #expect(d.relative?.amount == 30)
    }

    /// 于签订本契约之同时给付: at the same time as an event (Taiwan usage) is on its day.
    @Test(arguments: ["乙方應於簽訂本契約之同時給付甲方押金。", "乙方应于签约同时签发本票一纸交甲方收执。"])
    func atTheSameTimeIsOnTheDay(_ text: String) {
        #expect(anchors(text) == ["signing|0|day"])
    }

    @Test func aLocalStartPointIsOther() {
        #expect(anchors("双方确认的送达地址为上述地址，甲方应在乙方进场后3日内提供施工用水用电。") == ["other|3|day"])
        // A change (地址变更, 人员变动) is something that happens: occurrence.
        #expect(anchors("双方确认的送达地址为上述地址，一方地址变更的，应于变更后5日内书面通知对方。") == ["occurrence|5|day"])
        #expect(anchors("人员变动的，乙方应在变动之日起2日内更新备案。") == ["occurrence|2|day"])
        #expect(anchors("乙方应于货物交付后5日内完成安装。") == ["delivery|5|day"])
    }
}
