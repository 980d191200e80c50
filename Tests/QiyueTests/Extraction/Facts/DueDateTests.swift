import Foundation
import Testing
@testable import Qiyue

/// Dated deadlines by their lead word, quarterly due days, and periods given as one date range or
/// counted from a point (届满之日起).
@Suite struct DueDateTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func report(_ text: String, _ category: String = "service") -> ContractReport {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0
    }

    func periods(_ text: String, _ category: String = "service") -> [String] {
        report(text, category).periods.map { p in
            let when = p.start != nil || p.end != nil ? "\(p.start ?? "∅")..\(p.end ?? "∅")"
                : "\(FactEvaluation.num(p.duration?.amount))|\(p.duration?.unit ?? "∅")"
            return "\(p.kind)|\(when)"
        }
    }

    /// 不迟于 / 最迟于 before a date: due by it, not on it.
    @Test(arguments: ["乙方应不迟于2026年3月15日完成系统上线。", "乙方最迟于2026年3月15日完成系统上线。", "乙方应不晚于 2026 年 3 月 15 日完成系统上线。"])
    func dueByIsBefore(_ text: String) throws {
        let d = try #require(report(text).deadlines.first { $0.date != nil })
        #expect(d.date == "2026-03-15")
        #expect(d.bound == "before")
        #expect(d.obligor == "乙方")
    }

    @Test func dueOnStaysOn() throws {
        let d = try #require(report("乙方应于2025年11月30日完成交付。").deadlines.first { $0.date != nil })
        #expect(d.bound == "on")
    }

    /// 每年1月15日、7月15日前: listed dates share the bound after the last.
    @Test(arguments: ["利润分别于每年1月15日、7月15日前分配。", "乙方应于2025年3月31日和2025年6月30日前付清。"])
    func listedDatesShareTheBound(_ text: String) {
        let dated = report(text).deadlines.filter { $0.date != nil }
        #expect(dated.count == 2)
        #expect(dated.allSatisfy { $0.bound == "before" })
    }

    /// 每季度首月的5日前: a due day of the month after a quarterly prefix and 的.
    @Test(arguments: ["乙方应于每季度首月的 5 日前支付当季租金。", "乙方应于每季度第一个月的5日前支付当季租金。"])
    func quarterlyDueDay(_ text: String) throws {
        let r = report(text, "lease")
        let d = try #require(r.deadlines.first { $0.date != nil })
        #expect(d.date == "---05")
        #expect(d.bound == "before")
        #expect(!r.deadlines.contains { $0.relative?.amount == 5 })
    }

    @Test(arguments: [
        ("施工工期 2025.9.1—2026.8.31。", ["construction|2025-09-01..2026-08-31"]),
        ("仓储期限：2025/09/01至2026/08/31。", ["service_term|2025-09-01..2026-08-31"]),
        ("借款期间自2025年4月1日起至2027年3月31日止。", ["loan_term|2025-04-01..2027-03-31"]),
        ("保证期间为主合同约定的债务履行期限届满之日起三年。", ["other|3|year"]),
        ("计划开工日期：2025年6月10日；计划竣工日期：2026年5月31日。", ["construction|2025-06-10..2026-05-31"]),
        ("实际开工日期以监理人发出的开工通知载明的日期为准。", []),
        ("任一方得提前终止租约，但应于一个月前通知他方。", ["notice|1|month"]),
        ("设备保固期间为验收合格之日起壹年。", ["warranty|1|year"]),
        ("实行7天包换、三年有限保修的原则。", ["other|7|day", "warranty|3|year"]),
        ("试用期满后，任何一方均可给予对方一个月书面通知以终止本合约。", ["notice|1|month"]),
    ])
    func rangesAndCues(_ c: (String, [String])) {
        #expect(periods(c.0) == c.1)
    }

    /// A due date after 期限不迟于 is no period start.
    @Test func dueByDateIsNoPeriodStart() {
        #expect(periods("付款期限不迟于2026年3月31日。").allSatisfy { !$0.contains("2026-03-31..") })
    }
}
