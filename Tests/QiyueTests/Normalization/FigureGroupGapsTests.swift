import Testing
@testable import Qiyue

/// Spaces inside a figure's thousands groups are removed where the figure reads as money or a
/// measure; account numbers, phone numbers and lists written in groups stay apart.
@Suite struct FigureGroupGapsTests {
    static let joined: [(String, String)] = [
        ("月租金为人民币 8 , 500 元", "月租金为人民币8,500元"),
        ("价款人民币 1 , 250 , 000 元", "价款人民币1,250,000元"),
        ("固定费用 ¥ 45 000.00 元", "固定费用 ¥45000.00元"),
        ("违约金人民币 3 000 元", "违约金人民币3000元"),
        ("建筑面积 1 , 200 平方米", "建筑面积1,200 平方米"),
        // Typed or recognized a digit at a time, the separators spaced like the digits.
        ("金额 1 3 6, 0 0 0 元", "金额136,000元"),
        ("合计 ¥2 9 9, 5 0 0. 0 0", "合计 ¥299,500.00"),
        ("单价 8 5 元/株", "单价85元/株"),
        ("3 0 0 株", "300 株"),
        ("逾期超过 1 0 日的", "逾期超过10日的"),
        ("货款的 2 0 %支付", "货款的20%支付"),
        // OCR left a space inside the leading group, right after a currency sign.
        ("单价人民币 2 68,000 元", "单价人民币268,000元"),
        ("单价人民币 5 9,000 元", "单价人民币59,000元"),
        // A figure that is all its table cell holds (the header names the unit).
        ("武汉—长沙\t9.6 米厢式货车\t3 200", "武汉—长沙\t9.6米厢式货车\t3200"),
    ]
    static let kept: [(String, String)] = [
        ("账号 6222 0812 0510 606", "账号6222 0812 0510 606"),
        ("电话 138 5712 6609", "电话138 5712 6609"),
        ("编号 101 , 102 , 103", "编号101 , 102 , 103"),
        // Without a currency sign before it a number and a figure stay apart (a row number, a sum).
        ("序号 1 28,000", "序号1 28,000"),
        ("第 3 幢 502 室", "第3 幢502 室"),
        ("第 1, 2 项", "第1, 2 项"),
        ("电话 1 3 6 0 2 5 8 7 1 4 9", "电话1 3 6 0 2 5 8 7 1 4 9"),
    ]

    @Test(arguments: joined + kept)
    func groups(_ c: (String, String)) throws {
        let doc = try Analyzer().analyze(text: c.0)
        #expect(doc.normalizedText == c.1)
        let n = doc.normalizedText.unicodeScalars.count
        for i in 0..<n {
            #expect(doc.originalText(doc.originalSpan(i..<(i + 1))) == doc.normalizedText(i..<(i + 1)))
        }
    }

    @Test func spacedAmountsKeepTheirPurposes() throws {
        let text = """
            房屋租赁合同
            出租方（甲方）：张三
            承租方（乙方）：李四
            第三条 月租金为人民币 8 , 500 元，押金人民币 17 , 000 元。
            第九条 任何一方提前解除合同的，应向对方支付违约金 ¥ 17 000.00 元。
            """
        let (r, _) = try Pipeline().report(text: text, category: "lease")
        #expect(r.amounts.contains { $0.value == 8500 && $0.purpose == "rent" })
        #expect(r.amounts.contains { $0.value == 17000 && $0.purpose == "security_deposit" })
        #expect(r.penalties.contains { $0.amount == 17000 && $0.payer == "either" && $0.form == "fixed" })
    }
}
