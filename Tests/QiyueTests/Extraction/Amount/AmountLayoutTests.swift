import Testing
@testable import Qiyue

/// Purposes that come from the layout around an amount: a table's caption, a purpose after a comma,
/// a list item after a semicolon, a label of its own, ordinal instalments, contributions, and a
/// blank part of a blank total.
@Suite struct AmountLayoutTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func amounts(_ text: String, _ category: String = "service") -> [Amount] {
        pipeline.report(text: "服务合同\n甲方：某某科技有限公司\n乙方：某某信息有限公司\n" + text, category: category).0.amounts
    }

    @Test func rowsTakeAFeeCaption() {
        let a = amounts("""
            第四条 技术服务费用
            4.1 各项服务的收费明细如下：
            | 服务内容 | 次数 | 单价（元） | 小计（元） |
            | 数据迁移 | 2 | 9,000 | 18,000 |
            | 驻场支持 | 10 | 1,200 | 12,000 |
            """)
        #expect(a.map(\.purpose) == ["fee", "fee", "fee", "fee"], "\(a.map { ($0.value, $0.purpose) })")
    }

    @Test func aCaptionCutByALineBreakReadsWhole() {
        // As OCR or a narrow column cuts it: the caption is the sentence ending above the table.
        let a = amounts("""
            第四条 技术服务费用
            4.1 各项服务的收费
            明细如下：
            | 服务内容 | 次数 | 单价（元） | 小计（元） |
            | 数据迁移 | 2 | 9,000 | 18,000 |
            """)
        #expect(a.map(\.purpose) == ["fee", "fee"], "\(a.map { ($0.value, $0.purpose) })")
        // A line that ends a sentence is no part of the caption below it.
        let b = amounts("""
            第一条 货物清单
            乙方按以下清单供货，并承担运输费用。
            清单如下：
            | 名称 | 数量 | 单价（元） | 金额（元） |
            | 打印机 | 3 | 2,500.00 | 7,500.00 |
            """, "sale_of_goods")
        #expect(b.map(\.purpose) == ["other", "other"], "\(b.map { ($0.value, $0.purpose) })")
    }

    @Test func aColumnThatNamesItsUnit() {
        // 金额（万元）: the column's figures are in 万元, plain figures too; the unit is no blank slot.
        let a = amounts("""
            第四条 费用明细
            | 项目 | 数量 | 金额（万元） |
            | 设备款 | 2 | 120 |
            | 安装费 | 1 | 5.5 |
            | 调试费 | 1 | 11.04 |
            """, "sale_of_goods")
        #expect(a.map(\.value) == [1_200_000, 55_000, 110_400], "\(a.map { ($0.value, $0.blank, $0.text) })")
        #expect(!a.contains { $0.blank })
    }

    @Test func goodsListRowsStayOther() {
        let a = amounts("""
            第一条 设备名称、型号、数量及价格
            | 名称 | 数量 | 单价（元） | 金额（元） |
            | 打印机 | 3 | 2,500.00 | 7,500.00 |
            """, "sale_of_goods")
        #expect(a.map(\.purpose) == ["other", "other"], "\(a.map { ($0.value, $0.purpose) })")
    }

    @Test func anExplicitPurposeAfterAComma() {
        let a = amounts("乙方于签约后十日内支付合同价款的20%，即人民币4万元，作为预付款。")
        #expect(a.map(\.purpose) == ["down_payment"])
    }

    @Test func ordinalInstalments() {
        let a = amounts("乙方应于2026年1月10日前支付第一笔款项人民币6万元，第二笔款项人民币4万元于交付后支付。")
        #expect(a.map(\.purpose) == ["installment", "installment"])
    }

    @Test func contributionsAreNoPayments() {
        let a = amounts("丁方以专利技术作价出资人民币50万元，戊方以货币出资人民币30万元。", "other_contract")
        #expect(a.map(\.purpose) == ["other", "other"])
    }

    @Test func aListItemAfterASemicolon() {
        let a = amounts("住宅的停车管理费为每月每车位人民币____元；商铺为每月每车位人民币____元。")
        #expect(a.map(\.purpose) == ["fee", "fee"])
    }

    @Test func aSumWithALabelOfItsOwn() {
        let a = amounts("合同价款为人民币120万元，其中：设备安装费 ¥80,000.00；预留金额 ¥50,000.00。", "other_contract")
        #expect(a.map(\.purpose) == ["total_price", "fee", "other"])
        // 金额 alone refers back to the cue before it.
        #expect(amounts("乙方应向甲方支付违约金，金额为人民币8000元。").map(\.purpose) == ["penalty"])
    }

    @Test func aBlankPartOfABlankTotal() {
        let a = amounts("该车辆共计作价 元，乙方于 年 月 日前支付转让款 元，余款 元于过户后付清。", "vehicle_sale")
        #expect(a.map(\.purpose) == ["total_price", "installment", "balance"])
        #expect(a.allSatisfy { $0.blank })
    }

    @Test func figuresCutFromTheirWordsByALineBreak() {
        let a = amounts("4.1 运输费按车次结算：小型厢车每车次人民币800元，大型厢车每车次人民币\n1,500元。", "other_contract")
        #expect(a.map(\.purpose) == ["fee", "fee"], "\(a.map { ($0.value, $0.purpose, $0.text) })")
    }

    @Test func aTotalInAnotherCurrencyIsNoPart() {
        let a = amounts("合同总价为人民币100万元。进口设备部分总价为USD 50,000。")
        #expect(a.map(\.purpose) == ["total_price", "total_price"])
    }

    @Test func aCueAfterAPeriodCountIsAMeasure() {
        #expect(amounts("押金为三个月租金，即人民币15,000元。", "lease").map(\.purpose) == ["security_deposit"])
        #expect(amounts("乙方提前离职的，应支付相当于两个月工资的违约金，即人民币12,000元。", "labor").map(\.purpose) == ["penalty"])
        // A period of the named payment is no measure: 扣除前两个月利息.
        #expect(amounts("甲方出借时预先扣除前两个月利息人民币4,000元。", "loan").map(\.purpose) == ["interest"])
    }

    @Test func theSumActuallyLentAfterADeduction() {
        let a = amounts("甲方出借款项时预先扣除两个月利息人民币6,000元，实际向乙方转账人民币144,000元。", "loan")
        #expect(a.map(\.purpose) == ["interest", "loan_principal"])
    }
}
