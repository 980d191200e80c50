/// Resolves number text (normalized) to a value: Arabic with separators and magnitudes (3.5万),
/// Chinese numerals including financial capitals and colloquial forms (三万五 = 35000,
/// 两千五 = 2500), digit strings (二〇二五 = 2025), and rates (30%, 千分之五, 百分之零点五).
struct NumberParser: Sendable {
    let data: EntityData

    /// The value of a whole number token, and whether it is a rate.
    func parse(_ t: [UInt32], _ s: Int, _ e: Int) -> (value: Double, isRate: Bool)? {
        guard s < e else { return nil }
        // 百 分之 2: a letter-spaced rate word reads as the word written whole.
        if !CharClass.isDigit(t[s]), (s..<e).contains(where: { t[$0] == Scalar.space }),
           data.fractionWords.contains(where: { $0.word.first == t[s] }) {
            let compact = t[s..<e].filter { $0 != Scalar.space }
            if compact.count < e - s, let whole = parse(compact, 0, compact.count), whole.isRate { return whole }
        }
        // Fraction words: 百分之十.
        if !CharClass.isDigit(t[s]) {
            for (w, factor) in data.fractionWords where e - s > w.count {
                var same = true
                for k in 0..<w.count where t[s + k] != w[k] { same = false; break }
                if same {
                    guard let v = parsePlain(t, s + w.count, e) else { return nil }
                    return (v * factor, true)
                }
            }
        }
        var end = e
        var factor = 1.0
        var isRate = false
        if let f = data.percentSignValue[t[e - 1]] {
            end -= 1
            if end > s && t[end - 1] == 0x20 { end -= 1 }
            factor = f
            isRate = true
        }
        guard let v = parsePlain(t, s, end) else { return nil }
        return (v * factor, isRate)
    }

    /// Whether the number in `s..<e` is approximate (五十余万, 一千多万).
    func isApproximate(_ t: [UInt32], _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k + 1 < e {
            if data.numberClasses.approximateMarks.contains(t[k]), data.unitValue[t[k + 1]] != nil || data.sectionValue[t[k + 1]] != nil { return true }
            k += 1
        }
        return false
    }

    /// An approximate count written as two neighbouring digit words (numerals.yaml `approximatePairs`):
    /// 两三 = 2–3, 五六万 = 50,000–60,000, 二三十 = 20–30, 十五六 = 15–16. The two ends are the
    /// numeral read without one digit of the pair, then without the other. Nil for anything else,
    /// and for a numeral with more than one such pair (一九九八, 二〇二五 read digit by digit).
    func approximatePair(_ t: [UInt32], _ s: Int, _ e: Int) -> (low: Double, high: Double)? {
        guard e - s >= 2, e - s <= 12, !data.approximatePairs.isEmpty else { return nil }
        var at: Int?
        for k in s..<(e - 1) where data.digitValue[t[k]] != nil && data.digitValue[t[k + 1]] != nil {
            guard at == nil else { return nil }
            at = k
        }
        guard let k = at, let nextToUnit = data.approximatePairs[UInt64(t[k]) << 32 | UInt64(t[k + 1])] else { return nil }
        if nextToUnit {
            func isUnit(_ i: Int) -> Bool { i >= s && i < e && (data.unitValue[t[i]] != nil || data.sectionValue[t[i]] != nil) }
            guard isUnit(k - 1) || isUnit(k + 2) else { return nil }
        }
        var without = Array(t[s..<e])
        without.remove(at: k + 1 - s)
        guard let a = parsePlain(without, 0, without.count) else { return nil }
        without[k - s] = t[k + 1]
        guard let b = parsePlain(without, 0, without.count), a != b else { return nil }
        return (min(a, b), max(a, b))
    }

    /// Whether `c` is a numeral character (a digit, unit, section or one-character tens).
    func isNumeral(_ c: UInt32) -> Bool {
        data.digitValue[c] != nil || data.unitValue[c] != nil || data.sectionValue[c] != nil || data.tensValue[c] != nil
    }

    /// A number without rate marks.
    func parsePlain(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        guard s < e else { return nil }
        if CharClass.isDigit(t[s]) { return arabic(t, s, e) }
        return chinese(t, s, e)
    }

    /// Figures only (commas, and the spaces and line breaks the scanner let into a figure, skipped),
    /// else the composed reading of digits, numerals and units (6万3千2百, 3千零20万).
    private func arabic(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        if let a = arabicAtom(t, s, e), a.end == e { return a.value }
        return composed(t, s, e)
    }

