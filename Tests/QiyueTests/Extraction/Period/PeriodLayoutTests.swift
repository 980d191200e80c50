import Foundation
import Testing
@testable import Qiyue

/// Periods given by layout rather than by a cue beside the duration: a list after a colon, and a
/// bracketed label after the phrase it names; an option window (可以…内解除).
@Suite struct PeriodLayoutTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func periods(_ text: String, category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.periods.map {
            "\($0.kind)|\(FactEvaluation.num($0.duration?.amount))|\($0.duration?.unit ?? "∅")"
        }
    }

    @Test func aListAfterAColonGivesEachItemsPeriod() {
        #expect(periods("本工程保修期自竣工验收合格之日起计算：防水工程为5年；电气管线为2年；装修工程为2年。", category: "other_contract")
            == ["warranty|5|year", "warranty|2|year"])
        #expect(periods("工期总日历天数：200 天。", category: "other_contract") == ["construction|200|day"])
    }

    @Test func aBracketedLabelNamesThePeriodBeforeIt() {
        #expect(periods("乙方同意自培训结束之日起为甲方服务三年（服务期）。", category: "labor") == ["other|3|year"])
        #expect(periods("乙方自合同签订之日起10日内可以单方解除合同（冷静期）。").contains("other|10|day"))
    }

    @Test func anOptionWindowIsAPeriodNotADeadline() {
        let r = pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n乙方可以在本合同订立后20日内单方解除合同。", category: "service").0
        #expect(r.deadlines.isEmpty)
        #expect(r.periods.map { "\($0.kind)|\(FactEvaluation.num($0.duration?.amount))" } == ["other|20"])
    }
}
