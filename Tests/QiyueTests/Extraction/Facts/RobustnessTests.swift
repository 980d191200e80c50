import Foundation
import Testing
@testable import Qiyue

/// The pipeline never crashes or hangs: random mixtures of contract fragments, blanks, brackets,
/// digits and punctuation, and every seed cut at random points.
@Suite struct RobustnessTests {
    @Test func randomFragmentsNeverCrash() throws {
        let pipeline = try Pipeline()
        let pieces = ["甲方", "乙方", "(", ")", "（以下简称", "）：", ":", "____", " ", "  ", "\n", "人民币", "元整", "¥",
                      "壹佰", "万", "3.5", "%", "千分之五", "每逾期一日", "违约金", "定金", "双倍返还", "之日起", "30日内",
                      "签订", "当日", "时", "年", "月", "日", "前", "提前", "自", "至", "止", "租赁期限为", "试用期",
                      "身份证号：", "110105196803124518", "电话", "13911112222", "，", "。", "；", "即", "作为",
                      "参", "佰", "(大写", "T+1日", "第一条", "一、", "(1)", "｜", "赔偿", "向对方", "12345678901234567890"]
        var rng = SeededRandom(seed: 20261123)
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<Int(rng.next() % 40) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let (r, doc) = pipeline.report(text: s, category: "house_sale")
            for a in r.amounts { #expect(a.span.end <= doc.original.unicodeScalars.count) }
        }
    }

    @Test func seedPrefixesNeverCrash() throws {
        let pipeline = try Pipeline()
        var rng = SeededRandom(seed: 7)
        for f in TestSupport.seedFiles {
            let text = try String(contentsOfFile: f, encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            for _ in 0..<5 {
                let a = Int(rng.next() % UInt64(max(1, scalars.count)))
                let b = min(scalars.count, a + Int(rng.next() % 3000))
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[a..<b])
                _ = pipeline.report(text: String(s), category: "lease")
            }
        }
    }

    /// The entity grammar over numeral soup: every rule's look-behind and look-ahead stays in bounds,
    /// and every output encodes as JSON (no infinite values).
    @Test func numeralSoupNeverCrashes() throws {
        let analyzer = try TestSupport.analyzer()
        let extractor = EntityExtractor(knowledge: analyzer.knowledge)
        let alphabet = Array("零〇一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟貳參叄陸両俩0123456789.,-/:~ 年月日号时点分秒半个又之成折打块元毛角钱人民币美元$¥%至到起止前以上以下内不超过第负()（）_\n民国上午下午工作日周礼拜小时刻钟百分点对半价")
        var rng = SeededRandom(seed: 1212)
        for _ in 0..<600 {
            var s = ""
            for _ in 0..<Int(rng.next() % 30 + 1) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let entities = extractor.extract(analyzer.analyze(text: s))
            _ = try JSONEncoder().encode(entities)
        }
    }
}
