/// Finds dates over the token stream. Named rules:
/// - `date.ymd`: 2025年3月15日, 二〇二五年三月十五日, 两千零五年, 2024年9月1 (a missing 日), 民國112年3月5日
///   (and 2025年3月, 2025年); two-digit years (24年3月1日, 九八年, 〇七年) by the reference year
/// - `date.numeric`: 2025-03-15, 2025.3.15, 2025/03/15, 20230915, 2023 11 02, 2024-03 (year first only:
///   03/07/2023 is not read, its day/month order being ambiguous)
/// - `date.md`: 3月15日, 十月八号 (partial); `date.monthly`: 每月5日 (day only)
/// - `date.range`: two dates joined by 至 / 到 / - / ~, the second sharing the year or month written
///   once (2024年5月6日至6月30日, 2023年9月3-8日, 自2023-02-11起至2023-03-10止, 从6月2号到10号)
/// - `date.time`: a time of day after a date or after a period word (2024年6月30日17:00前, 下午3点,
///   上午9时30分, 24时), with its grain (hour, minute)
/// - `date.blank`: ____年__月__日, 年 月 日, 20__年__月__日, 2014年 月 日 (keeping the parts filled in)
/// A bound written after the date (前 / 以后 / 起 / 止 / 当日) is kept. An impossible date
/// (2月30日) keeps its parts with `valid: false` and no ISO date.
struct DateExtractor {
    let data: EntityData
    let parser: NumberParser
    /// The year two-digit years are read near when the text has no four-digit year (--reference-date).
    var referenceYear: Int?

    /// The parts of one date as read.
    struct Parts {
        var year: Int?
        var month: Int?
        var day: Int?
        /// The year was written with two digits (24年): resolved against the reference year.
        var twoDigitYear = false
        var hour: Int?
        var minute: Int?
        var start: Int
        var end: Int
    }

    /// One found date (or range, or blank) before its value is built.
    struct Item {
        var a: Parts
        var b: Parts?
        var blank = false
        var bound: String?
        var rule: String
        var start: Int
        var end: Int
    }

    func extract(_ doc: Document) -> [Entity] {
        let t = doc.normalized
        var items: [Item] = []
        var i = 0
        let toks = doc.tokens
        while i < toks.count {
            // Every form starts with a number, a period word, or (blank dates) 年/月/日, a blank or a digit.
            let kind = toks[i].kind
            let c = t[Int(toks[i].start)]
            guard kind == .number || kind == .latin || c == Scalar.nian || c == Scalar.yue || c == Scalar.ri || c == Scalar.underscore
                    || CharClass.isSpace(c) || CharClass.isDigit(c) || data.dayPeriods.startsWord(c) else { i += 1; continue }
            // Most numbers are no dates: a date's number ends in 年 or is followed by a date mark,
            // a separator, a time word or a figure (or is eight digits: 20230915).
            if kind == .number {
                let e = Int(toks[i].end)
                let ok = t[e - 1] == Scalar.nian || e >= t.count || data.dateFollowers.contains(t[e]) || e - Int(toks[i].start) == 8
                if !ok { i += 1; continue }
            }
            guard var item = numeric(doc, at: i) ?? chinese(doc, at: i) ?? timeOnly(doc, at: i) ?? blank(doc, at: i) else {
                i += 1
                continue
            }
            if !item.blank && item.b == nil && item.a.day != nil && item.a.hour == nil, let tm = timeOfDay(doc, at: item.end, alone: false) {
                item.a.hour = tm.hour; item.a.minute = tm.minute
                item.end = tm.end
                item.rule = "date.time"
            }
            var end = item.end
            // 自 2027 年 1 月 15 日（起租日）起至…: a short remark in brackets after a date is passed over
            // when a bound or a range separator follows it.
            if let r = Self.remarkEnd(t, at: end), data.dateBounds.match(t, at: r) != nil || data.dateRangeSeparators.match(t, at: r) != nil {
                end = r
            }
            if let b = data.dateBounds.match(t, at: end) {
                item.bound = b.value
                end = b.end
            }
            // A range: a second date after a separator, sharing what is written once.
            if !item.blank, item.b == nil, item.a.month != nil || item.a.day != nil, let r = rangeTail(doc, item.a, at: end, hint: i) {
                item.b = r.parts
                item.rule = "date.range"
                item.bound = r.bound
                end = r.end
                item.end = r.parts.end
            }
            if item.b != nil, item.rule != "date.range" { item.rule = "date.range" }
            items.append(item)
            i = max(i + 1, doc.tokenIndex(atOrAfter: max(end, item.end), from: i))  // a date may end inside a word token
        }
        let reference = referenceYear(doc, items) ?? referenceYear
        return items.map { build(doc, $0, reference: reference) }
    }

