/// Numbers and percentages: every number token, resolved by ``NumberParser``, and the small rules
/// that compose number tokens with the words around them (Rules/entities/grammar.yaml). Named rules:
/// - `number.arabic`, `number.chinese`: one token (1,850,000.00, 三千零十, 6万3千2百)
/// - `number.signed`: 负四十五, -2500, 负0.75 (percentages too: 负3.5%)
/// - `number.leading-point`: .5
/// - `number.fraction`: 三分之一, 2/3; `number.mixed-fraction`: 一又二分之一, 3又1/4
/// - `number.echo`: a figure written twice, 二十(20), read once
/// - `number.dozen`: 两打 = 24; `number.half`: 半个 = 0.5
/// - `percentage.sign` (30%, 5‰), `percentage.words` (百分之十, 十万分之五), `percentage.point`
///   (2个百分点: unit point), `percentage.tenths` (三成 = 0.3), `percentage.discount` (八折: kind discount)
struct NumberExtractor {
    let parser: NumberParser
    var data: EntityData { parser.data }

    /// Percentages, and plain numbers too when `numbers` is true.
    /// `keep` says whether a plain number at a range is wanted (numbers inside money or dates are
    /// not, unless asked for), so that no entity is built for it.
    func extract(_ doc: Document, numbers: Bool = true, keep: (Range<Int>) -> Bool = { _ in true }) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var consumedUntil = 0
        for tok in doc.tokens where tok.kind == .number {
            var s = Int(tok.start)
            var e = Int(tok.end)
            guard s >= consumedUntil else { continue }
            // Strip a glued currency symbol or 年 for the bare number.
            if !CharClass.isDigit(t[s]) && !parser.isNumeral(t[s]) { s += 1 }
            if t[e - 1] == Scalar.nian { e -= 1 }
            // 两三, 五六万: a count of "N or M" is no one number (durations and sums read its two ends).
            if s < e, parser.approximatePair(t, s, e) != nil { consumedUntil = e; continue }
            guard s < e, let p = parser.parse(t, s, e) else { continue }
            var value = p.value
            var rule = p.isRate ? (CharClass.isDigit(t[s]) ? "percentage.sign" : "percentage.words")
                                : (CharClass.isDigit(t[s]) ? "number.arabic" : "number.chinese")
            var start = s
            var end = e
            // .5
            if CharClass.isDigit(t[s]), s >= 1, t[s - 1] == Scalar.point, s < 2 || !CharClass.isDigit(t[s - 2]),
               (s..<e).allSatisfy({ CharClass.isDigit(t[$0]) }) {
                value /= Self.power(e - s)
                start = s - 1
                rule = "number.leading-point"
            }
            if !p.isRate {
                if let f = fraction(t, numerator: value, at: e) {
                    // 三分之一: the token is the denominator; 一又二分之一: a whole number before 又.
                    value = f.value; end = f.end; rule = "number.fraction"
                    if start > 1, t[start - 1] == data.mixedJoiner, let w = wholeBefore(t, start - 1) {
                        value += w.value; start = w.start; rule = "number.mixed-fraction"
                    }
                } else if let f = slashFraction(t, value, s, e) {
                    value = f.value; end = f.end; rule = "number.fraction"
                } else if e < t.count, t[e] == data.mixedJoiner, let f = mixedFraction(doc, at: e + 1) {
                    value += f.value; end = f.end; rule = "number.mixed-fraction"
                } else if let pp = points(t, at: e) {
                    // 2个百分点: a percentage point, not a percent of something.
                    let v = signed(t, value, start)
                    var ev = EntityValue()
                    ev.value = v.value * 0.01
                    ev.unit = "point"
                    out.append(Entity(dim: .percentage, range: v.start..<pp, value: ev, rule: "percentage.point", in: doc))
                    consumedUntil = pp
                    continue
                } else if let echo = echo(doc, value, at: e) {
                    end = echo; rule = "number.echo"
                }
            }
            // 第一条, 第三方: an ordinal is not a quantity.
            if !p.isRate, start > 0, data.numberClasses.ordinalPrefixes.contains(t[start - 1]) { consumedUntil = end; continue }
            let v = signed(t, value, start)
            if v.start != start { rule = p.isRate ? rule : "number.signed" }
            var ev = EntityValue()
            ev.value = v.value
            if parser.isApproximate(t, s, e) { ev.approximate = true }
            if p.isRate {
                out.append(Entity(dim: .percentage, range: v.start..<end, value: ev, rule: rule, in: doc))
            } else if numbers && keep(v.start..<end) {
                out.append(Entity(dim: .number, range: v.start..<end, value: ev, rule: rule, in: doc))
            }
            consumedUntil = end
        }
        // The rules read at a word (成, 折, 半, 打) rather than at a number token: one pass over the text.
        let t0 = doc.normalized
        let triggers = data.wordTriggers
        var k = 1
        while k < t0.count {
            if triggers.contains(t0[k]) {
                let c = t0[k]
                if let w = data.discountWords.match(t0, at: k) {
                    var ev = EntityValue()
                    ev.value = w.value
                    ev.kind = "discount"
                    out.append(Entity(dim: .percentage, range: k..<w.end, value: ev, rule: "percentage.discount", in: doc))
                    k = w.end
                    continue
                }
                if c == data.tenths || c == data.discount {
                    if let e = tenthOrDiscount(doc, at: k) { out.append(e) }
                } else if numbers && c == data.halfWord {
                    if let e = half(doc, at: k) { out.append(e) }
                } else if numbers, let e = dozen(doc, at: k) {
                    out.append(e)
                }
            }
            k += 1
        }
        if !t0.isEmpty, let w = data.discountWords.match(t0, at: 0) {
            var ev = EntityValue()
            ev.value = w.value
            ev.kind = "discount"
            out.append(Entity(dim: .percentage, range: 0..<w.end, value: ev, rule: "percentage.discount", in: doc))
        } else if numbers, !t0.isEmpty, t0[0] == data.halfWord, let e = half(doc, at: 0) { out.append(e) }
        return out
    }

    private static func power(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }

    /// A sign right before `s` (负 / -), not a range dash after a figure (3-5) or inside a word.
    private func signed(_ t: [UInt32], _ value: Double, _ s: Int) -> (value: Double, start: Int) {
        guard let m = data.signs.match(t, endingAt: s) else { return (value, s) }
        if t[m.start] == Scalar.hyphen, m.start > 0 {
            let b = t[m.start - 1]
            if CharClass.isDigit(b) || CharClass.isLatin(b) || parser.isNumeral(b) || b == Scalar.hyphen || b == Scalar.slash { return (value, s) }
            if data.rangeSeparators.match(t, endingAt: m.start) != nil { return (value, s) }
        }
        return (-value, m.start)
    }

    /// The end of a run of numeral characters and figures starting at `s`.
    func numeralEnd(_ t: [UInt32], _ s: Int) -> Int {
        var j = s
        while j < t.count {
            let c = t[j]
            if CharClass.isDigit(c) || parser.isNumeral(c) || data.digitValue[c] != nil { j += 1; continue }
            if (c == Scalar.point || c == data.numberClasses.decimalPoint), j > s, j + 1 < t.count,
               CharClass.isDigit(t[j + 1]) || data.digitValue[t[j + 1]] != nil { j += 1; continue }
            break
        }
        return j
    }

    /// 分之M after the denominator `den`: M / den; up to two spaces may sit before, inside or after
    /// the word (五 分之 一, 二分 之一, 三分  之一, as web editors and OCR space them).
    private func fraction(_ t: [UInt32], numerator den: Double, at e: Int) -> (value: Double, end: Int)? {
        let w = data.fractionWord
        guard den != 0, !w.isEmpty else { return nil }
        func skip(_ i: Int) -> Int {
            var j = i
            while j < t.count && j - i < 2 && t[j] == Scalar.space { j += 1 }
            return j
        }
        var k = e
        for c in w {
            k = skip(k)
            guard k < t.count, t[k] == c else { return nil }
            k += 1
        }
        let ns = skip(k)
        guard ns < t.count else { return nil }
        let ne = numeralEnd(t, ns)
        guard ne > ns, let m = parser.parsePlain(t, ns, ne) else { return nil }
        return (m / den, ne)
    }

    /// a/b with short figures, not a date (2023/3/7) or a path.
    private func slashFraction(_ t: [UInt32], _ a: Double, _ s: Int, _ e: Int) -> (value: Double, end: Int)? {
        guard e + 1 < t.count, t[e] == Scalar.slash, CharClass.isDigit(t[e + 1]), e - s <= 3,
              (s..<e).allSatisfy({ CharClass.isDigit(t[$0]) }), s == 0 || t[s - 1] != Scalar.slash else { return nil }
        var j = e + 1
        while j < t.count && CharClass.isDigit(t[j]) { j += 1 }
        guard j - e - 1 <= 3, j >= t.count || (t[j] != Scalar.slash && t[j] != Scalar.point && !CharClass.isDigit(t[j])) else { return nil }
        var b = 0.0
        for k in (e + 1)..<j { b = b * 10 + Double(t[k] - 0x30) }
        guard b != 0 else { return nil }
        return (a / b, j)
    }

    /// After 又: N分之M or a/b.
    private func mixedFraction(_ doc: Document, at s: Int) -> (value: Double, end: Int)? {
        let t = doc.normalized
        let ne = numeralEnd(t, s)
        guard ne > s, let den = parser.parsePlain(t, s, ne) else { return nil }
        if let f = fraction(t, numerator: den, at: ne) { return f }
        return slashFraction(t, den, s, ne)
    }

    private func points(_ t: [UInt32], at e: Int) -> Int? {
        data.percentagePoints.match(t, at: e)?.end
    }

    /// The number written right before `e` (a numeral run), with its start.
    private func wholeBefore(_ t: [UInt32], _ e: Int) -> (value: Double, start: Int)? {
        var s = e
        while s > 0 && (parser.isNumeral(t[s - 1]) || CharClass.isDigit(t[s - 1])) { s -= 1 }
        guard s < e, let v = parser.parsePlain(t, s, e) else { return nil }
        return (v, s)
    }

    /// 两打 = 24: a numeral run right before 打, not a verb after it (一打开).
    private func dozen(_ doc: Document, at k: Int) -> Entity? {
        let t = doc.normalized
        guard let d = data.dozens.match(t, at: k), let w = wholeBefore(t, k), w.value == w.value.rounded(), w.value > 0 else { return nil }
        if d.end < t.count, data.notDozenAfter.contains(t[d.end]) || CharClass.isDigit(t[d.end]) { return nil }
        if w.start > 0, data.numberClasses.ordinalPrefixes.contains(t[w.start - 1]) { return nil }
        var ev = EntityValue()
        ev.value = w.value * d.value
        return Entity(dim: .number, range: w.start..<d.end, value: ev, rule: "number.dozen", in: doc)
    }

    /// 二十(20): the same value in figures in brackets right after; returns the end past it.
    func echo(_ doc: Document, _ value: Double, at e: Int) -> Int? {
        let t = doc.normalized
        var k = e
        while k < t.count && t[k] == Scalar.space { k += 1 }
        guard k < t.count, data.echoOpen.contains(t[k]) else { return nil }
        var j = k + 1
        while j < t.count && t[j] == Scalar.space { j += 1 }
        let ds = j
        while j < t.count && (CharClass.isDigit(t[j]) || t[j] == Scalar.comma || t[j] == Scalar.point) { j += 1 }
        guard j > ds, let v = parser.parsePlain(t, ds, j), abs(v - value) < 1e-9 else { return nil }
        while j < t.count && t[j] == Scalar.space { j += 1 }
        guard j < t.count, data.echoClose.contains(t[j]) else { return nil }
        return j + 1
    }

    /// 三成, 七成五 (tenths) and 八折, 八五折, 7.5折 (discounts), read at their 成 / 折.
    /// N成 and N折 (tenths and discounts), the numeral run ending at `k` read in hundredths:
    /// figures (3成, 7.5折, 85折, 10成), one or two Chinese digits (八折, 八五折), a Chinese decimal
    /// (九点五折 = 0.95, 八点五成 = 0.85) or 十 (十成 = 1); after 成 a digit is hundredths (七成五) and
    /// 半 is five of them (三成半 = 0.35).
    private func tenthOrDiscount(_ doc: Document, at k: Int) -> Entity? {
        let t = doc.normalized
        let isDiscount = t[k] == data.discount
        let point = data.numberClasses.decimalPoint
        func chineseDigit(_ i: Int) -> Double? { data.digitValue[t[i]].flatMap { $0 != 0 ? $0 : nil } }
        // The numeral run ending at k: Chinese digits (a 点 between two of them) or a figure.
        var s = k
        while s > 0 {
            let c = t[s - 1]
            if chineseDigit(s - 1) != nil || CharClass.isDigit(c) { s -= 1; continue }
            if c == Scalar.point, s - 1 > 0, CharClass.isDigit(t[s - 2]), s < k, CharClass.isDigit(t[s]) { s -= 1; continue }
            if c == point, s - 1 > 0, chineseDigit(s - 2) != nil, s < k, chineseDigit(s) != nil { s -= 1; continue }
            break
        }
        // 十成 (the whole); 十折 is no discount.
        if s == k, !isDiscount, s > 0, data.unitValue[t[s - 1]] == 10, s < 2 || !parser.isNumeral(t[s - 2]) { s -= 1 }
        guard s < k, k - s <= 3 else { return nil }
        if s > 0, parser.isNumeral(t[s - 1]) || CharClass.isDigit(t[s - 1]) { return nil }
        if k + 1 < t.count, (isDiscount ? data.notDiscountAfter : data.notTenthsAfter).contains(t[k + 1]) { return nil }
        var hundredths: Double
        var end = k + 1
        if CharClass.isDigit(t[s]) {
            guard let f = parser.parsePlain(t, s, k) else { return nil }
            // 7.5折 = 0.75, 85折 = 0.85; 10成 = 1, a tenth at a time; 10折 is no discount.
            if isDiscount && f == 10 { return nil }
            hundredths = f < 10 || !isDiscount ? f * 10 : f
        } else if data.unitValue[t[s]] == 10 {
            hundredths = 100
        } else {
            guard let d0 = chineseDigit(s) else { return nil }
            hundredths = d0 * 10
            if k - s == 2 {
                guard let d1 = chineseDigit(s + 1) else { return nil }  // 八5折 is no discount
                hundredths += d1  // 八五折
            } else if k - s == 3 {
                guard t[s + 1] == point, let d1 = chineseDigit(s + 2) else { return nil }
                hundredths += d1  // 九点五折
            }
        }
        if !isDiscount, end < t.count {
            if let d = data.digitValue[t[end]], d != 0, end + 1 >= t.count || !parser.isNumeral(t[end + 1]) {
                hundredths += d; end += 1  // 七成五
            } else if t[end] == data.halfWord, hundredths.truncatingRemainder(dividingBy: 10) == 0,
                      end + 1 >= t.count || !data.numberClasses.units.contains(t[end + 1]) {
                hundredths += 5; end += 1  // 三成半
            }
        }
        // Hundredths are whole or tenths of one (7.25折 is none): divide once, so 八五折 is 0.85, not 0.8500000000000001.
        let v = (hundredths * 10).rounded() / 1000
        guard v > 0, v <= 1 else { return nil }
        var ev = EntityValue()
        ev.value = v
        if isDiscount { ev.kind = "discount" }
        return Entity(dim: .percentage, range: s..<end, value: ev, rule: isDiscount ? "percentage.discount" : "percentage.tenths", in: doc)
    }

    /// 半 before a quantity word (半个, 半斤): 0.5, unless a numeral precedes it (一个半 is read by durations).
    private func half(_ doc: Document, at k: Int) -> Entity? {
        let t = doc.normalized
        guard k + 1 < t.count, data.numberClasses.units.contains(t[k + 1]) else { return nil }
        if k > 0, parser.isNumeral(t[k - 1]) || t[k - 1] == Scalar.ge || CharClass.isDigit(t[k - 1]) { return nil }
        var ev = EntityValue()
        ev.value = 0.5
        return Entity(dim: .number, range: k..<(k + 1), value: ev, rule: "number.half", in: doc)
    }
}
