import Testing
@testable import Qiyue

/// A payment table (its header names the payment: 租金支付日, 付款时间) is a schedule: each row's one
/// sum is an instalment whatever it pays, and a date filling a cell is the day that row is due by,
/// for the party that pays. A schedule that makes a total stated later in the text adds up.
@Suite struct PaymentTableTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func report(_ body: String, _ category: String = "lease") -> ContractReport {
        pipeline.report(text: "融资租赁合同\n出租人（甲方）：某某融资租赁有限公司\n承租人（乙方）：某某制造有限公司\n" + body,
                        category: category).0
    }

    static let cellPerLine = """
        第一条 租赁物
        甲方应向供货商支付租赁物购买价款人民币200,000.00元。
        第二条 租金
        2.1 租金总额为人民币240,000.00元，按季度支付。
        2.2 租金支付表如下：
        期次
        租金支付日
        应付租金（元）
        1
        2026年3月31日
        80,000.00
        2
        2026年6月30日
        80,000.00
        3
        2026年9月30日
        80,000.00
        合计
        —
        240,000.00
        2.3 租赁期满，乙方支付留购价款人民币100.00元后，租赁物归乙方所有。
        """

    @Test func rowsOfACellPerLineRentTable() {
        let r = report(Self.cellPerLine)
        let s = r.document.paymentSchedule ?? []
        #expect(s.map(\.amount) == [80000, 80000, 80000], "\(s.map { ($0.amount, $0.trigger) })")
        #expect(s.allSatisfy { $0.trigger == "date" })
        // The rows make the rent total (stated after the goods' price): no mismatch.
        #expect(r.document.paymentScheduleAddsUp != false)
        #expect(!r.risks.contains { $0.rule == "payment-schedule-mismatch" })
        let due = r.deadlines.filter { $0.date != nil }.map { "\($0.date!)|\($0.bound)|\($0.obligor ?? "∅")" }
        #expect(due == ["2026-03-31|before|乙方", "2026-06-30|before|乙方", "2026-09-30|before|乙方"], "\(due)")
        // The price of the option to buy is no instalment.
        #expect(r.amounts.first { $0.value == 100 }?.purpose == "other")
    }

    @Test func aPipeTableWithPaymentDates() {
        let r = report("""
            第三条 付款
            | 期次 | 付款日期 | 金额（元） |
            | 1 | 2026年1月15日 | 50,000 |
            | 2 | 2026年4月15日 | 50,000 |
            """, "service")
        let due = r.deadlines.filter { $0.date != nil }.map { "\($0.date!)|\($0.bound)" }
        #expect(due == ["2026-01-15|before", "2026-04-15|before"], "\(due)")
        #expect((r.document.paymentSchedule ?? []).map(\.amount) == [50000, 50000])
    }

    /// The sentence that points at the table gives its dates' bound: 按下表所列租金支付日支付 is due on
    /// them, 于下表所列各期租金支付日或之前支付 by them; a lead that names no day leaves the default.
    @Test(arguments: [
        ("乙方应按下表所列租金支付日足额支付：", "on"),
        ("乙方应于下表所列各期租金支付日或之前，将当期租金足额汇入甲方账户。\n租金支付表如下：", "before"),
        ("乙方应不迟于下表所列日期支付租金：", "before"),
        ("租金支付表如下：", "before"),
    ])
    func theTablesLeadGivesTheBound(lead: String, bound: String) {
        let r = report("""
            第四条 租金
            \(lead)
            | 期次 | 租金支付日 | 租金（元） |
            | 1 | 2027-04-15 | 405,000.00 |
            | 2 | 2027-07-15 | 405,000.00 |
            """)
        let due = r.deadlines.filter { $0.date != nil }.map { "\($0.date!)|\($0.bound)|\($0.obligor ?? "∅")" }
        #expect(due == ["2027-04-15|\(bound)|乙方", "2027-07-15|\(bound)|乙方"], "\(due)")
    }

    /// A row's share of a payment table (its header names the payment) makes the row's sum a part of
    /// the price, whatever the caption prices (设计费按下表分阶段支付).
    @Test func aShareInAPaymentTableRowIsAnInstalment() {
        let r = report("""
            第五条 设计费
            1. 设计费总额为人民币1,000,000.00元。
            2. 设计费按下表分阶段支付：
            | 序号 | 付费阶段 | 支付比例 | 金额（元） | 支付时间 |
            | 1 | 方案设计 | 30% | 300,000.00 | 方案经发包人确认后10个工作日内 |
            | 2 | 施工图设计 | 70% | 700,000.00 | 施工图审查合格后10个工作日内 |
            """, "service")
        let rows = r.amounts.filter { $0.value == 300000 || $0.value == 700000 }.map(\.purpose)
        #expect(rows == ["installment", "installment"], "\(rows)")
        #expect(r.amounts.first { $0.value == 1000000 }?.purpose == "total_price")
    }

    /// A blank line between a list's lead and its items (as Markdown sets a list) keeps the lead:
    /// each item's rate is a penalty of the lead's payer.
    @Test func aListLeadOverABlankLine() {
        let r = report("""
            第六条 甲方解除合同
            甲方在行程开始前解除合同的，应按下列标准向乙方支付违约金：

            - 出发前 7 日至 4 日解除的，支付旅游费用总额的 **20%**；
            - 出发前 3 日至 1 日解除的，支付旅游费用总额的 **40%**；
            """, "service")
        let p = r.penalties.map { "\($0.payer ?? "∅")|\($0.form)|\($0.rate ?? -1)" }
        #expect(p.contains("甲方|one_off|0.2") && p.contains("甲方|one_off|0.4"), "\(p)")
    }

    @Test func aDateInATableThatPaysNothingIsNoDeadline() {
        let r = report("""
            第四条 培训安排
            | 场次 | 培训日期 | 地点 |
            | 1 | 2026年1月15日 | 上海 |
            | 2 | 2026年4月15日 | 北京 |
            """, "service")
        #expect(r.deadlines.filter { $0.date != nil }.isEmpty)
    }
}