    // MARK: building values

    /// The year near which two-digit years are read: a four-digit year after a signing word (签订,
    /// 签署 …), else the first four-digit year in the text.
    private func referenceYear(_ doc: Document, _ items: [Item]) -> Int? {
        guard items.contains(where: { $0.a.twoDigitYear }) else { return nil }
        let full = items.filter { !$0.a.twoDigitYear && $0.a.year != nil }
        let t = doc.normalized
        for it in full {
            let window = ScalarDecoding.string(t, max(0, it.start - 8), it.start)
            if Self.signingWords.contains(where: { window.contains($0) }) { return it.a.year }
        }
        return full.first?.a.year
    }

    private static let fen: UInt32 = 0x4EFD  // 份 (3月份)
    private static let signingWords = ["签订", "签约", "签署", "签字", "订立"]

    /// A two-digit year: the year ending in those digits closest to the reference year (within
    /// −50 … +49), else the POSIX %y pivot (69–99 → 19xx, 00–68 → 20xx).
    func resolve(twoDigit yy: Int, reference: Int?) -> Int {
        if let r = reference {
            var y = r - r % 100 + yy
            if y > r + 49 { y -= 100 } else if y < r - 50 { y += 100 }
            return y
        }
        return yy >= data.time.twoDigitPivot ? 1900 + yy : 2000 + yy
    }

    private func build(_ doc: Document, _ item: Item, reference: Int?) -> Entity {
        var a = item.a
        if a.twoDigitYear, let y = a.year { a.year = resolve(twoDigit: y, reference: reference) }
        var b = item.b
        if var bb = b {
            if bb.twoDigitYear, let y = bb.year { bb.year = resolve(twoDigit: y, reference: reference) }
            if bb.year == nil && bb.month != nil { bb.year = a.year }
            if bb.month == nil { bb.month = a.month; if bb.year == nil { bb.year = a.year } }
            b = bb
        }
        let range = item.start..<item.end
        if item.blank {
            var v = EntityValue()
            v.year = a.year; v.month = a.month; v.day = a.day
            var e = Entity(dim: .date, range: range, value: nil, blank: true, rule: item.rule, in: doc)
            if a.year != nil || a.month != nil { e.value = v }
            return e
        }
        var v = value(a)
        v.bound = item.bound
        guard let bb = b else { return Entity(dim: .date, range: range, value: v, rule: item.rule, in: doc) }
        // A range: start and end, and each end as an entity of its own for the fact extractors.
        let vb = value(bb)
        v.start = v.date ?? iso(v)
        v.end = vb.date ?? iso(vb)
        if vb.valid == false { v.valid = false }
        var e = Entity(dim: .date, range: range, value: v, rule: item.rule, in: doc)
        var first = value(a)
        if item.bound == "until" { first.bound = "from" }
        var second = vb
        second.bound = item.bound
        e.parts = [Entity(dim: .date, range: a.start..<a.end, value: first, rule: item.rule, in: doc),
                   Entity(dim: .date, range: bb.start..<bb.end, value: second, rule: item.rule, in: doc)]
        return e
    }

