/// Finds where a number starts and ends so it stays one token: 1,850,000.00, 3.5万, 30%, 5‰,
/// 壹佰捌拾伍万零捌仟, 二〇二五, 三万五, 百分之十, 千分之五. Values are resolved later by the number
/// parser; this only finds spans.
///
/// Words that contain numerals but are not quantities (一方, 统一, 十分满意 …) come from the
/// `notNumbers` lexicon (Rules/lexicon/not-numbers.txt).
struct NumberScanner: Sendable {
    let notNumbers: Lexicon
    // Instance copies of the static sets: a static is reached through a lazy-initialization check
    // on every access, which shows in the per-character loops.
    private let numerals = NumberScanner.numeralChars
    private let magnitudes = NumberScanner.magnitudeChars
    private let financial = NumberScanner.financialChars
    private let units = NumberScanner.unitChars
    private let fractionHeadSet = NumberScanner.fractionHeads
    private let capitals = NumberScanner.capitalUnits

    static let numeralChars = ScalarSet("零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億廿卅")
    static let financialChars = ScalarSet("壹贰叁肆伍陆柒捌玖拾佰仟")
    /// Characters after a single numeral that make it a quantity (一年, 三个, 五日, 十元).
    static let unitChars = ScalarSet("个日天月年元角分条项份次倍周号时小岁名人间套层楼期週星秒刻股台辆件户")
    static let magnitudeChars = ScalarSet("十百千万亿萬億")
    private static let dian: UInt32 = "点".unicodeScalars.first!.value
    private static let di: UInt32 = "第".unicodeScalars.first!.value
    private static let zhi: UInt32 = "之".unicodeScalars.first!.value
    private static let fractionHeads = ScalarSet("百千万")
    private static let fen: UInt32 = "分".unicodeScalars.first!.value

    @inline(__always) static func isNumeral(_ c: UInt32) -> Bool { numeralChars.contains(c) }

    /// 参 (from Traditional 參, the capital 叁) counts as a numeral only before a capital unit
    /// (参佰陆拾万元), never in 参加 or 参考.
    private static let can: UInt32 = 0x53C2
    private static let capitalUnits = ScalarSet("拾佰仟万萬亿億")
    @inline(__always) static func isCapitalCan(_ t: [UInt32], _ j: Int, _ limit: Int) -> Bool {
        t[j] == can && j + 1 < limit && capitalUnits.contains(t[j + 1])
    }

    /// Whether a number could start with this character (cheap pre-test).
    @inline(__always) static func mayStart(_ c: UInt32) -> Bool { CharClass.isDigit(c) || numeralChars.contains(c) || c == can }
    /// ``mayStart(_:)`` without the static look-up.
    @inline(__always) func mayStart(_ c: UInt32) -> Bool { CharClass.isDigit(c) || numerals.contains(c) || c == Self.can }
    @inline(__always) private func isCapitalCan(_ t: [UInt32], _ j: Int, _ limit: Int) -> Bool {
        t[j] == Self.can && j + 1 < limit && capitals.contains(t[j + 1])
    }

    /// End (exclusive) of the number starting at `i`, or nil.
    func match(_ t: [UInt32], at i: Int, limit: Int) -> Int? {
        guard i < limit else { return nil }
        let c = t[i]
        if CharClass.isDigit(c) { return arabic(t, i, limit) }
        guard numerals.contains(c) || isCapitalCan(t, i, limit) else { return nil }
        // 百分之十 / 千分之五 / 万分之五
        if fractionHeadSet.contains(c), i + 3 < limit, t[i + 1] == Self.fen, t[i + 2] == Self.zhi {
            if CharClass.isDigit(t[i + 3]), let e = arabic(t, i + 3, limit, allowPercent: false) { return e }
            if let e = chineseRun(t, i + 3, limit) { return e }
        }
        if blocked(t, i, limit) { return nil }
        guard let e = chineseRun(t, i, limit) else { return nil }
        let len = e - i
        if len >= 2 { return e }
        // A lone magnitude (万元, 百姓, 千克) is not a number; 十 alone is (十元, 十日).
        if magnitudes.contains(c) && c != 0x5341 { return nil }
        if financial.contains(c) || c == 0x5EFF || c == 0x5345 { return e }  // 廿 卅
        if e < limit && units.contains(t[e]) { return e }
        if i > 0 && t[i - 1] == Self.di { return e }
        return nil
    }

    private func chineseRun(_ t: [UInt32], _ i: Int, _ limit: Int) -> Int? {
        var j = i
        while j < limit {
            let c = t[j]
            if numerals.contains(c) || isCapitalCan(t, j, limit) { j += 1; continue }
            if c == Self.dian && j > i && j + 1 < limit && numerals.contains(t[j + 1]) { j += 1; continue }
            break
        }
        guard j > i else { return nil }
        // Stop before a trailing magnitude that starts a not-number word (千克, 千米 …).
        while j > i + 1, notNumbers.longestMatch(t, at: j - 1, limit: limit) != nil,
              magnitudes.contains(t[j - 1]) {
            j -= 1
        }
        return j
    }

    private func arabic(_ t: [UInt32], _ i: Int, _ limit: Int, allowPercent: Bool = true) -> Int? {
        var j = i
        while j < limit && CharClass.isDigit(t[j]) { j += 1 }
        // Thousands separators: ",ddd" groups.
        while j + 3 < limit, t[j] == 0x2C, CharClass.isDigit(t[j + 1]), CharClass.isDigit(t[j + 2]),
              CharClass.isDigit(t[j + 3]), !(j + 4 < limit && CharClass.isDigit(t[j + 4])) {
            j += 4
        }
        if j + 1 < limit && t[j] == 0x2E && CharClass.isDigit(t[j + 1]) {
            j += 1
            while j < limit && CharClass.isDigit(t[j]) { j += 1 }
        }
        // Magnitudes: 3.5万, 1.2亿, 5千万 — but not 5千克.
        var m = 0
        while j < limit && m < 2 && magnitudes.contains(t[j]) && notNumbers.longestMatch(t, at: j, limit: limit) == nil {
            j += 1
            m += 1
        }
        if allowPercent && j < limit && (t[j] == 0x25 || t[j] == 0x2030) { j += 1 }
        else if allowPercent && j + 1 < limit && t[j] == 0x20 && (t[j + 1] == 0x25 || t[j + 1] == 0x2030) { j += 2 }
        return j
    }

    /// Whether position i sits inside a not-number word (统一, 一方, 十分满意 …).
    private func blocked(_ t: [UInt32], _ i: Int, _ limit: Int) -> Bool {
        let from = max(0, i - 3)
        for s in from...i {
            if let e = notNumbers.longestMatch(t, at: s, limit: limit), e > i { return true }
        }
        return false
    }
}
