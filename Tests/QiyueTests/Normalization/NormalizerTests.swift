import Foundation
import Testing
@testable import Qiyue

@Suite struct NormalizerTests {
    func normalize(_ s: String, _ options: NormalizationOptions = NormalizationOptions()) throws -> Document {
        try TestSupport.analyzer(options).analyze(text: s)
    }

    @Test(arguments: [
        ("１２３，ＡＢＣ（）", "123,ABC()"),
        ("甲方：张三；乙方：李四", "甲方:张三;乙方:李四"),
        ("【房屋】〔2023〕﹙一﹚", "[房屋][2023](一)"),
        ("客 户 资 料", "客户资料"),
        ("甲 方 :张 三", "甲方:张三"),
        ("?第一条 价款", "第一条 价款"),
        ("房屋買賣契約書", "房屋买卖契约书"),
        ("總價款人民幣　元整", "总价款人民币 元整"),
        ("a\r\nb", "a\nb"),
        ("①甲方", "①甲方"),
        // Simplified characters ICU would rewrite as Traditional ones stay; Traditional 於/後 do not.
        ("计算机软件著作权许可使用合同", "计算机软件著作权许可使用合同"),
        ("健身俱乐部會員應於期滿後續費", "健身俱乐部会员应于期满后续费"),
        // 曰 read for 日 after a day of a month (OCR) is 日; elsewhere it stays.
        ("于2027年2月28曰前归还", "于2027年2月28日前归还"),
        ("二〇二七年三月十五曰", "二〇二七年三月十五日"),
        ("第一期：2 0 2 7 年 2 月 2 8 曰前", "第一期:2027年2月28日前"),
        ("子曰：学而时习之", "子曰:学而时习之"),
        ("交货前 2 曰通知甲方", "交货前2日通知甲方"),
        // OCR's O for 0 inside a figure; a word with O stays.
        ("预付款人民币 2O,OOO 元", "预付款人民币20,000元"),
        ("于 2O27 年 6 月 1O 曰至 6 月 25 曰", "于2027年6月10日至6月25日"),
        ("每斤 3.2O 元，约 4O 亩", "每斤3.20元,约40亩"),
    ])
    func normalizes(_ input: String, _ expected: String) throws {
        #expect(try normalize(input).normalizedText == expected)
    }

    /// An O that is no digit's neighbour in a figure stays a letter (a model name, a word).
    @Test func aLetterOOutsideFiguresStays() throws {
        let n = try normalize("型号 OLED-55，第 2 条 OK").normalizedText
        #expect(n.contains("OLED-55") && n.hasSuffix("OK"), "\(n)")
    }

    @Test func traditionalConversionCanBeSwitchedOff() throws {
        let doc = try normalize("買賣", NormalizationOptions(traditionalToSimplified: false))
        #expect(doc.normalizedText == "買賣")
    }

    @Test func templateBlanksSurvive() throws {
        for s in ["总价款人民币 元整", "甲方将 号楼 单元 层 室", "乙方:_________", "年 月 日"] {
            let doc = try normalize(s)
            #expect(doc.normalizedText == s, "blank lost in \(s)")
        }
    }

    @Test func tableRowsAreNeverJoined() throws {
        // Two rows of a DOCX table (cells separated by a tab): the first ends in a Han character
        // and is long, the next starts with one, as a wrapped line would.
        let text = "出租方（甲方）\t成都锦华商业管理有限公司武侯分公司总部\n法定代表人\t邓国强\n"
        let doc = try normalize(text)
        #expect(doc.normalizedText.contains("总部\n法定代表人"))
        // Single-character cells are not spaced-out text.
        #expect(try normalize("性别\t男\t民族\t汉\n").normalizedText == "性别\t男\t民族\t汉\n")
    }

