import Testing
@testable import Qiyue

/// Amounts in price tables (rule money.table): money-like figures under a header that names a
/// price column.
@Suite struct TableMoneyTests {
    func money(_ text: String) throws -> [Entity] {
        let kb = try KnowledgeBase()
        let doc = try Analyzer(knowledge: kb).analyze(text: text)
        return EntityExtractor(knowledge: kb).extract(doc, dims: [.money]).filter { $0.rule == "money.table" }
    }

    @Test func pipeAndTabTables() throws {
        let pipe = """
            | 项目 | 单位 | 数量 | 单价（元） | 金额（元） |
            | --- | --- | --- | --- | --- |
            | 平台运维服务 | 月 | 12 | 18,000 | 216,000 |
            | 合计 | | | | 216,000 |
            """
        #expect(try money(pipe).compactMap { $0.value?.value } == [18000, 216000, 216000])
        let tabs = "序号\t货物名称\t数量\t单价\t金额\n1\t检测机\t1台\t1,280,000.00\t1,280,000.00\n合计\t\t\t\t1,280,000.00\n\n合同总价为人民币壹佰贰拾捌万元整。"
        let m = try money(tabs)
        #expect(m.count == 3)
        #expect(m.allSatisfy { $0.value?.currency == "CNY" })
    }

    @Test func countsCodesAndOtherTablesAreNotMoney() throws {
        // Counts and codes in a price table; figures in a table with no price column.
        #expect(try money("品名\t型号\t数量\t单价（元）\n检测机\tHT-1600\t12\t\n").isEmpty)
        #expect(try money("房号\t面积\t户数\n1号楼\t1,200.00\t36\n").isEmpty)
    }

    @Test func theCurrencyOfTheText() throws {
        let text = "品名\t數量\t單價（新臺幣）\n檢測機\t2台\t1,850,000\n\n總價為新臺幣叁佰柒拾萬元整。"
        #expect(try money(text).first?.value?.currency == "TWD")
    }

    @Test(arguments: [("1,280,000.00", 1280000.0), ("18,000", 18000), ("75.00", 75)])
    func moneyFigures(_ c: (String, Double)) {
        let t = c.0.unicodeScalars.map(\.value)
        #expect(TableMoneyExtractor.moneyFigure(t, 0..<t.count) == c.1)
    }

    @Test(arguments: ["12", "2025", "1,2345", "12,00", "3.5", "1234,567", "HT-1600"])
    func notMoneyFigures(_ s: String) {
        let t = s.unicodeScalars.map(\.value)
        #expect(TableMoneyExtractor.moneyFigure(t, 0..<t.count) == nil)
    }
}

/// Columns line up with the header when the row has as many cells: a figure under 面积 is no price.
@Suite struct TableMoneyColumnTests {
    @Test func onlyPriceColumns() throws {
        let kb = try KnowledgeBase()
        let doc = try Analyzer(knowledge: kb).analyze(text: "房号\t面积\t单价（元）\n101\t1,200.00\t15,000\n")
        let m = EntityExtractor(knowledge: kb).extract(doc, dims: [.money]).filter { $0.rule == "money.table" }
        #expect(m.compactMap { $0.value?.value } == [15000])
    }
}