    private func value(_ p: Parts) -> EntityValue {
        var v = EntityValue()
        v.year = p.year
        v.month = p.month
        v.day = p.day
        if let m = p.month, let d = p.day {
            if let y = p.year, Self.valid(y, m, d) {
                v.date = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
            } else if !Self.valid(p.year ?? 2000, m, d) {
                v.valid = false  // 2月30日, 4月31日: the parts stay, no ISO date
            }
        }
        if let h = p.hour {
            v.time = pad(h, 2) + ":" + pad(p.minute ?? 0, 2)
            v.grain = p.minute != nil ? "minute" : "hour"
        } else {
            v.grain = p.day != nil ? "day" : p.month != nil ? "month" : p.year != nil ? "year" : nil
        }
        return v
    }

    /// "YYYY-MM-DD", "YYYY-MM", "YYYY", "--MM-DD", "---DD" of the known parts.
    private func iso(_ v: EntityValue) -> String? {
        switch (v.year, v.month, v.day) {
        case let (y?, m?, d?): return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        case let (y?, m?, nil): return pad(y, 4) + "-" + pad(m, 2)
        case (let y?, nil, nil): return pad(y, 4)
        case let (nil, m?, d?): return "--" + pad(m, 2) + "-" + pad(d, 2)
        case (nil, nil, let d?): return "---" + pad(d, 2)
        case (nil, let m?, nil): return "--" + pad(m, 2)
        default: return nil
        }
    }

    // MARK: reading parts

    /// Reads NUMBER followed by `unit` (年/月/日/号) at position p: value, end, and whether the
    /// number was written as exactly two digits (24, 九八, 〇七).
    private func part(_ doc: Document, _ p: Int, _ unit: UInt32, or other: UInt32 = 0, hint: Int) -> (value: Int, end: Int, twoDigits: Bool)? {
        func isUnit(_ c: UInt32) -> Bool { c == unit || c == other && other != 0 }
        let t = doc.normalized
        let k = doc.tokenIndex(atOrAfter: p, from: hint)
        guard k < doc.tokens.count, Int(doc.tokens[k].start) == p, doc.tokens[k].kind == .number else { return nil }
        let tok = doc.tokens[k]
        var e = Int(tok.end)
        var numEnd = e
        // "2014年" tokens carry their 年.
        if t[e - 1] == Scalar.nian && isUnit(Scalar.nian) { numEnd = e - 1 } else {
            guard e < t.count, isUnit(t[e]) else { return nil }
            e += 1
        }
        guard p < numEnd, let v = parser.parsePlain(t, p, numEnd), v == v.rounded(), v >= 0, v < 1_000_000 else { return nil }
        let twoDigits = numEnd - p == 2 && (p..<numEnd).allSatisfy { CharClass.isDigit(t[$0]) || data.digitValue[t[$0]] != nil }
        return (Int(v), e, twoDigits)
    }

    /// The end of a short remark in brackets at `k` (（起租日）, （以下简称起始日）): up to 12 characters,
    /// no figure and no line break inside.
    static func remarkEnd(_ t: [UInt32], at k: Int) -> Int? {
        guard let e = CharClass.bracketEnd(t, at: k, length: 13, refusing: { CharClass.isDigit($0) || $0 == Scalar.lineFeed }),
              e > k + 2 else { return nil }   // not an empty bracket
        return e
    }

    /// The offset of the nearest era word with one (民國) in the 2,000 characters before `p`.
    private func eraBefore(_ t: [UInt32], _ p: Int) -> Int? {
        var q = p
        while q > max(0, p - 2000) {
            if let m = data.eras.match(t, endingAt: q), m.value > 0 { return m.value }
            q -= 1
        }
        return nil
    }