    @Test func wrappedLinesJoinButParagraphsSurvive() throws {
        let text = "乙方应当在本合同签订之日起三十日内向甲方支付全部\n购房款，逾期支付的应承担违约责任。\n\n第二条 交付\n甲方:北京某某科技有限公司\n乙方:上海某某贸易有限公司"
        let doc = try normalize(text)
        #expect(doc.normalizedText.contains("支付全部购房款"))
        #expect(doc.normalizedText.contains("违约责任。\n\n第二条"))
        #expect(doc.normalizedText.contains("有限公司\n乙方"))
    }

    @Test func aLineThatBeginsWithPunctuationOrAFigureAfterItsSignContinues() throws {
        let doc = try normalize("乙方应向甲方支付相当于3个月租金的租赁保证金\n，即人民币壹拾捌万玖仟元整。\n每月固定费用人民币¥\n45000元。\n甲方:张三\n乙方:李四")
        #expect(doc.normalizedText.contains("租赁保证金,即人民币"))
        #expect(doc.normalizedText.contains("¥45000元"))
        #expect(doc.normalizedText.contains("张三\n乙方"))
    }


    @Test func aDateCutAfterItsMonthOrYearReadsWhole() throws {
        let doc = try normalize("服务期限自 2026 年 6 月 1 日起至 2027 年 5 月 \n31 日止。签约于2026年\n5月20日。\n2027年5月\n3. 付款")
        #expect(!doc.normalizedText.contains("\n31"))
        #expect(doc.normalizedText.contains("2026年5月20日"))
        // A line that only opens with a figure and no day or month after it is a line of its own.
        #expect(doc.normalizedText.contains("2027年5月\n3. 付款"))
        let dates = EntityExtractor(knowledge: try KnowledgeBase.shared()).extract(doc, dims: [.date])
        #expect(dates.contains { $0.value?.end == "2027-05-31" })
    }
    @Test func aDateCutAfterTheFigureOfItsMonthReadsWhole() throws {
        let doc = try normalize("借款期限自 2027 年 1 月 20 日起至 2027 年 11 \n月 20 日止。甲方应于 2027 年 1 月 20 日前将借款一次\n性支付给乙方。\n第 11\n月度报告")
        let dates = EntityExtractor(knowledge: try KnowledgeBase.shared()).extract(doc, dims: [.date])
        #expect(dates.contains { $0.value?.end == "2027-11-20" })
        // No year before it: a figure ending a line is no month of a date.
        #expect(doc.normalizedText.contains("第 11\n月度报告") || doc.normalizedText.contains("第11\n月度报告"))
    }

    @Test func recognizedTextLosesTheRecognizersSpacesOnly() throws {
        let text = "乙方逾期交付的，应向甲方支付违约 金，每逾期一日按 总价款的千分之五计算。\n乙方：张三 身份证号：330102199001011234\n联系 电话：13800000000\n于 年 月 日前付清。"
        let typed = try TestSupport.analyzer().analyze(text: text)
        #expect(typed.normalizedText.contains("违约 金"))
        var source = SourceInfo(path: "scan.png")
        source.pages = [PageInfo(number: 1, span: TextSpan(0, text.unicodeScalars.count), width: 100, height: 100, unit: "px", ocr: true)]
        let scanned = try TestSupport.analyzer().analyze(text: text, source: source)
        let n = scanned.normalizedText
        #expect(n.contains("支付违约金,每逾期一日按总价款"))
        #expect(n.contains("张三 身份证号"))      // a value, then the next label: two fields
        #expect(n.contains("联系电话:"))          // one label the recognizer split
        #expect(n.contains("于 年 月 日前"))      // a blank date stays blank
        // Spans still point into the recognized text.
        let start = try #require(TestSupport.scalarOffset(of: "违约金", in: n))
        #expect(scanned.originalText(scanned.originalSpan(start..<(start + 3))) == "违约 金")
    }

