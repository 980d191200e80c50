import Foundation
import Testing
@testable import Qiyue

/// Table-driven checks of each fact extractor on short texts.
@Suite struct FactExtractorTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func report(_ text: String, category: String = "house_sale") -> ContractReport {
        pipeline.report(text: text, category: category).0
    }

    @Test(arguments: [
        ("出卖人（甲方）：王建国\n身份证号：110105196803124518\n买受人（乙方）：李敏", "house_sale", ["甲方|seller|王建国", "乙方|buyer|李敏"]),
        ("甲方：张三\n乙方：李四\n甲方自愿将其房屋卖给乙方。", "other_contract", ["甲方|seller|张三", "乙方|buyer|李四"]),
        ("甲方：张三\n乙方：\n", "lease", ["甲方|lessor|张三", "乙方|lessee|∅"]),
        ("出 租 方 （ 甲 方 ）：北京中科恒信科技发展有限公司\n承租方（以下简称乙方）：______", "lease", ["甲方|lessor|北京中科恒信科技发展有限公司", "乙方|lessee|∅"]),
        ("甲方(转让方): 。 乙方(受让方): 。", "house_sale", ["甲方|transferor|∅", "乙方|transferee|∅"]),
        ("本合同由张三（以下简称甲方）与李四（以下简称乙方）签订。乙方为甲方提供保洁服务。", "service", ["甲方|client|张三", "乙方|provider|李四"]),
        ("用人单位（甲方）：杭州云启科技有限公司\n劳动者（乙方）：周 晓 峰", "labor", ["甲方|employer|杭州云启科技有限公司", "乙方|employee|周晓峰"]),
    ])
    func parties(text: String, category: String, expected: [String]) {
        let r = report(text, category: category)
        #expect(r.parties.map { "\($0.role)|\($0.side)|\($0.name ?? "∅")" } == expected)
    }

    @Test func identifiersAndPhones() throws {
        let r = report("甲方：成都锦华商业管理有限公司\n统一社会信用代码：91510107MA7WAPE943\n联系电话：028-85126677\n乙方：胡建军\n身份证号：210202198107092734\n手机：13982256017\n住址：四川省成都市武侯区晋阳路197号", category: "lease")
        try #require(r.parties.count == 2)
        #expect(r.parties[0].ids.map(\.type) == ["unified_social_credit_code"])
        #expect(r.parties[0].ids.first?.valid == true)
        #expect(r.parties[0].kind == "organization")
        #expect(r.parties[1].ids.first?.value == "210202198107092734")
        #expect(r.parties[1].ids.first?.valid == true)
        #expect(r.parties[1].phones == ["13982256017"])
        #expect(r.parties[1].address == "四川省成都市武侯区晋阳路197号")
        // A wrong check digit is reported as invalid, not dropped.
        let bad = report("乙方：胡建军\n身份证号：210202198107092735", category: "lease")
        #expect(bad.parties.first?.ids.first?.valid == false)
    }

    @Test(arguments: [
        ("总价款人民币壹佰捌拾伍万元整（¥1,850,000.00）。", "1850000|total_price"),
        ("乙方应于签订之日起3日内向甲方支付定金人民币5万元。", "50000|deposit"),
        ("乙方向甲方支付人民币5000元作为押金。", "5000|security_deposit"),
        ("甲方支付首期服务费人民币38400元。", "38400|down_payment"),
        ("乙方支付首期租金人民币13500元。", "13500|rent"),
        ("乙方支付剩余转让价款人民币90万元。", "900000|balance"),
        ("乙方支付转让价款的50%，即人民币180万元。", "1800000|installment"),
        ("月租金为人民币3000元。", "3000|rent"),
        ("总价款人民币 元整（¥ 元）。", "blank|total_price"),
        ("乙方应支付违约金人民币1万元。", "10000|penalty"),
        ("试用期工资为每月人民币6000元。", "6000|wage"),
    ])
    func amountPurposes(text: String, expected: String) {
        let r = report(text)
        #expect(r.amounts.map { "\($0.value.map { String(format: "%.10g", $0) } ?? "blank")|\($0.purpose)" } == [expected])
    }

    @Test func wordsFiguresMismatchIsVisible() throws {
        let r = report("成交价为人民币叁佰贰拾万元整（¥3,230,000.00）。")
        let a = try #require(r.amounts.first)
        #expect(a.value == 3_200_000)
        #expect(a.figures?.value == 3_230_000)
        #expect(a.wordsMismatch)
    }

    @Test(arguments: [
        ("乙方应于本合同签订之日起30日内支付全部房款。", "signing|30|day|within|乙方"),
        ("甲方应在验收合格后30个工作日内付款。", "acceptance|30|workday|within|甲方"),
        ("甲方应在收到全部价款之日起3日内办理过户。", "payment|3|day|within|甲方"),
        ("乙方应于租赁期满前6个月书面通知甲方。", "expiry|6|month|before|乙方"),
        ("乙方应于过户完当日付清尾款。", "transfer|0|day|on|乙方"),
        ("乙方接到通知后48小时之内到场。", "notice|48|hour|within|乙方"),
    ])
    func relativeDeadlines(text: String, expected: String) throws {
        let r = report(text)
        let d = try #require(r.deadlines.first { $0.relative != nil })
        let rel = try #require(d.relative)
        #expect("\(rel.anchor)|\(String(format: "%.10g", rel.amount ?? -1))|\(rel.unit)|\(d.bound)|\(d.obligor ?? "∅")" == expected)
    }

    @Test func notDeadlines() {
        #expect(report("本合同自双方签字之日起生效。").deadlines.isEmpty)
        #expect(report("乙方逾期超过15日的，甲方有权解除合同。").deadlines.isEmpty)
        #expect(report("试用期为6个月。", category: "labor").deadlines.isEmpty)
    }

    @Test func absoluteDeadline() throws {
        let d = try #require(report("甲方应于2025年6月20日前将房屋交付乙方。").deadlines.first)
        #expect(d.date == "2025-06-20")
        #expect(d.bound == "before")
        #expect(d.obligor == "甲方")
    }

    @Test(arguments: [
        ("乙方逾期付款的，每逾期一日按总价款的千分之五向甲方支付违约金。", "乙方|periodic|0.005|day|1.825"),
        ("甲乙双方如有一方违约，按房款的百分之十赔付给对方。", "either|one_off|0.1|once|-"),
        ("任何一方违约的，应向守约方支付违约金人民币5万元。", "either|fixed|50000|once|-"),
        ("乙方违约的，定金不予返还；", "乙方|deposit|-|once|-"),
        ("甲方违约的，应双倍返还定金。", "甲方|deposit|-|once|-"),
        ("乙方应按当月服务费的____%向甲方支付违约金。", "乙方|one_off|-|once|-"),
    ])
    func penalties(text: String, expected: String) throws {
        let p = try #require(report(text).penalties.first)
        let value = p.rate.map { String(format: "%.10g", $0) } ?? p.amount.map { String(format: "%.10g", $0) } ?? "-"
        let annual = p.annualizedRate.map { String(format: "%.10g", $0) } ?? "-"
        #expect("\(p.payer ?? "∅")|\(p.form)|\(value)|\(p.per)|\(annual)" == expected)
    }

    @Test func damagesWithoutMeasureAreNotPenalties() {
        #expect(report("乙方应赔偿由此给甲方造成的损失。").penalties.isEmpty)
    }

    @Test func periods() throws {
        let r = report("租赁期限为25年，自2025年7月1日起至2050年6月30日止。", category: "lease")
        let p = try #require(r.periods.first)
        #expect(p.kind == "lease_term")
        #expect(p.start == "2025-07-01")
        #expect(p.end == "2050-06-30")
        #expect(p.duration?.amount == 25)
        #expect(p.duration?.unit == "year")
        let labor = report("劳动合同期限为三年。试用期6个月。", category: "labor")
        #expect(labor.periods.map(\.kind) == ["labor_term", "probation"])
        #expect(labor.document.contractTermMonths == 36)
    }

    @Test func spansPointAtTheOriginal() throws {
        let text = "甲 方：张 三\n总价款人民币壹佰万元整。"
        let (r, doc) = pipeline.report(text: text, category: "house_sale")
        let a = try #require(r.amounts.first)
        #expect(doc.originalText(a.span) == a.text)
        #expect(a.text.hasPrefix("人民币壹佰万元整"))
        let p = try #require(r.parties.first)
        #expect(p.name == "张三")
        #expect(doc.originalText(p.span).hasPrefix("甲 方"))
    }

    /// A work summary full of dates and sums (签订 … 8.6亿元) is not a contract: it keeps its title and
    /// clauses, and carries no parties, amounts, dates, signing date or total price.
    @Test func nonContractsCarryNoContractFacts() throws {
        let path = TestSupport.root.appendingPathComponent("Corpus/documents/gen-b-N06.txt").path
        let r = try pipeline.report(contentsOf: path)
        #expect(!r.classification.isContract)
        #expect(r.document.title == "2024年度合同管理工作总结")
        #expect(r.parties.isEmpty && r.amounts.isEmpty && r.dates.isEmpty && r.penalties.isEmpty && r.deadlines.isEmpty)
        #expect(r.document.signedOn == nil && r.document.totalPrice == nil && r.document.contractTermMonths == nil)
        #expect(r.risks.isEmpty)
    }

    /// The pipeline segments words only once a text is classified as a contract; the reports must be
    /// the same as from a document segmented up front (contracts, non-contracts, a split page).
    @Test(arguments: ["Corpus/documents/gen-a-09.txt", "Corpus/documents/gen-b-14.txt", "Corpus/documents/gen-b-N06.txt",
                      "Corpus/pages/000_d915155119d6f3bb.txt"])
    func lateSegmentationChangesNothing(_ relative: String) throws {
        let path = TestSupport.root.appendingPathComponent(relative).path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let late = try encoder.encode(pipeline.report(contentsOf: path))
        let segmented = try pipeline.analyzer.analyze(contentsOf: path)
        #expect(segmented.isSegmented && !segmented.tokens.isEmpty)
        let early = try encoder.encode(pipeline.report(for: segmented))
        #expect(late == early)
    }
}