    /// The figure starting at `s`: digits with thousands commas, one decimal point, and the single
    /// spaces or line breaks the scanner accepted inside it (1 2 0 0, OCR's 1,200,0⏎00).
    private func arabicAtom(_ t: [UInt32], _ s: Int, _ e: Int) -> (value: Double, end: Int, digits: Int, dot: Bool)? {
        // Digits (commas skipped) as an integer mantissa and a count of decimals: mantissa / 10^k
        // is the correctly rounded value, as Double("1234.5") would give, while it fits 2^53.
        var mantissa: UInt64 = 0
        var digitCount = 0, decimals = 0, dots = 0
        var k = s
        var last = s
        while k < e {
            let c = t[k]
            if CharClass.isDigit(c) {
                if digitCount < 18 { mantissa = mantissa * 10 + UInt64(c - 0x30) }
                digitCount += 1
                if dots > 0 { decimals += 1 }
                last = k + 1
            } else if c == Scalar.point, dots == 0, k + 1 < e, CharClass.isDigit(t[k + 1]) {
                dots += 1
            } else if c == Scalar.point, dots == 0, k + 1 == e, digitCount > 0 {
                last = e  // "1." is 1
                dots += 1
            } else if (c == Scalar.comma || c == Scalar.space || c == Scalar.lineFeed), k + 1 < e, CharClass.isDigit(t[k + 1]), digitCount > 0 {
                // a separator the scanner kept inside the figure
            } else {
                break
            }
            k += 1
        }
        guard digitCount > 0 else { return nil }
        var v: Double
        if digitCount <= 15 && decimals <= 15 {
            v = Double(mantissa) / Self.powersOfTen[decimals]
        } else {
            var digits = ""
            for j in s..<last where CharClass.isDigit(t[j]) || t[j] == Scalar.point { digits.unicodeScalars.append(Unicode.Scalar(t[j])!) }
            guard let d = Double(digits) else { return nil }
            v = d  // +inf beyond Double's range: the entity reports it as an overflow
        }
        return (v, last, digitCount, dots > 0)
    }

    private func chinese(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        // A digit string without units: 二〇二五, 一九九八.
        if e - s >= 2, (s..<e).allSatisfy({ data.digitValue[t[$0]] != nil }) {
            var v = 0.0
            for k in s..<e { v = v * 10 + data.digitValue[t[k]]! }
            return v
        }
        return composed(t, s, e)
    }

    /// The one composition of numeral parts: digits (Chinese or figures) times units inside a section
    /// (千百十), sections (万, 亿, 兆; 亿亿 multiplies), 零 as a gap (三千零十 = 3010, 五万零十六 =
    /// 50016), a decimal point (三点五万), and the spoken tail — a last single digit right after a
    /// unit of a hundred or more is one step down (三万五 = 35000, 百二 = 120, 两千五 = 2500).
    private func composed(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        var total = 0.0       // completed sections (亿, 万)
        var section = 0.0     // current section
        var digit: Double? = nil
        var digitIsSingle = false
        var afterUnit = false // the pending digit came right after a unit (no 零 between)
        var lastUnit = 1.0    // last multiplier applied, for the spoken tail
        var highest = 0.0     // the largest section applied so far
        var sawAny = false
        var k = s
        while k < e {
            let c = t[k]
            if CharClass.isDigit(c) {
                guard digit == nil, let a = arabicAtom(t, k, e) else { return nil }
                digit = a.value
                digitIsSingle = a.digits == 1 && !a.dot
                afterUnit = sawAny && k > s && !isGap(t[k - 1])
                k = a.end
                sawAny = true
                continue
            }
            if c == Scalar.space || c == Scalar.lineFeed { k += 1; continue }
            // 五十余万, 二十几万: the mark of an approximate count before a magnitude.
            if data.numberClasses.approximateMarks.contains(c), k + 1 < e,
               data.unitValue[t[k + 1]] != nil || data.sectionValue[t[k + 1]] != nil {
                afterUnit = false
                k += 1
                continue
            }
            if c == data.numberClasses.decimalPoint, k + 1 < e, data.digitValue[t[k + 1]] != nil {
                // 三点五, 十二点五万: the whole part so far in this section, then the decimals; a
                // spoken tail before the point keeps its step (一千六点五 = 1600.5).
                var tail = digit ?? 0
                if let d = digit, digitIsSingle && afterUnit && lastUnit >= 100 { tail = d * lastUnit / 10 }
                let whole = section + tail
                section = 0
                var frac = 0.0, scale = 0.1
                k += 1
                while k < e, let d = data.digitValue[t[k]] { frac += d * scale; scale /= 10; k += 1 }
                digit = whole + frac
                digitIsSingle = false
                sawAny = true
                continue
            }
            if let d = data.digitValue[c] {
                if d == 0 {
                    // 零: a gap between parts.
                    if let pending = digit, pending != 0 { return nil }
                    digit = nil
                } else {
                    if digit != nil { return nil }  // 二三 without a unit
                    digit = d
                    digitIsSingle = true
                    afterUnit = k > s && !isGap(t[k - 1])
                }
                sawAny = true
            } else if let u = data.unitValue[c] {
                section += (digit ?? 1) * u
                digit = nil
                lastUnit = u
                sawAny = true
            } else if let tv = data.tensValue[c] {
                section += tv
                digit = nil
                lastUnit = 10
                sawAny = true
            } else if let sv = data.sectionValue[c] {
                let current = section + (digit ?? 0)
                if current == 0 && total == 0 && digit == nil {
                    total = sv  // 万 alone = 10000
                } else if sv >= highest {
                    total = (total + current) * sv  // 五千万, 万亿, 亿亿: a larger section multiplies all before it
                } else {
                    total += current * sv  // 一亿二千万, 两兆五千亿: a smaller one adds its part
                }
                highest = max(highest, sv)
                section = 0
                digit = nil
                lastUnit = sv
                sawAny = true
            } else {
                return nil
            }
            k += 1
        }
        guard sawAny else { return nil }
        if let d = digit, d != 0 {
            if digitIsSingle && afterUnit && lastUnit >= 100 { return total + section + d * lastUnit / 10 }
            return total + section + d
        }
        return total + section
    }

    /// 零 or 〇 (and spaces) before a digit: then a last digit is units, not the spoken tail.
    private func isGap(_ c: UInt32) -> Bool { data.digitValue[c] == 0 || c == Scalar.space }

    private static let powersOfTen: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }
}