    @Test func aNumberInWordsCutByAScannedLineReadsWhole() throws {
        let text = "甲方给付契约总价百分之三\n十，计新台币壹佰贰拾陆\n万元整。\n第三\n十条"
        var source = SourceInfo(path: "scan.png")
        source.pages = [PageInfo(number: 1, span: TextSpan(0, text.unicodeScalars.count), width: 100, height: 100, unit: "px", ocr: true)]
        let n = try TestSupport.analyzer().analyze(text: text, source: source).normalizedText
        #expect(n.contains("百分之三十,计新台币壹佰贰拾陆万元整"))
        // Typed text keeps its lines.
        #expect(try TestSupport.analyzer().analyze(text: text).normalizedText.contains("百分之三\n十"))
    }

    @Test func aShortScannedLineThatHoldsAClauseContinuesOnTheNext() throws {
        let text = "2. 安装调试完成后，甲方应\n于15个工作日内组织验收。\n三、\n质量标准\n房屋租赁合同\n出租方将房屋出租给承租方。"
        var source = SourceInfo(path: "scan.png")
        source.pages = [PageInfo(number: 1, span: TextSpan(0, text.unicodeScalars.count), width: 100, height: 100, unit: "px", ocr: true)]
        let n = try TestSupport.analyzer().analyze(text: text, source: source).normalizedText
        #expect(n.contains("甲方应于15个工作日内组织验收"))   // a comma: a sentence cut short
        #expect(n.contains("三、质量标准"))                  // a heading's number alone
        #expect(n.contains("房屋租赁合同\n出租方"))           // a short title stays a line
        // Typed text keeps its lines.
        let typed = try TestSupport.analyzer().analyze(text: text).normalizedText
        #expect(typed.contains("甲方应\n于15个") && typed.contains("三、\n质量标准"))
    }

    @Test func spacedOutCharactersMapBackToTheSpacedOriginal() throws {
        let text = "一、客 户 资 料\n"
        let doc = try normalize(text)
        let norm = doc.normalizedText
        let start = try #require(TestSupport.scalarOffset(of: "客户资料", in: norm))
        let span = doc.originalSpan(start..<(start + 4))
        #expect(doc.originalText(span) == "客 户 资 料")
        #expect(span == TextSpan(2, 9))
    }

    /// Every normalized scalar maps to a non-empty original range whose characters normalize to it.
    @Test(arguments: 0..<40)
    func offsetMapProperty(_ seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed + 1))
        let alphabet = Array("甲方乙总价款人民币元整違約金買賣１２３ＡＢ，：；（）【】 　\n\n\r_?客户资料0123456789.,%¥第一条、①")
        var s = ""
        for _ in 0..<(20 + Int(rng.next() % 200)) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        try checkMap(s)
    }

    @Test func offsetMapPropertyOnSeeds() throws {
        for file in TestSupport.seedFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try checkMap(text)
        }
    }

    func checkMap(_ text: String) throws {
        let doc = try normalize(text)
        let original = Array(text.unicodeScalars)
        var lastEnd = 0
        for i in 0..<doc.normalized.count {
            let span = doc.originalSpan(i..<(i + 1))
            #expect(span.length > 0 && span.length <= 2)
            #expect(span.start >= lastEnd || span.start == doc.originalSpan((i - 1)..<i).start)
            lastEnd = span.end
            let o = original[span.start]
            let n = doc.normalized[i]
            // Same character, or one NFKC / Traditional→Simplified / punctuation-variant step away.
            let single = try normalize(String(o)).normalized
            let ok = o.value == n || single.contains(n) || (o.value == 0x0D && n == 0x0A)
                || (n == 0x20 && (o.value == 0x0A || o.properties.isWhitespace))
                // A text table's cell bar (│, or | in a pipe-table row) becomes the tab that separates cells.
                || (n == 0x09 && (LineNormalizer.verticalBars.contains(o.value) || LineNormalizer.boxChars.contains(o.value)))
            #expect(ok, "normalized \(n) at \(i) does not come from original \(o.value)")
        }
        // Any normalized range maps to a non-empty original range.
        if doc.normalized.count > 3 {
            let span = doc.originalSpan(1..<(doc.normalized.count - 1))
            #expect(span.length >= doc.normalized.count - 2 || span.length > 0)
        }
    }
}

/// A small deterministic generator for property tests.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