    /// The year at p (after an era word ending at p): its value, end, and whether it has two digits.
    private func yearPart(_ doc: Document, _ p: Int, hint: Int) -> (value: Int, end: Int, twoDigit: Bool, start: Int)? {
        let t = doc.normalized
        guard let y = part(doc, p, Scalar.nian, hint: hint) else { return nil }
        let era = data.eras.match(t, endingAt: p)
        if let era, era.value > 0 {
            guard y.value >= 1 && y.value <= 200 else { return nil }
            return (y.value + era.value, y.end, false, era.start)
        }
        let start = era?.start ?? p
        if y.value >= data.time.yearRange[0] && y.value <= data.time.yearRange[1] { return (y.value, y.end, false, start) }
        // 自民國一一五年三月一日起至一一七年二月二十八日止: a three-digit year after an era written
        // earlier in the text counts in that era.
        if era == nil, y.value >= 100, y.value <= 200, let offset = eraBefore(t, p) { return (y.value + offset, y.end, false, start) }
        guard y.twoDigits else { return nil }
        // A two-digit year: written with a leading zero or as Chinese digits (〇七年, 九八年), or with a
        // month after it (24年3月) — "20年" alone is twenty years.
        let leadingZero = t[p] == 0x30 || data.digitValue[t[p]] == 0
        let chineseDigits = !CharClass.isDigit(t[p])
        let monthAfter = part(doc, y.end, Scalar.yue, hint: hint) != nil
        guard leadingZero || chineseDigits || monthAfter else { return nil }
        return (y.value, y.end, true, start)
    }

    private func chinese(_ doc: Document, at i: Int) -> Item? {
        guard doc.tokens[i].kind == .number else { return nil }  // every form starts with a number
        let t = doc.normalized
        let p = Int(doc.tokens[i].start)
        var parts = Parts(start: p, end: p)
        var e = p
        var rule = "date.ymd"
        var start = p
        if let y = yearPart(doc, p, hint: i) {
            parts.year = y.value
            parts.twoDigitYear = y.twoDigit
            start = y.start
            e = y.end
            var mon = part(doc, e, Scalar.yue, hint: i).map { (value: $0.value, end: $0.end) }
            if mon == nil, let w = data.monthWords.match(t, at: e) { mon = (w.value, w.end) }
            if let m = mon, (1...12).contains(m.value) {
                parts.month = m.value
                e = m.end
                if let d = part(doc, e, Scalar.ri, or: Scalar.hao, hint: i), (1...31).contains(d.value) {
                    parts.day = d.value
                    e = d.end
                } else if let r = dayRange(doc, at: e, hint: i) {
                    // 2023年9月3-8日
                    return dayRangeItem(parts, r, start: start)
                } else if let d = missingRi(doc, at: e, hint: i) {
                    parts.day = d.value
                    e = d.end
                } else if e < t.count, t[e] == Self.fen {
                    e += 1  // 2024年3月份
                } else if let g = blankGap(t, at: e), g < t.count, t[g] == Scalar.ri {
                    // 2014年3月 日
                    parts.end = g + 1
                    return Item(a: parts, blank: true, rule: "date.blank", start: start, end: g + 1)
                }
            } else if let g = blankGap(t, at: e), g < t.count, t[g] == Scalar.yue,
                      let g2 = blankGap(t, at: g + 1) ?? Optional(g + 1), g2 < t.count, t[g2] == Scalar.ri {
                // 2014年 月 日
                parts.end = g2 + 1
                return Item(a: parts, blank: true, rule: "date.blank", start: start, end: g2 + 1)
            }
        } else if let m = part(doc, p, Scalar.yue, hint: i), (1...12).contains(m.value),
                  let d = part(doc, m.end, Scalar.ri, or: Scalar.hao, hint: i), (1...31).contains(d.value) {
            parts.month = m.value
            parts.day = d.value
            e = d.end
            rule = "date.md"
        } else if let m = part(doc, p, Scalar.yue, hint: i), (1...12).contains(m.value), let r = dayRange(doc, at: m.end, hint: i) {
            // 9月3-8日
            parts.month = m.value
            return dayRangeItem(parts, r, start: p)
        } else if let m = part(doc, p, Scalar.yue, hint: i), (1...12).contains(m.value), m.end < t.count, t[m.end] == Self.fen {
            // 3月份: a month
            parts.month = m.value
            e = m.end + 1
            rule = "date.md"
        } else if let d = part(doc, p, Scalar.ri, or: Scalar.hao, hint: i), (1...31).contains(d.value),
                  hasMonthlyPrefix(t, endingAt: p) {
            parts.day = d.value
            e = d.end
            rule = "date.monthly"
        } else {
            return nil
        }
        parts.end = e
        return Item(a: parts, rule: rule, start: start, end: e)
    }

