/// Finds amounts of money over the token stream, built on number tokens (money never re-parses
/// digits itself). Named rules:
/// - `money.figures`: [prefix] NUMBER [magnitude] [suffix] with a currency on at least one side (¥1,850,000.00元)
/// - `money.capitals`: NUMBER 元 [NUMBER 角] [NUMBER 分] [整] (壹拾贰万叁仟肆佰伍拾陆元柒角捌分, 八块五毛)
/// - `money.spoken`: 两块八, 九块零六 (a last digit after 块/元 is 角, after 零 分); 三毛五
/// - a currency word after 元 names the currency (五千元欧元); currencies are Rules/entities/currencies.yaml
/// - `money.echo`: a sum in figures followed by the same sum in brackets (36万元（¥360,000.00）): one mention
/// - `money.words-figures`: a written amount followed by its figures in brackets, merged into one
/// - `money.range` / `money.bound`: 1万-5万元, 不超过5000元, 5000元以上
/// - `money.approximate`: 五六万元 (min 50,000, max 60,000, approximate)
/// - `money.blank`: a template slot — 人民币 元整, ¥____, ______元, 多万元
/// - `money.table`: a money-like figure in a price table's cell (TableMoneyExtractor)
struct MoneyExtractor {
    let data: EntityData
    let parser: NumberParser

    func extract(_ doc: Document) -> [Entity] {
        let t = doc.normalized
        let tokens = doc.tokens
        var out: [Entity] = []
        var i = 0
        while i < tokens.count {
            let tok = tokens[i]
            if tok.kind == .number, let m = amount(doc, at: i) ?? labelled(doc, at: i) {
                out.append(m.entity)
                i = max(i + 1, m.nextToken)  // an amount may end inside a word token
                continue
            }
            if tok.kind == .blank || isDuo(t, tok), let b = blank(doc, at: i) {
                out.append(b.entity)
                i = max(i + 1, b.nextToken)
                continue
            }
            // "¥(大写人民币)": a symbol and an empty written-amount annotation, with no figure.
            if t[Int(tok.start)] == 0xA5, tok.kind != .number, let b = symbolSlot(doc, at: i) {
                out.append(b.entity)
                i = max(i + 1, b.nextToken)
                continue
            }
            // " 万元": a magnitude-and-currency word with no figure before it.
            if tok.kind == .word, t[Int(tok.start)] == 0x4E07 || t[Int(tok.start)] == 0x4EBF, let b = bareUnit(doc, at: i) {
                out.append(b.entity)
                i = max(i + 1, b.nextToken)
                continue
            }
            i += 1
        }
        return mergeRanges(doc, mergeWordsAndFigures(doc, out))
    }

