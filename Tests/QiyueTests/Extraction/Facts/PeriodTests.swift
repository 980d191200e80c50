import Foundation
import Testing
@testable import Qiyue

/// Periods of every kind and wording, and the contract term taken from the contract's own term only.
@Suite struct PeriodTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func periods(_ text: String, _ category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.periods.map { p in
            let when = p.start != nil || p.end != nil ? "\(p.start ?? "∅")..\(p.end ?? "∅")"
                : "\(FactEvaluation.num(p.duration?.amount))|\(p.duration?.unit ?? "∅")"
            return "\(p.kind)|\(when)"
        }
    }

    @Test(arguments: [
        ("质保期为验收合格后二十四个月。", ["warranty|24|month"]),
        ("自最终验收合格之日起12个月为免费维护期。", ["free_maintenance|12|month"]),
        ("施工工期为120天。", ["construction|120|day"]),
        ("保密期限自本合同签订之日起至本合同终止后三年。", ["confidentiality|3|year"]),
        ("本保密义务在本合同终止后继续有效，期限为2年。", ["confidentiality|2|year"]),
        ("乙方对甲方资料负有保密义务，该义务在本合同终止后2年内继续有效。", ["confidentiality|2|year"]),
        ("乙方可提前三十日以书面形式通知甲方解除本合同。", ["notice|30|day"]),
        ("甲方应在收到乙方验收申请之日起10个工作日内组织验收。", ["acceptance|10|workday"]),
        ("仓储期限为12个月，自2025年10月1日起至2026年9月30日止。", ["service_term|2025-10-01..2026-09-30"]),
        ("甲方给予乙方免租期7天。", ["other|7|day"]),
    ])
    func kinds(_ c: (String, [String])) {
        #expect(periods(c.0) == c.1)
    }

    /// A warranty or a confidentiality period never sets the contract term.
    @Test func contractTermComesFromTheTermOnly() {
        let r = pipeline.report(text: "服务合同\n甲方：张三\n乙方：李四\n本保密义务在本合同终止后继续有效，期限为2年。\n服务期限为三年，自2025年9月1日起至2028年8月31日止。", category: "service").0
        #expect(r.document.contractTermMonths == 36)
        let noTerm = pipeline.report(text: "服务合同\n甲方：张三\n乙方：李四\n质保期为二十四个月。号码保留期为两个月。", category: "service").0
        #expect(noTerm.document.contractTermMonths == nil)
        let lease = pipeline.report(text: "租赁合同\n出租方（甲方）：张三\n承租方（乙方）：李四\n租赁期限为5年。", category: "lease").0
        #expect(lease.document.contractTermMonths == 60)
    }
}

@Suite struct PeriodDeadlineBoundaryTests {
    @Test func aDeadlineFromThePeriodsEndIsNotThePeriod() throws {
        let p = try Pipeline()
        let lease = p.report(text: "租赁合同\n出租方（甲方）：张三\n承租方（乙方）：李四\n租赁期限自2025年1月1日起至2027年12月31日止。乙方如需续租，应于租赁期满前1个月书面通知甲方。", category: "lease").0
        #expect(lease.periods.map(\.kind) == ["lease_term"])
        #expect(lease.document.contractTermMonths == 36)
        let labor = p.report(text: "劳动合同\n甲方：某某公司\n乙方：张三\n本合同为固定期限劳动合同，期限一年，自2025年3月1日起至2026年2月28日止。竞业限制期限为二年。", category: "labor").0
        #expect(labor.periods.map(\.kind) == ["labor_term", "other"])
        #expect(labor.document.contractTermMonths == 12)
        let validity = p.report(text: "供货合同\n供方：某某公司\n需方：某某公司\n本合同自双方签字盖章之日起生效，有效期至2025年12月31日。", category: "sale_of_goods").0
        #expect(validity.periods.first?.start == nil && validity.periods.first?.end == "2025-12-31")
    }
}

@Suite struct PeriodMergeTests {
    @Test func datesAndDurationOfOnePeriodAreOne() throws {
        let r = try Pipeline().report(text: "劳动合同\n甲方：某某公司\n乙方：张三\n本合同为固定期限劳动合同，自2025年9月1日起至2027年8月31日止，期限两年，其中试用期一个月。", category: "labor").0
        let terms = r.periods.filter { $0.kind == "labor_term" }
        #expect(terms.count == 1)
        #expect(terms.first?.start == "2025-09-01" && terms.first?.end == "2027-08-31")
        #expect(terms.first?.duration?.amount == 2 && terms.first?.duration?.unit == "year")
        #expect(r.periods.contains { $0.kind == "probation" })
    }
}