    /// 每月5日, 每季度首月的 5 日, 每月 **15日**: a monthly prefix before a day number, with spaces (a
    /// removed Markdown mark leaves one) and a link word (的) allowed between them.
    private func hasMonthlyPrefix(_ t: [UInt32], endingAt p: Int) -> Bool {
        var k = p
        while k > 0 && p - k < 2 && CharClass.isSpace(t[k - 1]) { k -= 1 }
        if let link = data.monthlyLinks.match(t, endingAt: k) {
            k = link.start
            while k > 0 && link.start - k < 2 && CharClass.isSpace(t[k - 1]) { k -= 1 }
        }
        return data.monthlyPrefixes.match(t, endingAt: k) != nil
    }

    /// 一 in 二〇二四年九月一: a day number with no 日 after a month, ending the date.
    private func missingRi(_ doc: Document, at e: Int, hint: Int) -> (value: Int, end: Int)? {
        let t = doc.normalized
        let k = doc.tokenIndex(atOrAfter: e, from: hint)
        guard k < doc.tokens.count, Int(doc.tokens[k].start) == e, doc.tokens[k].kind == .number else {
            // A lone Chinese numeral is no token of its own (九月一): read it here.
            guard e < t.count, data.digitValue[t[e]] != nil || parser.isNumeral(t[e]) else { return nil }
            var q = e
            while q < t.count && q - e < 3 && (data.digitValue[t[q]] != nil || parser.isNumeral(t[q])) { q += 1 }
            return dayEnd(t, e, q)
        }
        return dayEnd(t, e, Int(doc.tokens[k].end))
    }

    private func dayEnd(_ t: [UInt32], _ s: Int, _ q: Int) -> (value: Int, end: Int)? {
        guard let v = parser.parsePlain(t, s, q), v == v.rounded(), v >= 1, v <= 31 else { return nil }
        if q < t.count {
            let c = t[q]
            let endsHere = !CharClass.isDigit(c) && c != Scalar.point && !parser.isNumeral(c) && !data.numberClasses.units.contains(c)
                && c != Scalar.hao && data.hourWords.match(t, at: q) == nil
            guard endsHere else { return nil }
        }
        return (Int(v), q)
    }

    /// 3-8日 after a month: two day numbers joined by a separator, then 日 / 号.
    /// The range item of a day range (3-8日) after the parts that both ends share.
    private func dayRangeItem(_ shared: Parts, _ r: (first: Int, firstEnd: Int, second: Int, secondStart: Int, end: Int), start: Int) -> Item {
        var a = shared
        a.day = r.first
        a.end = r.firstEnd
        var b = a
        b.day = r.second
        b.start = r.secondStart
        b.end = r.end
        return Item(a: a, b: b, rule: "date.range", start: start, end: r.end)
    }

    private func dayRange(_ doc: Document, at e: Int, hint: Int) -> (first: Int, firstEnd: Int, second: Int, secondStart: Int, end: Int)? {
        let t = doc.normalized
        let k = doc.tokenIndex(atOrAfter: e, from: hint)
        guard k < doc.tokens.count, Int(doc.tokens[k].start) == e, doc.tokens[k].kind == .number else { return nil }
        let fe = Int(doc.tokens[k].end)
        guard let d1 = parser.parsePlain(t, e, fe), d1 >= 1, d1 <= 31, d1 == d1.rounded(), let sep = data.dateRangeSeparators.match(t, at: fe),
              let d2 = part(doc, sep.end, Scalar.ri, or: Scalar.hao, hint: k), (1...31).contains(d2.value), d2.value > Int(d1) else { return nil }
        return (Int(d1), fe, d2.value, sep.end, d2.end)
    }

