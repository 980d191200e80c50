import Testing
@testable import Qiyue

/// Spaces that web editors, generators and OCR put around figures are removed in normalization,
/// once, for every stage (with the offset map); template blanks and column gaps stay.
@Suite struct FigureSpacingTests {
    static let cases: [(String, String)] = [
        ("自 2025 年 9 月 1 日起至 2028 年 8 月 31 日止", "自2025年9月1日起至2028年8月31日止"),
        ("本合同生效后 45 日内", "本合同生效后45日内"),
        ("合同总金额 735000 元", "合同总金额735000元"),
        ("于2025年11月30日 前", "于2025年11月30日前"),
        ("租期 3 个月, 押金 ¥ 6000 元", "租期3个月, 押金 ¥6000元"),
        ("年利率为 4.35 %", "年利率为4.35%"),
        // Template blanks: no figure beside the gap.
        ("乙方于 年 月 日前交付转让款", "乙方于 年 月 日前交付转让款"),
        ("余款于2014年 月 日之前付清", "余款于2014年 月 日之前付清"),
        ("人民币 元整", "人民币 元整"),
        // A gap after a figure that is not its unit, and a column gap, stay.
        ("电话 13800000000 传真 021-1234567", "电话13800000000 传真021-1234567"),
        ("甲方:张三      2025年", "甲方:张三      2025年"),
    ]

    @Test(arguments: cases)
    func figureGaps(_ c: (String, String)) throws {
        let doc = try Analyzer().analyze(text: c.0)
        #expect(doc.normalizedText == c.1)
        // Every normalized character still maps to itself in the original.
        let n = doc.normalizedText.unicodeScalars.count
        for i in 0..<n {
            #expect(doc.originalText(doc.originalSpan(i..<(i + 1))) == doc.normalizedText(i..<(i + 1)))
        }
    }

    @Test func canBeTurnedOff() throws {
        let doc = try Analyzer(normalization: NormalizationOptions(collapseFigureSpaces: false)).analyze(text: "生效后 45 日内")
        #expect(doc.normalizedText == "生效后 45 日内")
    }

    @Test func spacedContractYieldsItsFacts() throws {
        let text = """
            技术服务合同
            甲方：上海某某科技有限公司
            乙方：杭州某某信息技术有限公司
            第一条 服务期限自 2025 年 9 月 1 日起至 2028 年 8 月 31 日止。
            第二条 合同总金额 735000 元，甲方应于本合同生效后 45 日内支付首期款。
            第三条 乙方应于2025年11月30日 前交付全部成果。
            """
        let (r, doc) = try Pipeline().report(text: text, category: "service")
        #expect(r.amounts.contains { $0.value == 735000 && $0.purpose == "total_price" })
        #expect(doc.originalText(try #require(r.amounts.first).span) .contains("735000 元"))
        #expect(r.dates.map(\.value).contains("2025-09-01") && r.dates.map(\.value).contains("2028-08-31"))
        #expect(r.deadlines.contains { $0.relative?.amount == 45 && $0.obligor == "甲方" })
        #expect(r.deadlines.contains { $0.date == "2025-11-30" && $0.obligor == "乙方" })
        #expect(r.periods.contains { $0.start == "2025-09-01" && $0.end == "2028-08-31" })
    }
}

/// Text tables drawn with box characters or Markdown pipes are read as cells, as DOCX tables are.
@Suite struct TextTableTests {
    @Test func boxAndPipeTablesBecomeTabSeparatedRows() throws {
        let text = "┌────┬────┐\n│甲方│张三│\n├────┼────┤\n│乙方│李四│\n└────┴────┘\n| 项目 | 金额 |\n|---|---|\n| 租金 | 3000元 |"
        let doc = try Analyzer().analyze(text: text)
        let lines = doc.normalizedText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        #expect(lines == ["甲方\t张三", "乙方\t李四", "项目 \t 金额", "租金 \t 3000元"])
    }

    @Test func partiesFromABoxTable() throws {
        let text = "房屋租赁合同\n┌────────┬──────────────┐\n│出租方（甲方）│成都锦华商业管理有限公司│\n│联系电话│028-85126677│\n├────────┼──────────────┤\n│承租方（乙方）│胡建军│\n│身份证号│210202198107092734│\n└────────┴──────────────┘\n"
        let r = try Pipeline().report(text: text, category: "lease").0
        #expect(r.parties.map { $0.name ?? "∅" } == ["成都锦华商业管理有限公司", "胡建军"])
        #expect(r.parties.first?.phones == ["028-85126677"])
        #expect(r.parties.last?.ids.first?.value == "210202198107092734")
    }

    @Test func aBarInRunningTextStays() throws {
        let doc = try Analyzer().analyze(text: "选项 A|B 均可")
        #expect(doc.normalizedText.contains("|"))
    }
}
