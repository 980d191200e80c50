import Testing
import Qiyue
@testable import QiyueIngest

/// OCR repairs: each kind of confusion, only where the context decides, never changing the length.
@Suite struct OCRRepairerTests {
    func repaired(_ s: String) -> String {
        let (out, repairs) = OCRRepairer().repair(s)
        #expect(out.unicodeScalars.count == s.unicodeScalars.count)
        for r in repairs { #expect(r.span.length == 1) }
        return out.replacingOccurrences(of: "\u{200B}", with: "")
    }

    @Test func figuresDatesAndSigns() {
        #expect(repaired("总价款为f1,850,000.00元") == "总价款为¥1,850,000.00元")
        #expect(repaired("租金（#3,000）") == "租金（¥3,000）")
        #expect(repaired("交付定金f ____(大写人民币 ),尾款# (大写人民币 )") == "交付定金¥ ____(大写人民币 ),尾款¥ (大写人民币 )")
        #expect(repaired("见附件# (一)") == "见附件# (一)")
        #expect(repaired("2O24年3月l5日") == "2024年3月15日")
        #expect(repaired("至 2027 年  8 月 3l 日止") == "至2027年  8月31日止")  // the spaces beside figures go too
        #expect(repaired("2024年3月15曰前") == "2024年3月15日前")
        #expect(repaired("乙方应在货物到达后7曰内完成安装，十五曰起算，5个工作曰内付款") == "乙方应在货物到达后7日内完成安装，十五日起算，5个工作日内付款")
        #expect(repaired("子曰：学而时习之") == "子曰：学而时习之")   // 曰 that counts no days stays
        #expect(repaired("¥1,850,000、00元") == "¥1,850,000.00元")
        #expect(repaired("¥1,850, 000.00") == "¥1,850,000.00")
        #expect(repaired("¥1,850,\n000.00") == "¥1,850,000.00")
        // A space inside a year or a day count; a space between two numbers stays.
        #expect(repaired("培训时间自202 5年11月3日起") == "培训时间自2025年11月3日起")
        #expect(repaired("期满之日起1 5日内，满3 0天，2 4小时内") == "期满之日起15日内，满30天，24小时内")
        #expect(repaired("第1 2条，共12 30日，2 3份") == "第1 2条，共12 30日，2 3份")
        #expect(repaired("支付至工程总价的9 5%，即人民币(2 5，950.00)") == "支付至工程总价的95%，即人民币(25,950.00)")
        #expect(repaired("甲方1，乙方2，共3，4份") == "甲方1，乙方2，共3，4份")
        #expect(repaired("身份证号33010219900l011234") == "身份证号330102199001011234")
        #expect(repaired("出卖人〈甲方):张伟") == "出卖人(甲方):张伟")
        #expect(repaired("甲方〈服务方):深圳市讯联通信技术有限公司") == "甲方(服务方):深圳市讯联通信技术有限公司")
        #expect(repaired("承租方〈以下简称乙方):黄晓婷") == "承租方(以下简称乙方):黄晓婷")
        #expect(repaired("见《民法典》（第一编）") == "见《民法典》（第一编）")
        #expect(repaired("总价款为人民市壹佰万元") == "总价款为人民币壹佰万元")
        #expect(repaired("杭州市人民市场") == "杭州市人民市场")
    }

    @Test func spacesInsideAnIdentifierGoWhenItsCheckCharacterAgrees() {
        #expect(repaired("身份证号:5 00 105199406031410") == "身份证号:500105199406031410")
        #expect(repaired("身份证号:1 2 0 104197606045212\n") == "身份证号:120104197606045212\n")
        // The check character disagrees, or the digits are separate numbers: the spaces stay.
        #expect(repaired("身份证号:5 00 105199406031411") == "身份证号:5 00 105199406031411")
        #expect(repaired("数量 12 345 678 901 234 567").hasSuffix("12 345 678 901 234 567"))
    }

    @Test func identifiersByTheirCheckCharacterOrAlphabet() {
        // The check character agrees only after the repair.
        #expect(repaired("代码：9161O133MA6U2L9D4R") == "代码：91610133MA6U2L9D4R")
        #expect(repaired("号码：3201021975O808161X") == "号码：32010219750808161X")
        // After a credit-code label the alphabet decides (no I, O or lower case), checksum or not.
        #expect(repaired("统一社会信用代码：9l510104MA6CQ2K81T") == "统一社会信用代码：91510104MA6CQ2K81T")
        // Nothing decides: an 18-character code with an O that no check or label supports stays.
        #expect(repaired("合同编号 HTO2024BJ009988776") == "合同编号 HTO2024BJ009988776")
        // A valid identifier is never touched.
        #expect(repaired("代码：91610133MA6U2L9D4R") == "代码：91610133MA6U2L9D4R")
    }

    @Test func traditionalCharactersInASimplifiedPage() {
        #expect(repaired("甲方：王建國，乙方：李四。依据本合同约定，双方应当遵守规定，价款为人民币壹万元。")
                == "甲方：王建国，乙方：李四。依据本合同约定，双方应当遵守规定，价款为人民币壹万元。")
        // A page in Traditional keeps its script.
        let traditional = "甲方：王建國，乙方：李四。依據本合約約定，雙方應當遵守規定，價款為新臺幣壹萬元。"
        #expect(repaired(traditional) == traditional)
    }

    @Test func wordsAndFiguresCheckEachOther() {
        #expect(repaired("人民币过佰撞拾伍万元整（1,850,000.00）") == "人民币壹佰捌拾伍万元整（1,850,000.00）")
        #expect(repaired("定金人民币伍万元整（450,000.00）") == "定金人民币伍万元整（¥50,000.00）")
        // 亻 read for 仟's neighbours (什, 件), 融 for 贰: seen in Tesseract's output on rendered contracts.
        #expect(repaired("人民币贰万伍什玖佰伍拾元整") == "人民币贰万伍仟玖佰伍拾元整")
        #expect(repaired("人民币人参万肆件陆佰元整") == "人民币人叁万肆仟陆佰元整")
        #expect(repaired("人民币贰万壹什陆佰融拾伍元整") == "人民币贰万壹仟陆佰贰拾伍元整")
        #expect(repaired("条件：什么文件") == "条件：什么文件")
        #expect(repaired("定金人民币陆抬 万元整（¥600,000.00）") == "定金人民币陆拾 万元整（¥600,000.00）")
        #expect(repaired("借款期限为拾武个月") == "借款期限为拾贰个月")
        #expect(repaired("武汉市叁位专家") == "武汉市叁位专家")
    }

    @Test func leavesWhatContextDoesNotDecide() {
        // A real mismatch of words and figures stays for the report to show.
        #expect(repaired("人民币壹佰万元整（2,000,000.00）") == "人民币壹佰万元整（2,000,000.00）")
        #expect(repaired("Oil 100 IOU") == "Oil 100 IOU")
        #expect(repaired("二〇二四年") == "二〇二四年")
        #expect(repaired("第1条 2 3") == "第1条 2 3")
        #expect(repaired("3#楼") == "3#楼")
    }

    @Test func capitalNumerals() {
        #expect(CapitalNumerals.words(1_850_000).map { String(String.UnicodeScalarView($0)) } == "壹佰捌拾伍万")
        #expect(CapitalNumerals.words(100_500).map { String(String.UnicodeScalarView($0)) } == "壹拾万零伍佰")
        #expect(CapitalNumerals.value("壹佰捌拾伍萬".unicodeScalars) == 1_850_000)
        #expect(CapitalNumerals.value("叁仟".unicodeScalars) == 3000)
    }
}