    /// After spaces or underscores (at least one): the position of the next character.
    private func blankGap(_ t: [UInt32], at e: Int) -> Int? {
        var g = e
        while g < t.count && g - e < 12 && (t[g] == Scalar.space || t[g] == Scalar.underscore) { g += 1 }
        return g > e ? g : nil
    }

    /// The second date of a range after `end`: a separator, then a full date, a month and day, or a
    /// day alone (its month and year come from the first date).
    private func rangeTail(_ doc: Document, _ a: Parts, at end: Int, hint: Int) -> (parts: Parts, end: Int, bound: String?)? {
        let t = doc.normalized
        var q = end
        if q < t.count && t[q] == Scalar.space { q += 1 }
        guard let sep = data.dateRangeSeparators.match(t, at: q) else { return nil }
        q = sep.end
        if q < t.count && t[q] == Scalar.space { q += 1 }
        let k = doc.tokenIndex(atOrAfter: q, from: hint)
        guard k < doc.tokens.count, Int(doc.tokens[k].start) == q else { return nil }
        var b: Parts?
        if let n = numeric(doc, at: k) { b = n.a } else if let c = chinese(doc, at: k), c.b == nil, !c.blank, c.rule != "date.monthly" {
            b = c.a
            b?.start = c.start
        } else if a.month != nil, a.day != nil, let d = part(doc, q, Scalar.ri, or: Scalar.hao, hint: k), (1...31).contains(d.value) {
            b = Parts(day: d.value, start: q, end: d.end)
        } else if a.month != nil, a.day == nil, let m = part(doc, q, Scalar.yue, hint: k), (1...12).contains(m.value),
                  part(doc, m.end, Scalar.ri, or: Scalar.hao, hint: k) == nil {
            // 2024年5月至12月: months, the year written once
            var e = m.end
            if e < t.count, t[e] == Self.fen { e += 1 }
            b = Parts(month: m.value, start: q, end: e)
        }
        guard var bb = b else { return nil }
        // The second date must not come before the first where both are known.
        if a.year == nil && bb.year != nil { return nil }
        if bb.year == nil, bb.month == nil, let d = bb.day, let ad = a.day, d <= ad { return nil }
        var e = bb.end
        if a.day != nil, bb.day != nil, bb.hour == nil, let tm = timeOfDay(doc, at: e, alone: false) {
            bb.hour = tm.hour; bb.minute = tm.minute; e = tm.end; bb.end = e
        }
        var bound: String?
        if let bw = data.dateBounds.match(t, at: e) { bound = bw.value; e = bw.end }
        return (bb, e, bound)
    }

    // MARK: times of day

