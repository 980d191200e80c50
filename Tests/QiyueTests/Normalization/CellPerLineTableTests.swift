import Testing
@testable import Qiyue

/// Tables exported one cell per line are read back as rows (newlines → tabs, in place).
@Suite struct CellPerLineTableTests {
    func rejoined(_ s: String) -> String {
        var t = s.unicodeScalars.map(\.value)
        _ = CellPerLineTable.rejoin(&t, lines: LineNormalizer.lines(of: t))
        return String(String.UnicodeScalarView(t.compactMap(Unicode.Scalar.init)))
    }

    @Test func aScheduleWithAHeaderRowsAndATotal() {
        let text = "租金支付表如下：\n期次\n租金支付日\n应付租金（元）\n1\n2026年8月31日\n486,000.00\n2\n2026年11月30日\n486,000.00\n合计\n—\n972,000.00\n本合同租金不作调整。"
        let out = rejoined(text)
        #expect(out == "租金支付表如下：\n期次\t租金支付日\t应付租金（元）\n1\t2026年8月31日\t486,000.00\n2\t2026年11月30日\t486,000.00\n合计\t—\t972,000.00\n本合同租金不作调整。")
        #expect(out.unicodeScalars.count == text.unicodeScalars.count)
    }

    @Test func aGoodsListOfFourColumns() {
        let text = "品名\n数量\n单价\n金额\n钢管\n20\n150.00\n3,000.00\n角钢\n10\n80.00\n800.00\n"
        #expect(rejoined(text) == "品名\t数量\t单价\t金额\n钢管\t20\t150.00\t3,000.00\n角钢\t10\t80.00\t800.00\n")
    }

    /// Sums with a currency sign or code (US$18.50) and counts with their unit (4,800台, 10,800台/套)
    /// are figures: an export contract's goods list is a table.
    @Test func currencyCodesAndUnitsInCells() {
        let text = "品名及规格\n数量\n单价（CIF）\n金额\n家用电钻\n4,800台\nUS$18.50\nUS$88,800.00\n角磨机\n3,600台\nUS$21.20\nUS$76,320.00\n合计\n10,800台/套\n—\nUS$165,120.00\n"
        #expect(rejoined(text) == "品名及规格\t数量\t单价（CIF）\t金额\n家用电钻\t4,800台\tUS$18.50\tUS$88,800.00\n角磨机\t3,600台\tUS$21.20\tUS$76,320.00\n合计\t10,800台/套\t—\tUS$165,120.00\n")
    }

    /// A column of sums may mix whole numbers and grouped figures (300, 1,200), and a total row
    /// spans its first columns with dashes.
    @Test func wholeNumbersAndGroupedFiguresInOneColumn() {
        let text = "序号\n维修项目\n工时费（元）\n小计（元）\n1\n更换保险杠\n300\n2,780\n2\n更换大灯\n150\n3,800\n3\n钣金喷漆\n1,200\n1,800\n合计\n—\n—\n8,380\n"
        #expect(rejoined(text) == "序号\t维修项目\t工时费（元）\t小计（元）\n1\t更换保险杠\t300\t2,780\n2\t更换大灯\t150\t3,800\n3\t钣金喷漆\t1,200\t1,800\n合计\t—\t—\t8,380\n")
        // Six labels are the header, not four columns with a row starting 单价（元）, 金额（元）.
        let goods = "序号\n设备名称\n规格型号\n数量\n单价（元）\n金额（元）\n1\n数控车床\nCK6150\n4台\n186,000.00\n744,000.00\n2\n加工中心\nVMC850\n2台\n325,000.00\n650,000.00\n"
        #expect(rejoined(goods).hasPrefix("序号\t设备名称\t规格型号\t数量\t单价（元）\t金额（元）\n1\t数控车床"))
    }

    /// A quantity column holds small counts and larger figures alike (3000 above 40); the row
    /// numbers of the first column keep one kind.
    @Test func aQuantityColumnMixesCountsAndFigures() {
        let text = "品名\n单位\n单价（元）\n月预估量\n金额（元）\n大米\n千克\n6.80\n3000\n20,400.00\n食用油\n桶\n268.00\n40\n10,720.00\n"
        #expect(rejoined(text) == "品名\t单位\t单价（元）\t月预估量\t金额（元）\n大米\t千克\t6.80\t3000\t20,400.00\n食用油\t桶\t268.00\t40\t10,720.00\n")
        // A caption on a line of its own before the header is no header cell (it would shift the columns).
        let goods = "一、设备名称、规格、数量及价格\n序号\n设备名称\n规格型号\n数量\n单价（元）\n金额（元）\n1\n数控车床\nCK6150\n4台\n186,000.00\n744,000.00\n2\n立式加工中心\nVMC850\n2台\n325,000.00\n650,000.00\n3\n空气压缩机\nBK22-8\n1台\n46,000.00\n46,000.00\n"
        #expect(rejoined(goods) == "一、设备名称、规格、数量及价格\n序号\t设备名称\t规格型号\t数量\t单价（元）\t金额（元）\n1\t数控车床\tCK6150\t4台\t186,000.00\t744,000.00\n2\t立式加工中心\tVMC850\t2台\t325,000.00\t650,000.00\n3\t空气压缩机\tBK22-8\t1台\t46,000.00\t46,000.00\n")
    }

    /// Long runs of short lines are read in one pass: 270,000 one-word lines stay as they are, and
    /// 60,000 repetitions of a two-column table are all read as rows.
    @Test func longRunsStayLinear() {
        let words = "租赁合同\n" + String(repeating: "甲方\n乙方\n期次\n", count: 90_000)
        #expect(rejoined(words) == words)
        let tables = String(repeating: "期次\n金额\n1\n5000\n2\n6000\n合同条款如下。\n", count: 20_000)
        #expect(rejoined(tables) == String(repeating: "期次\t金额\n1\t5000\n2\t6000\n合同条款如下。\n", count: 20_000))
    }

    @Test(arguments: [
        // A signature block: short lines, but no header of labels with rows of figures under it.
        "甲方（盖章）\n法定代表人\n日期\n乙方（签字）\n日期\n见证人\n",
        // Numbered items, one word each: no column of figures or dates.
        "附件\n设备清单\n安装说明\n验收报告\n发票\n保修卡\n",
        // Sentences are no cells.
        "期次\n支付日\n金额\n1\n签订后三日内支付首付款。\n100,000\n2\n验收后支付余款。\n50,000\n",
    ])
    func listsStayLines(_ text: String) {
        #expect(rejoined(text) == text)
    }
}
