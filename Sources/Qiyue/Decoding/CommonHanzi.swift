/// Scores how much a decoded text looks like real Chinese: the share of its non-ASCII characters that
/// are among the most frequent Simplified and Traditional hanzi (and common CJK punctuation).
///
/// Used only to choose between legacy encodings that both decode the same bytes without error
/// (short GBK input often decodes as Big5 too, into rare characters). Kept in code rather than in
/// Rules/: it is a fixed property of the language, not something users tune.
enum CommonHanzi {
    private static let common: ScalarSet = {
        let simplified = """
        的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严甲乙丙方款租赁买卖违约押签订售购房屋同意协议履债务赔偿损失费付货币额双倍期限届满终止解除仲裁诉讼法院
        """
        let traditional = """
        們這個來時為會發國說對過後產種現實體點從業還應開關與間樣當動經長問題員門書東車給見聽記語讀話買賣價錢銀貸約償債務權證據條議雙費額終屆滿訴訟裁院覽網電腦製氣數據學習歷實際區線視號處義養團標準設計環節錄戶區際廣華醫藥憑壹貳參肆陸柒捌玖萬億
        """
        var s = ScalarSet()
        for u in simplified.unicodeScalars where u.value > 0x7F { s.insert(u.value) }
        for u in traditional.unicodeScalars where u.value > 0x7F { s.insert(u.value) }
        for u in "，。、；：？！“”（）《》【】—…·" .unicodeScalars { s.insert(u.value) }
        return s
    }()

    /// Share (0...1) of non-ASCII scalars that are common; 0 when there are none.
    static func score(_ text: String) -> Double {
        var total = 0, hits = 0
        for u in text.unicodeScalars where u.value > 0x7F {
            total += 1
            if common.contains(u.value) { hits += 1 }
            if total >= 20_000 { break }
        }
        return total == 0 ? 0 : Double(hits) / Double(total)
    }
}