    /// A time of day at p: [period word] HH:MM, or [period word] N点/时 [N分 | 半 | N刻]. `alone`
    /// (no date before it) needs a period word, HH:MM or 时.
    private func timeOfDay(_ doc: Document, at p: Int, alone: Bool) -> (hour: Int, minute: Int?, end: Int)? {
        let t = doc.normalized
        var k = p
        if k < t.count && t[k] == Scalar.space && !alone { k += 1 }
        var period: Int?
        if let pw = data.dayPeriods.match(t, at: k) { period = pw.value; k = pw.end }
        guard k < t.count else { return nil }
        var hour: Int, minute: Int?
        var usedHourWord = false
        if CharClass.isDigit(t[k]) {
            var q = k
            while q < t.count && CharClass.isDigit(t[q]) && q - k < 3 { q += 1 }
            guard q - k <= 2 else { return nil }
            hour = Int(ScalarDecoding.string(t, k, q)) ?? 99
            if q + 2 < t.count, t[q] == Scalar.colon, CharClass.isDigit(t[q + 1]), CharClass.isDigit(t[q + 2]),
               q + 3 >= t.count || !CharClass.isDigit(t[q + 3]) {
                minute = Int(ScalarDecoding.string(t, q + 1, q + 3))
                k = q + 3
                // :SS
                if k + 2 < t.count, t[k] == Scalar.colon, CharClass.isDigit(t[k + 1]), CharClass.isDigit(t[k + 2]) { k += 3 }
            } else {
                k = q
                guard let hw = data.hourWords.match(t, at: k) else { return nil }
                k = hw.end
                usedHourWord = true
            }
        } else {
            var q = k
            while q < t.count && q - k < 4 && (data.digitValue[t[q]] != nil || parser.isNumeral(t[q])) { q += 1 }
            guard q > k, let v = parser.parsePlain(t, k, q), v == v.rounded(), v >= 0, v <= 24 else { return nil }
            hour = Int(v)
            k = q
            guard let hw = data.hourWords.match(t, at: k) else { return nil }
            k = hw.end
            usedHourWord = true
        }
        guard (0...24).contains(hour) else { return nil }
        if usedHourWord {
            if data.notHourAfter.match(t, at: k) != nil { return nil }
            // minutes: N分 / 半 / N刻
            var q = k
            while q < t.count && q - k < 3 && (CharClass.isDigit(t[q]) || data.digitValue[t[q]] != nil || parser.isNumeral(t[q])) { q += 1 }
            if q > k, let v = parser.parsePlain(t, k, q), v == v.rounded(), v >= 0, v < 60 {
                if let mw = data.minuteWords.match(t, at: q) { minute = Int(v); k = mw.end } else if q < t.count, t[q] == 0x523B, v <= 3 {  // 刻
                    minute = Int(v) * 15; k = q + 1
                }
            } else if k < t.count, t[k] == Scalar.ban {
                minute = 30; k += 1
            }
        }
        if minute.map({ $0 >= 60 }) ?? false { return nil }
        if alone && period == nil {
            // Alone: HH:MM, or N时; "3点" alone is too often something else.
            let hourWord = ScalarDecoding.string(t, max(p, k - 3), k)
            guard !usedHourWord || hourWord.contains("时") else { return nil }
            if p > 0, CharClass.isDigit(t[p - 1]) || t[p - 1] == Scalar.colon || t[p - 1] == 0x5C0F { return nil }  // 小时
        }
        if let off = period, off == 12, hour < 12 { hour += 12 }
        return (hour, minute, k)
    }

    /// A time of day with no date before it (下午3点, 17:00, 24时).
    private func timeOnly(_ doc: Document, at i: Int) -> Item? {
        let p = Int(doc.tokens[i].start)
        guard let tm = timeOfDay(doc, at: p, alone: true) else { return nil }
        let parts = Parts(hour: tm.hour, minute: tm.minute, start: p, end: tm.end)
        return Item(a: parts, rule: "date.time", start: p, end: tm.end)
    }

    // MARK: numeric and blank forms

