/// Recognizes clause numbering at a position: 第五条, 第二章, 一、, (一), 1、, 1., (1), ①.
enum HeadingScanner {
    /// Numbering styles, each its own level family in the clause tree.
    enum Style: String, Sendable, Codable {
        case chapter, section, article, chineseEnum, chineseParen, arabicEnum, arabicParen, circled
    }

    struct Match {
        let style: Style
        /// End of the marker (exclusive), after any trailing separator.
        let end: Int
        /// The marker's numeric value, when it has one.
        let number: Int?
    }

    static let chineseDigits: ScalarMap<Int> = {
        var d = ScalarMap<Int>()
        for (i, c) in "零一二三四五六七八九".unicodeScalars.enumerated() { d[c.value] = i }
        d["〇".unicodeScalars.first!.value] = 0
        d["两".unicodeScalars.first!.value] = 2
        return d
    }()
    static let ten: UInt32 = 0x5341      // 十
    static let hundred: UInt32 = 0x767E  // 百
    static let thousand: UInt32 = 0x5343 // 千
    static let tenThousand: UInt32 = 0x4E07 // 万

    /// Reads a Chinese ordinal numeral (up to 99,999: 第一千零一条, 范文一千二百) starting at i.
    static func chineseNumber(_ t: [UInt32], _ i: Int, _ limit: Int) -> (value: Int, end: Int)? {
        var j = i, total = 0, current = 0, any = false
        while j < limit {
            let c = t[j]
            if let d = chineseDigits[c] { current = d; any = true }
            else if c == ten { total += (current == 0 ? 1 : current) * 10; current = 0; any = true }
            else if c == hundred { total += current * 100; current = 0; any = true }
            else if c == thousand { total += current * 1000; current = 0; any = true }
            else if c == tenThousand { total = (total + current) * 10_000; current = 0; any = true }
            else { break }
            j += 1
            if j - i > 12 { break }
        }
        return any ? (total + current, j) : nil
    }

    /// Reads up to `maxDigits` ASCII digits (clause markers take 3, so that "2023." is no heading).
    static func arabicNumber(_ t: [UInt32], _ i: Int, _ limit: Int, maxDigits: Int = 3) -> (value: Int, end: Int)? {
        var j = i, v = 0
        while j < limit, CharClass.isDigit(t[j]), j - i < maxDigits { v = v * 10 + Int(t[j] - 0x30); j += 1 }
        return j > i ? (v, j) : nil
    }

    static let di: UInt32 = 0x7B2C  // 第
    private static let kinds = ScalarMap<Style>([
        "章".unicodeScalars.first!.value: .chapter, "节".unicodeScalars.first!.value: .section,
        "条".unicodeScalars.first!.value: .article, "部".unicodeScalars.first!.value: .chapter,
    ])
    private static let dun: UInt32 = 0x3001  // 、

    /// The heading marker starting exactly at `i`, if any.
    static func match(_ t: [UInt32], at i: Int, limit: Int) -> Match? {
        guard i < limit else { return nil }
        let c = t[i]
        if c == di, let n = chineseNumber(t, i + 1, limit) ?? arabicNumber(t, i + 1, limit), n.end < limit,
           let style = kinds[t[n.end]] {
            var e = n.end + 1
            if style == .chapter && t[n.end] == "部".unicodeScalars.first!.value {
                guard e < limit, t[e] == "分".unicodeScalars.first!.value else { return nil }
                e += 1
            }
            return Match(style: style, end: skipSeparator(t, e, limit), number: n.value)
        }
        if let n = chineseNumber(t, i, limit), n.end < limit, t[n.end] == dun || t[n.end] == 0x2E {
            return Match(style: .chineseEnum, end: n.end + 1, number: n.value)
        }
        if c == 0x28, let n = chineseNumber(t, i + 1, limit), n.end < limit, t[n.end] == 0x29 {
            return Match(style: .chineseParen, end: skipSeparator(t, n.end + 1, limit), number: n.value)
        }
        if c == 0x28, let n = arabicNumber(t, i + 1, limit), n.end < limit, t[n.end] == 0x29 {
            return Match(style: .arabicParen, end: skipSeparator(t, n.end + 1, limit), number: n.value)
        }
        if let n = arabicNumber(t, i, limit), n.end < limit {
            let s = t[n.end]
            if s == dun || (s == 0x2E && !(n.end + 1 < limit && CharClass.isDigit(t[n.end + 1]))) {
                return Match(style: .arabicEnum, end: n.end + 1, number: n.value)
            }
            if s == 0x29 && n.end + 1 < limit && !CharClass.isDigit(t[n.end + 1]) {
                return Match(style: .arabicParen, end: n.end + 1, number: n.value)
            }
        }
        if (c >= 0x2460 && c <= 0x2473) { return Match(style: .circled, end: i + 1, number: Int(c - 0x2460 + 1)) }
        return nil
    }

    private static func skipSeparator(_ t: [UInt32], _ i: Int, _ limit: Int) -> Int {
        var j = i
        while j < limit && (CharClass.isSpace(t[j]) || t[j] == dun || t[j] == 0x3A || t[j] == 0x2E) { j += 1 }
        return j
    }
}
