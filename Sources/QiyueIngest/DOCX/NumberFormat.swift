/// Word's list number formats (`w:numFmt`), rendered as Word shows them: 一 十一 二十一 for
/// `chineseCounting`, 壹 for `chineseLegalSimplified`, ① for `decimalEnclosedCircle` …
enum NumberFormat {
    static func render(_ n: Int, format: String) -> String {
        switch format {
        case "decimal": return String(n)
        case "decimalZero": return n < 10 && n >= 0 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x2460 + UInt32(n - 1))!) : String(n)
        case "decimalEnclosedParen":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x2474 + UInt32(n - 1))!) : "(\(n))"
        case "decimalEnclosedFullstop":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x2488 + UInt32(n - 1))!) : "\(n)."
        case "upperLetter": return letters(n, upper: true)
        case "lowerLetter": return letters(n, upper: false)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
             "japaneseCounting", "koreanCounting":
            // Word writes 〇 for the zeros of a counted number (一百〇五) and 十 without a leading 一.
            return counting(n, digits: simplifiedDigits, units: ["", "十", "百", "千"], omitLeadingOneTen: true, zero: "〇")
        case "chineseLegalSimplified":
            return counting(n, digits: legalSimplifiedDigits, units: ["", "拾", "佰", "仟"], omitLeadingOneTen: false)
        case "ideographLegalTraditional", "japaneseLegal":
            return counting(n, digits: legalTraditionalDigits, units: ["", "拾", "佰", "仟"], omitLeadingOneTen: false)
        case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
            return String(String(n).map { simplifiedDigits[Int(String($0))!] }).replacingOccurrences(of: "零", with: "〇")
        case "ideographTraditional": return cycle(n, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac": return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
        case "none": return ""
        default: return String(n)
        }
    }

    static let simplifiedDigits: [Character] = Array("零一二三四五六七八九")
    static let legalSimplifiedDigits: [Character] = Array("零壹贰叁肆伍陆柒捌玖")
    static let legalTraditionalDigits: [Character] = Array("零壹貳參肆伍陸柒捌玖")

    /// Chinese counting up to 9999: 十, 十一, 二十, 一百〇五, 一千〇一十 (legal forms: 壹佰零伍).
    static func counting(_ n: Int, digits: [Character], units: [String], omitLeadingOneTen: Bool, zero: Character? = nil) -> String {
        guard n > 0 else { return String(zero ?? digits[0]) }
        guard n < 10_000 else { return String(n) }
        let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        let zeroDigit = zero ?? digits[0]
        var out = "", pendingZero = false, started = false
        for (i, d) in ds.enumerated() {
            let unit = units[3 - i]
            if d == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { out.append(zeroDigit); pendingZero = false }
            if !(omitLeadingOneTen && !started && d == 1 && i == 2) { out.append(digits[d]) }
            out += unit
            started = true
        }
        return out
    }

    static func letters(_ n: Int, upper: Bool) -> String {
        guard n > 0 else { return "" }
        // Word repeats the letter: A … Z, AA … ZZ, AAA …
        let letter = Unicode.Scalar(UInt8((upper ? 0x41 : 0x61) + (n - 1) % 26))
        return String(repeating: String(Character(letter)), count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    static func cycle(_ n: Int, _ symbols: String) -> String {
        let s = Array(symbols)
        return n > 0 ? String(s[(n - 1) % s.count]) : ""
    }
}