    /// 2025-03-15, 2025.3.15, 2025/03/15, 20230915, 2023 11 02.
    private func numeric(_ doc: Document, at i: Int) -> Item? {
        let t = doc.normalized
        let p = Int(doc.tokens[i].start)
        guard doc.tokens[i].kind == .number || doc.tokens[i].kind == .latin, CharClass.isDigit(t[p]) else { return nil }
        if p > 0, CharClass.isDigit(t[p - 1]) || CharClass.isLatin(t[p - 1]) { return nil }
        var k = p
        func digits(_ maxCount: Int = 4) -> Int? {
            var v = 0, n = 0
            while k < t.count && CharClass.isDigit(t[k]) && n < maxCount { v = v * 10 + Int(t[k] - 0x30); k += 1; n += 1 }
            return n > 0 ? v : nil
        }
        guard let y = digits(), k - p == 4, k < t.count else { return nil }
        guard y >= data.time.yearRange[0], y <= data.time.yearRange[1] else { return nil }
        var m: Int, d: Int
        let sep = t[k]
        if CharClass.isDigit(sep) {
            // 20230915: eight digits, a possible date only.
            guard let mm = digits(2), let dd = digits(2), k - p == 8, k >= t.count || !CharClass.isDigit(t[k]) && !CharClass.isLatin(t[k]),
                  Self.valid(y, mm, dd) else { return nil }
            m = mm; d = dd
        } else {
            guard sep == Scalar.hyphen || sep == Scalar.point || sep == Scalar.slash || sep == Scalar.space else { return nil }
            k += 1
            let ms = k
            guard let mm = digits(2) else { return nil }
            // 2024-03, 2024/03: a year and month (not 2024.3, which reads as a decimal).
            if k >= t.count || t[k] != sep {
                guard sep == Scalar.hyphen || sep == Scalar.slash, k - ms == 2, (1...12).contains(mm),
                      k >= t.count || !CharClass.isDigit(t[k]) && !CharClass.isLatin(t[k]) else { return nil }
                let parts = Parts(year: y, month: mm, start: p, end: k)
                return Item(a: parts, rule: "date.numeric", start: p, end: k)
            }
            if sep == Scalar.space && k - ms != 2 { return nil }
            k += 1
            let ds = k
            guard let dd = digits(2) else { return nil }
            if sep == Scalar.space && k - ds != 2 { return nil }
            if k < t.count && CharClass.isDigit(t[k]) { return nil }
            guard (1...12).contains(mm), (1...31).contains(dd) else { return nil }
            m = mm; d = dd
        }
        var end = k
        if end < t.count && t[end] == Scalar.ri { end += 1 }
        let parts = Parts(year: y, month: m, day: d, start: p, end: end)
        return Item(a: parts, rule: "date.numeric", start: p, end: end)
    }

    /// ____年__月__日, 年 月 日, 20__年__月__日.
    private func blank(_ doc: Document, at i: Int) -> Item? {
        let t = doc.normalized
        let p = Int(doc.tokens[i].start)
        // Find 年 … 月 … 日 within a short window where every gap is a blank, a space or "20".
        var k = p
        var marks: [UInt32] = []
        var sawBlank = false
        var lastMark = p
        let limit = min(t.count, p + 40)
        while k < limit {
            let c = t[k]
            if c == Scalar.nian || c == Scalar.yue || c == Scalar.ri {
                marks.append(c)
                lastMark = k + 1
                if c == Scalar.ri { break }
            } else if c == Scalar.underscore || CharClass.isSpace(c) {
                sawBlank = true
            } else if CharClass.isDigit(c) && marks.isEmpty && k - p < 2 {
                // "20__年"
            } else {
                break
            }
            k += 1
        }
        guard marks == [Scalar.nian, Scalar.yue, Scalar.ri] || marks == [Scalar.yue, Scalar.ri] && sawBlank else { return nil }
        guard sawBlank || marks.count == 3 else { return nil }
        // "年 月 日" needs a gap before 月 and 日; "年月日" alone (a heading word, 出生年月日) is not a
        // blank date — unless a date's words frame it (于年月日前, 自年月日起: the gaps a scan or a
        // conversion lost).
        let gapped = (p..<lastMark).contains(where: { t[$0] == Scalar.space || t[$0] == Scalar.underscore })
        let framed = p > 0 && Self.beforeBareBlank.contains(t[p - 1]) && lastMark < t.count && Self.afterBareBlank.contains(t[lastMark])
        guard gapped || framed && marks.count == 3 else { return nil }
        var start = p
        if t[p] == Scalar.nian || t[p] == Scalar.yue {
            // Leading blank before 年 belongs to the slot.
            var s = p
            while s > 0 && (CharClass.isSpace(t[s - 1]) || t[s - 1] == Scalar.underscore) { s -= 1 }
            if s < p { start = s }
        }
        return Item(a: Parts(start: start, end: lastMark), blank: true, rule: "date.blank", start: start, end: lastMark)
    }

    /// The words around a bare 年月日 that make it a date left blank.
    static let beforeBareBlank = ScalarSet("于在自至从")
    static let afterBareBlank = ScalarSet("前起止之")

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}

/// Zero-padded decimal text.
func pad(_ v: Int, _ width: Int) -> String {
    let digits = "\(v)"
    return digits.count >= width ? digits : Swift.String(repeating: "0", count: width - digits.count) + digits
}