    /// 人民币1万元至5万元, 10000元-50000元: two amounts joined by a range separator.
    private func mergeRanges(_ doc: Document, _ list: [Entity]) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var i = 0
        while i < list.count {
            if i + 1 < list.count, let a = list[i].value?.value, let b = list[i + 1].value?.value, a <= b,
               list[i].value?.currency == list[i + 1].value?.currency {
                let gapStart = list[i].range.upperBound, gapEnd = list[i + 1].range.lowerBound
                let sepStart = data.inclusiveMarks.match(t, at: gapStart)?.end ?? gapStart
                if gapEnd > sepStart, let sep = data.rangeSeparators.match(t, at: sepStart), sep.end == gapEnd {
                    var v = EntityValue()
                    v.currency = list[i].value?.currency
                    v.min = a
                    v.max = b
                    out.append(Entity(dim: .money, range: list[i].range.lowerBound..<list[i + 1].range.upperBound, value: v,
                                      rule: "money.range", in: doc))
                    i += 2
                    continue
                }
            }
            out.append(list[i])
            i += 1
        }
        return out
    }

    /// Words whose token boundaries ``isDuo(_:_:)`` reads (多万元 against 多元化): the tokenizer keeps
    /// ICU's words in a Han run where one starts.
    static let wordsRead = ["多"]

    private func isDuo(_ t: [UInt32], _ tok: Token) -> Bool {
        // 多万元: "多" with no number before it.
        Int(tok.end) - Int(tok.start) == 1 && t[Int(tok.start)] == 0x591A
    }

    struct Found {
        var entity: Entity
        var nextToken: Int
    }

    /// An amount starting at number token `i`.
    private func amount(_ doc: Document, at i: Int) -> Found? {
        let t = doc.normalized
        let tok = doc.tokens[i]
        var s = Int(tok.start)
        var numStart = s
        var currency: String?
        var rule = "money.figures"
        // Most numbers are no money: without a currency word, symbol or sub-unit next to it, stop early.
        let e0 = Int(tok.end)
        if !data.currencyPrefix.startsWord(t[s]), data.currencySuffix.match(t, at: e0) == nil, data.subunits.match(t, at: e0) == nil,
           !(e0 + 1 < t.count && t[e0] == Scalar.space && data.currencySuffix.match(t, at: e0 + 1) != nil),
           prefix(t, before: s) == nil, data.bounds.match(t, endingAt: s) == nil {
            return nil
        }
        // A symbol glued to the figure (¥10000.00).
        if let p = data.currencyPrefix.match(t, at: s), p.end < Int(tok.end), CharClass.isDigit(t[p.end]) {
            numStart = p.end
            // The longest prefix ending at the digits may start before the token (NT$3,000).
            let longer = data.currencyPrefix.match(t, endingAt: numStart)
            currency = longer?.value ?? p.value
            if let longer, longer.start < s { s = longer.start }
        }
        // 五六万元: an approximate count of "N or M" is read at its upper end, its lower end kept.
        let pair = parser.approximatePair(t, numStart, Int(tok.end))
        var value: Double
        if let pair { value = pair.high } else {
            guard let parsed = parser.parse(t, numStart, Int(tok.end)), !parsed.isRate else { return nil }
            value = parsed.value
        }
        var e = Int(tok.end)
        // Prefix word before (人民币, RMB), possibly separated by a space or a colon.
        if currency == nil, let p = prefix(t, before: s) {
            currency = p.value
            s = p.start
        }
        // Capitals with 元/角/分: NUMBER 元 NUMBER 角 NUMBER 分 整.
        var k = i + 1
        var e2 = e
        // "人民币 5000 元": one space before the currency word.
        if data.currencySuffix.match(t, at: e) == nil, e + 1 < t.count, t[e] == Scalar.space,
           currency != nil || CharClass.isLatin(t[e + 1]), let later = data.currencySuffix.match(t, at: e + 1),
           later.end >= t.count || !CharClass.isLatin(t[later.end]) { e += 1 }
        if let suf = data.currencySuffix.match(t, at: e), data.notMoneyAfter.match(t, at: suf.end) == nil || currency != nil {
            currency = currency ?? suf.value
            // A suffix that starts with a section (万元, 亿美元) carries its magnitude.
            if let m = data.sectionValue[t[e]] { value *= m }
            e2 = suf.end
            // 五千元欧元, 6000元日币: a currency word after 元 names the currency.
            if let other = data.currencySuffix.match(t, at: e2), data.sectionValue[t[e2]] == nil {
                currency = other.value
                e2 = other.end
            }
            let spoken = data.spokenMajor.match(t, at: e) != nil
            k = doc.tokenIndex(atOrAfter: e2, from: i)
            // Sub-units after 元.
            var j = k
            while j < doc.tokens.count, doc.tokens[j].kind == .number, Int(doc.tokens[j].start) == e2,
                  let sv = parser.parse(t, Int(doc.tokens[j].start), Int(doc.tokens[j].end)), !sv.isRate,
                  let su = data.subunits.match(t, at: Int(doc.tokens[j].end)) {
                value += sv.value * su.value
                e2 = su.end
                rule = "money.capitals"
                j = doc.tokenIndex(atOrAfter: e2, from: i)
            }
            // 两块八, 九块零六: a last digit after 块/元 is 角 (after 零, 分).
            if spoken, rule != "money.capitals", let tail = spokenTail(t, at: e2) {
                value += tail.value
                e2 = tail.end
                rule = "money.spoken"
            } else if rule == "money.capitals", spoken, t[e2 - 1] != Scalar.fen, let tail = spokenTail(t, at: e2) {
                value += tail.value / 10  // 八块五毛五: the digit after 毛 is 分
                e2 = tail.end
            }
            if let c = data.closers.match(t, at: e2) { e2 = c.end }
            j = doc.tokenIndex(atOrAfter: e2, from: i)
            k = j
        } else if let su = data.subunits.match(t, at: e), data.notMoneyAfter.match(t, at: su.end) == nil, !startsFraction(t, at: e),
                  currency != nil || data.standaloneSubunits.match(t, at: e) != nil || hasMoneyContext(t, s)
                    || data.closers.match(t, at: su.end) != nil && su.end < t.count && t[su.end] == 0x94B1 {  // 一分钱
            // Only sub-units: 5角, 人民币伍角 — not 十分满意 / 五角大楼; a bare 3分 needs money context.
            value *= su.value
            e2 = su.end
            currency = currency ?? "CNY"
            rule = "money.subunit"
            // 柒角捌分: a further sub-unit.
            let j = doc.tokenIndex(atOrAfter: e2, from: i)
            if j < doc.tokens.count, doc.tokens[j].kind == .number, Int(doc.tokens[j].start) == e2,
               let sv = parser.parse(t, e2, Int(doc.tokens[j].end)), !sv.isRate,
               let su2 = data.subunits.match(t, at: Int(doc.tokens[j].end)), su2.value < su.value {
                value += sv.value * su2.value
                e2 = su2.end
            } else if su.value == 0.1, let tail = spokenTail(t, at: e2) {
                value += tail.value / 10  // 三毛五 = 0.35
                e2 = tail.end
            }
            if let c = data.closers.match(t, at: e2) { e2 = c.end }
            k = doc.tokenIndex(atOrAfter: e2, from: i)
        }
        guard let cur = currency else { return nil }
        e = e2
        var v = EntityValue()
        v.currency = cur
        if parser.isApproximate(t, numStart, Int(tok.end)) { v.approximate = true }
        if let pair {
            // Its magnitude (万元) scales both ends; sub-units after such a count (三四元五角) are no sum.
            guard rule == "money.figures" || rule == "money.subunit" else { return nil }
            v.min = pair.low * value / pair.high
            v.max = value
            v.approximate = true
            return Found(entity: Entity(dim: .money, range: s..<e, value: v, rule: "money.approximate", in: doc), nextToken: k)
        }
        // Ranges: 1万-5万元 (the first figure borrows the second's unit).
        if let prev = rangeStart(doc, before: s, currency: cur, secondValue: value, secondText: (numStart, Int(tok.end))) {
            v.min = prev.value
            v.max = value
            return Found(entity: Entity(dim: .money, range: prev.start..<e, value: v, rule: "money.range", in: doc), nextToken: k)
        }
        // 5万美元至8万: a bare figure after a separator borrows this amount's currency (and magnitude).
        if let sep = data.rangeSeparators.match(t, at: e) {
            let j = doc.tokenIndex(atOrAfter: sep.end, from: i)
            if j < doc.tokens.count, doc.tokens[j].kind == .number, Int(doc.tokens[j].start) == sep.end {
                let ts = sep.end, te = Int(doc.tokens[j].end)
                let bare = data.currencySuffix.match(t, at: te) == nil && data.subunits.match(t, at: te) == nil
                    && !(te < t.count && (CharClass.isDigit(t[te]) || t[te] == 0x25))
                if bare, CharClass.isDigit(t[ts]) || parser.isNumeral(t[ts]), let second = parser.parse(t, ts, te), !second.isRate {
                    var hi = second.value
                    if data.sectionValue[t[te - 1]] == nil, data.sectionValue[t[Int(tok.end) - 1]] != nil || data.sectionValue[t[Int(tok.end)]] != nil {
                        hi *= data.sectionValue[t[Int(tok.end) - 1]] ?? data.sectionValue[t[Int(tok.end)]] ?? 1
                    }
                    if hi > value {
                        v.min = value
                        v.max = hi
                        return Found(entity: Entity(dim: .money, range: s..<te, value: v, rule: "money.range", in: doc),
                                     nextToken: doc.tokenIndex(atOrAfter: te, from: i))
                    }
                }
            }
        }
        // Bounds before or after.
        if let b = data.bounds.match(t, endingAt: s) {
            if b.value == "max" { v.max = value } else { v.min = value }
            return Found(entity: Entity(dim: .money, range: b.start..<e, value: v, rule: "money.bound", in: doc), nextToken: k)
        }
        if let b = data.boundsAfter.match(t, at: e), !(b.value == "min" && data.durationUnits.match(t, at: b.end) != nil) {
            if b.value == "max" { v.max = value } else { v.min = value }
            return Found(entity: Entity(dim: .money, range: s..<b.end, value: v, rule: "money.bound", in: doc),
                         nextToken: doc.tokenIndex(atOrAfter: b.end, from: i))
        }
        v.value = value
        return Found(entity: Entity(dim: .money, range: s..<e, value: v, rule: rule, in: doc), nextToken: k)
    }

    /// A currency word ending before `s`, across spaces, a colon and a (大写) annotation.
    private func prefix(_ t: [UInt32], before s: Int) -> (start: Int, value: String)? {
        let p = skipAnnotations(t, before: s) { CharClass.isSpace($0) || $0 == 0x3A || $0 == 0x5F }
        return data.currencyPrefix.match(t, endingAt: p)
    }

    /// Start of the run of `filler` characters and (大写) annotations that ends at `s` (not before `floor`).
    private func skipAnnotations(_ t: [UInt32], before s: Int, floor: Int = 0, _ filler: (UInt32) -> Bool) -> Int {
        var p = s
        var steps = 0
        while p > floor && steps < 12 {
            if filler(t[p - 1]) { p -= 1; steps += 1; continue }
            if let a = data.annotations.match(t, endingAt: p), a.start >= floor { p = a.start; steps += 1; continue }
            break
        }
        return p
    }

    /// 金额 / 价款 / 费 nearby: a bare 5角 reads as money only in a money context.
    private func hasMoneyContext(_ t: [UInt32], _ s: Int) -> Bool {
        let from = max(0, s - 6)
        let window = ScalarDecoding.string(t, from, s)
        return ["金额", "价", "款", "费", "钱", "元"].contains { window.contains($0) }
    }

    /// 价款 / 款 / 费 right after a slot's 元 (以 元价款购买).
    private func hasMoneyContext(after e: Int, _ t: [UInt32]) -> Bool {
        guard e < t.count else { return false }
        let window = ScalarDecoding.string(t, e, min(t.count, e + 2))
        return ["价", "款", "费"].contains { window.hasPrefix($0) }
    }

    /// "¥(大写人民币)" / "¥（大写： ）": a currency symbol followed by an empty (大写…) annotation —
    /// a template slot for an amount.
    private func symbolSlot(_ doc: Document, at i: Int) -> Found? {
        let t = doc.normalized
        let s = Int(doc.tokens[i].start)
        var k = s + 1
        while k < t.count && (CharClass.isSpace(t[k]) || t[k] == Scalar.underscore) { k += 1 }
        guard k + 2 < t.count, t[k] == 0x28, t[k + 1] == 0x5927, t[k + 2] == 0x5199 else { return nil }   // (大写
        var close = k + 3
        while close < t.count && close - k < 14 && t[close] != 0x29 {
            if CharClass.isDigit(t[close]) || data.digitValue[t[close]] != nil || t[close] == Scalar.lineFeed { return nil }
            close += 1
        }
        guard close < t.count, t[close] == 0x29 else { return nil }
        return Found(entity: Entity(dim: .money, range: s..<(close + 1), value: nil, blank: true, rule: "money.blank", in: doc),
                     nextToken: doc.tokenIndex(atOrAfter: close + 1, from: i))
    }

    /// For "A-B元": the start and value of A when a range separator sits right before `s` (after an
    /// inclusive mark: 2万(含)-8万元). A borrows B's magnitude when it has none and the result stays
    /// below B: 四到六万元 = 40000–60000, 二百到二百五十万元, but 5000-2万元 stays 5000.
    private func rangeStart(_ doc: Document, before s: Int, currency: String, secondValue: Double,
                            secondText: (Int, Int)) -> (start: Int, value: Double)? {
        let t = doc.normalized
        guard let sep = data.rangeSeparators.match(t, endingAt: s) else { return nil }
        var firstEnd = sep.start
        if let mark = data.inclusiveMarks.match(t, endingAt: firstEnd) { firstEnd = mark.start }
        guard firstEnd > 0 else { return nil }
        // The first figure: a number token, or a lone numeral (四到六万元), ending at the separator;
        // "1万元-5万元" (the first already money) is merged by mergeRanges.
        var firstStart = firstEnd
        while firstStart > 0 && (parser.isNumeral(t[firstStart - 1]) || CharClass.isDigit(t[firstStart - 1])
                                 || t[firstStart - 1] == Scalar.point || t[firstStart - 1] == Scalar.comma) { firstStart -= 1 }
        guard firstStart < firstEnd, CharClass.isDigit(t[firstStart]) || parser.isNumeral(t[firstStart]),
              firstStart == 0 || data.numberClasses.ordinalPrefixes.contains(t[firstStart - 1]) == false,
              var first = parser.parse(t, firstStart, firstEnd)?.value else { return nil }
        let firstLast = t[firstEnd - 1]
        let secondSection = data.sectionValue[t[secondText.1 - 1]]
            ?? (secondText.1 < t.count ? data.sectionValue[t[secondText.1]] : nil)
        if data.sectionValue[firstLast] == nil, let m = secondSection, first * m <= secondValue {
            first *= m  // 四到六万元, 二百到二百五十万元
        } else if data.sectionValue[firstLast] == nil && data.unitValue[firstLast] == nil,
                  let u = data.unitValue[t[secondText.1 - 1]], first * u <= secondValue {
            first *= u  // 三到五千元
        }
        guard first <= secondValue else { return nil }
        return (firstStart, first)
    }

    /// A lone digit (or 零 and a digit) after 块 / 元 / 毛, ending the amount: its value one step
    /// down (两块八 → 0.8, 九块零六 → 0.06) and its end.
    private func spokenTail(_ t: [UInt32], at p: Int) -> (value: Double, end: Int)? {
        var k = p
        var scale = 0.1
        if k < t.count, data.digitValue[t[k]] == 0 { k += 1; scale = 0.01 }
        guard k < t.count, let d = data.digitValue[t[k]], d != 0 else { return nil }
        let after = k + 1
        if after < t.count {
            let c = t[after]
            if parser.isNumeral(c) || CharClass.isDigit(c) || data.numberClasses.units.contains(c) && data.closers.match(t, at: after) == nil { return nil }
        }
        return (d * scale, after)
    }

    /// A blank money slot starting at blank token `i` (or at 多).
    private func blank(_ doc: Document, at i: Int) -> Found? {
        let t = doc.normalized
        let tok = doc.tokens[i]
        let s = Int(tok.start), e = Int(tok.end)
        let before = prefix(t, before: s)
        var e0 = e
        while e0 < t.count && (CharClass.isSpace(t[e0]) || t[e0] == 0x5F) { e0 += 1 }
        // "人民币  80元": spaces before a figure are not a slot.
        if e0 < t.count, CharClass.isDigit(t[e0]) || data.digitValue[t[e0]] != nil, CharClass.isSpace(t[s]) { return nil }
        var after = data.currencySuffix.match(t, at: e0)
        if after == nil && e0 != e { after = data.currencySuffix.match(t, at: e) }
        if after == nil, let su = data.subunits.match(t, at: e), t[su.end - 1] == 0x5143 { after = (su.end, "CNY") }
        // "定金 人民币20000元", "每亩 人民币 180 元": a space before a currency word that a figure
        // follows is no slot.
        if let a = after, before == nil {
            var f = a.end
            while f < t.count && CharClass.isSpace(t[f]) { f += 1 }
            if f < t.count, CharClass.isDigit(t[f]) || data.digitValue[t[f]] != nil { return nil }
        }
        // Bare 元 after a blank needs money context before it ("日期 元" is not money).
        guard before != nil || after != nil else { return nil }
        // (Or right after it: 以 元价款购买.)
        if before == nil, isDuo(t, tok) == false, t[s] != Scalar.underscore, !hasMoneyContext(t, s) && !(after.map { ScalarDecoding.string(t, e, $0.end).count > 1 } ?? false),
           !(after.map { hasMoneyContext(after: $0.end, t) } ?? false) {
            return nil
        }
        let start = before?.start ?? s
        var end = after?.end ?? e
        if let c = data.closers.match(t, at: end) { end = c.end }
        var v = EntityValue()
        v.currency = before?.value ?? after?.value
        var ent = Entity(dim: .money, range: start..<end, value: nil, blank: true, rule: "money.blank", in: doc)
        ent.value = nil
        return Found(entity: ent, nextToken: doc.tokenIndex(atOrAfter: end, from: i))
    }

    private func bareUnit(_ doc: Document, at i: Int) -> Found? {
        let t = doc.normalized
        let s = Int(doc.tokens[i].start)
        guard t[s] == 0x4E07 || t[s] == 0x4EBF else { return nil }  // 万 亿
        guard let suf = data.currencySuffix.match(t, at: s) else { return nil }
        // 金额（万元）, 保证金（万元）：5: the unit a label's figures are given in, not a slot.
        if s > 0, Self.openBrackets.contains(t[s - 1]), suf.end < t.count, Self.closeBrackets.contains(t[suf.end]) { return nil }
        if s > 0 {
            let p = t[s - 1]
            guard CharClass.isSpace(p) || p == 0x0A || CharClass.isPunct(p) else { return nil }
        }
        var ps = s
        while ps > 0 && CharClass.isSpace(t[ps - 1]) { ps -= 1 }
        let start = ps < s && ps > 0 && t[ps - 1] != 0x0A ? ps : s
        return Found(entity: Entity(dim: .money, range: start..<suf.end, value: nil, blank: true, rule: "money.blank", in: doc),
                     nextToken: doc.tokenIndex(atOrAfter: suf.end, from: i))
    }

    static let openBrackets = ScalarSet("(（[【")
    static let closeBrackets = ScalarSet(")）]】")
    static let colons = ScalarSet(":：")

    /// `money.labelled`: a figure after a label that names its unit in brackets and a colon
    /// (合同金额（元）：12000, 保证金（万元）：5 → 50,000, 租金（元/月）：3,500), as forms and
    /// field lists write it. The unit is a currency word of Rules/entities/currencies.yaml, with a
    /// magnitude (万元) when it has one; a per-unit tail (/月, /平方米) may follow it inside the brackets.
    private func labelled(_ doc: Document, at i: Int) -> Found? {
        let t = doc.normalized
        let tok = doc.tokens[i]
        let s = Int(tok.start), e = Int(tok.end)
        guard CharClass.isDigit(t[s]) else { return nil }
        var k = s
        while k > 0 && CharClass.isSpace(t[k - 1]) { k -= 1 }
        guard k > 0, Self.colons.contains(t[k - 1]) else { return nil }
        k -= 1
        while k > 0 && CharClass.isSpace(t[k - 1]) { k -= 1 }
        guard k > 0, Self.closeBrackets.contains(t[k - 1]) else { return nil }
        let close = k - 1
        var open = close - 1
        while open >= 0 && close - open <= Self.unitAnnotationLimit && !Self.openBrackets.contains(t[open]) { open -= 1 }
        guard open > 0, close - open <= Self.unitAnnotationLimit, Self.openBrackets.contains(t[open]), CharClass.isHan(t[open - 1]),
              let unit = data.currencySuffix.match(t, at: open + 1), unit.end <= close,
              unit.end == close || t[unit.end] == Scalar.slash else { return nil }
        // Nothing but the end of the field after the figure (not 12个月, 5%).
        if e < t.count, CharClass.isHan(t[e]) || t[e] == 0x25 || CharClass.isLatin(t[e]) { return nil }
        guard let p = parser.parse(t, s, e), !p.isRate else { return nil }
        var v = EntityValue()
        v.value = Self.scaled(p.value, data.sectionValue[t[open + 1]] ?? 1)
        v.currency = unit.value
        return Found(entity: Entity(dim: .money, range: s..<e, value: v, rule: "money.labelled", in: doc),
                     nextToken: doc.tokenIndex(atOrAfter: e, from: i))
    }
    /// 三分之二: the fraction word (分之, Rules/entities/numerals.yaml) at `i`, not the sub-unit 分.
    private func startsFraction(_ t: [UInt32], at i: Int) -> Bool {
        let w = data.fractionWord
        return !w.isEmpty && i + w.count <= t.count && (0..<w.count).allSatisfy { t[i + $0] == w[$0] }
    }

    /// A figure given in a magnitude (11.04 in 万元), to the cent: 110,400, not 110,399.99999999999.
    static func scaled(_ v: Double, _ scale: Double) -> Double {
        scale == 1 ? v : (v * scale * 100).rounded() / 100
    }
    /// Most characters inside a unit annotation's brackets (元/平方米/月).
    static let unitAnnotationLimit = 10

    /// 壹佰捌拾伍万元整(¥1,850,000.00元): one amount with both readings.
    private func mergeWordsAndFigures(_ doc: Document, _ list: [Entity]) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var i = 0
        while i < list.count {
            var a = list[i]
            if i + 1 < list.count, list[i + 1].range.lowerBound >= a.range.upperBound,
               list[i + 1].range.lowerBound - a.range.upperBound <= 12 {
                let b = list[i + 1]
                // Between them: an opening parenthesis, with spaces, line breaks and an annotation
                // ("(大写:陆拾捌万元整)", "(大写人民币 )"), or nothing at all.
                let isGap = { (c: UInt32) in CharClass.isSpace(c) || c == 0x0A || c == 0x3A }
                let p = skipAnnotations(t, before: b.range.lowerBound, floor: a.range.upperBound, isGap)
                var q = a.range.upperBound
                while q < p && (CharClass.isSpace(t[q]) || t[q] == 0x0A) { q += 1 }
                let opens = p - q == 1 && (t[q] == 0x28 || t[q] == 0x5B) || p == q && b.range.lowerBound == a.range.upperBound
                // 人民币36万元（¥360,000.00）: the same sum written twice in figures is one mention.
                if opens, !isWords(t, a.range), !isWords(t, b.range), let av = a.value?.value, let bv = b.value?.value,
                   abs(av - bv) < 0.005, a.value?.currency == b.value?.currency {
                    var end = b.range.upperBound
                    while end < t.count && CharClass.isSpace(t[end]) { end += 1 }
                    if end < t.count && (t[end] == 0x29 || t[end] == 0x5D) { end += 1 } else { end = b.range.upperBound }
                    out.append(Entity(dim: .money, range: a.range.lowerBound..<end, value: a.value, rule: "money.echo", in: doc))
                    i += 2
                    continue
                }
                if opens && (isWords(t, a.range) != isWords(t, b.range) || a.blank && b.blank) {
                    var end = b.range.upperBound
                    while end < t.count && CharClass.isSpace(t[end]) { end += 1 }
                    if end < t.count && (t[end] == 0x29 || t[end] == 0x5D) { end += 1 } else { end = b.range.upperBound }
                    var merged = Entity(dim: .money, range: a.range.lowerBound..<end, value: a.value, blank: a.blank && b.blank,
                                        rule: "money.words-figures", in: doc)
                    if a.blank && b.blank { merged.value = nil } else {
                        var (w, f) = isWords(t, a.range) ? (a, b) : (b, a)
                        // Written words only partly read (OCR's 会佰乱拾万元整 parses as 拾万元整) and
                        // at odds with the figures are no reading: the figures decide.
                        if let wv = w.value?.value, let fv = f.value?.value, abs(wv - fv) > 0.005,
                           isTruncatedWords(t, w.range) {
                            w.value = nil
                        }
                        var v = f.value ?? w.value ?? EntityValue()
                        if let wv = w.value?.value { v.words = .init(text: w.text, value: wv) }
                        if let fv = f.value?.value { v.figures = .init(text: f.text, value: fv) }
                        // The written (大写) amount decides, as is customary ("以大写为准"); a mismatch
                        // stays visible in words/figures (and the amount-words-mismatch rule).
                        v.value = w.value?.value ?? f.value?.value
                        v.currency = f.value?.currency ?? w.value?.currency
                        // 最高不超过人民币伍佰元（¥500）: the bound on the written amount stays.
                        if v.min == nil && v.max == nil, let wv = w.value, wv.min != nil || wv.max != nil {
                            v.min = wv.min.map { _ in v.value ?? 0 }
                            v.max = wv.max.map { _ in v.value ?? 0 }
                        }
                        merged.value = v
                        merged.blank = false
                    }
                    a = merged
                    i += 2
                    out.append(a)
                    continue
                }
            }
            out.append(a)
            i += 1
        }
        return out
    }

    /// Whether the written amount starts right after a numeral it should have included: one
    /// unreadable character between them (佰乱拾万 → 拾万), or a numeral the grammar could not take.
    private func isTruncatedWords(_ t: [UInt32], _ r: Range<Int>) -> Bool {
        let s = r.lowerBound
        guard s >= 1, CharClass.isHan(t[s - 1]) else { return false }
        if parser.isNumeral(t[s - 1]) { return true }
        return s >= 2 && CharClass.isHan(t[s - 2]) && parser.isNumeral(t[s - 2])
    }

    /// Whether the amount is written out in financial capitals / Chinese numerals.
    private func isWords(_ t: [UInt32], _ r: Range<Int>) -> Bool {
        r.contains { data.capitalSet.contains(t[$0]) || HeadingScanner.chineseDigits[t[$0]] != nil && !CharClass.isDigit(t[$0]) }
            && !r.contains { CharClass.isDigit(t[$0]) }
    }
}
