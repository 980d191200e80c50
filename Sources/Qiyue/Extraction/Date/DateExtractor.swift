/// Finds dates over the token stream. Named rules:
/// - `date.ymd`: 2025年3月15日, 二〇二五年三月十五日 (and 2025年3月, 2025年)
/// - `date.numeric`: 2025-03-15, 2025.3.15, 2025/03/15
/// - `date.md`: 3月15日 (partial)
/// - `date.monthly`: 每月5日 (day only)
/// - `date.blank`: ____年__月__日, 年 月 日, 20__年__月__日
/// A bound written after the date (前 / 以后 / 起 / 止 / 当日) is kept.
struct DateExtractor {
    let data: EntityData
    let parser: NumberParser
    private static let nian: UInt32 = 0x5E74, yue: UInt32 = 0x6708, ri: UInt32 = 0x65E5, hao: UInt32 = 0x53F7

    func extract(_ doc: Document) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var i = 0
        let toks = doc.tokens
        while i < toks.count {
            // Every form starts with a number, or (blank dates) with 年/月/日, a blank or a digit.
            let kind = toks[i].kind
            let c = t[Int(toks[i].start)]
            guard kind == .number || kind == .latin || c == Self.nian || c == Self.yue || c == Self.ri || c == 0x5F
                    || CharClass.isSpace(c) || CharClass.isDigit(c) else { i += 1; continue }
            if let f = numeric(doc, at: i) {
                out.append(f.0)
                i = f.1
            } else if let f = chinese(doc, at: i) {
                out.append(f.0)
                i = f.1
            } else if let f = blank(doc, at: i) {
                out.append(f.0)
                i = f.1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Reads NUMBER followed by `unit` (年/月/日/号) at position p. Returns value and end.
    private func part(_ doc: Document, _ p: Int, _ unit: UInt32, or other: UInt32 = 0, hint: Int) -> (value: Int, end: Int, unit: UInt32)? {
        let units = (unit, other)
        func isUnit(_ c: UInt32) -> Bool { c == units.0 || c == units.1 && units.1 != 0 }
        let t = doc.normalized
        let k = doc.tokenIndex(atOrAfter: p, from: hint)
        guard k < doc.tokens.count, Int(doc.tokens[k].start) == p, doc.tokens[k].kind == .number else { return nil }
        let tok = doc.tokens[k]
        var e = Int(tok.end)
        var numEnd = e
        // "2014年" tokens carry their 年.
        if t[e - 1] == Self.nian && isUnit(Self.nian) { numEnd = e - 1 } else {
            guard e < t.count, isUnit(t[e]) else { return nil }
            e += 1
        }
        guard let v = parser.parsePlain(t, p, numEnd), v == v.rounded(), v >= 0, v < 1_000_000 else { return nil }
        return (Int(v), e, t[e - 1])
    }

    private func chinese(_ doc: Document, at i: Int) -> (Entity, Int)? {
        guard doc.tokens[i].kind == .number else { return nil }  // every form starts with a number
        let t = doc.normalized
        let p = Int(doc.tokens[i].start)
        var year: Int?, month: Int?, day: Int?
        var e = p
        var rule = "date.ymd"
        if let y = part(doc, p, Self.nian, hint: i) {
            guard y.value >= data.time.yearRange[0] && y.value <= data.time.yearRange[1] else { return nil }
            year = y.value
            e = y.end
            var mon = part(doc, e, Self.yue, hint: i).map { (value: $0.value, end: $0.end) }
            if mon == nil, let w = data.monthWords.match(t, at: e) { mon = (w.value, w.end) }
            if let m = mon, (1...12).contains(m.value) {
                month = m.value
                e = m.end
                if let d = part(doc, e, Self.ri, or: Self.hao, hint: i), (1...31).contains(d.value) { day = d.value; e = d.end }
            }
        } else if let m = part(doc, p, Self.yue, hint: i), (1...12).contains(m.value),
                  let d = part(doc, m.end, Self.ri, or: Self.hao, hint: i), (1...31).contains(d.value) {
            month = m.value
            day = d.value
            e = d.end
            rule = "date.md"
        } else if let d = part(doc, p, Self.ri, or: Self.hao, hint: i), (1...31).contains(d.value),
                  data.monthlyPrefixes.match(t, endingAt: p) != nil {
            day = d.value
            e = d.end
            rule = "date.monthly"
        } else {
            return nil
        }
        // A bare year (2025年) is a date only when followed by nothing date-like and it is not a duration
        // of years ("2025年" vs "3年"): the year range check above already excludes small numbers.
        var v = EntityValue()
        v.year = year
        v.month = month
        v.day = day
        if let m = month, let d = day {
            if let y = year, Self.valid(y, m, d) {
                v.date = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
            } else if !Self.valid(year ?? 2000, m, d) {
                v.valid = false  // 2月30日, 4月31日: the parts stay, no ISO date
            }
        }
        var end = e
        if let b = data.dateBounds.match(t, at: end) {
            v.bound = b.value
            end = b.end
        }
        return (Entity(dim: .date, range: p..<end, value: v, rule: rule, in: doc), doc.tokenIndex(atOrAfter: end, from: i))
    }

    /// 2025-03-15, 2025.3.15, 2025/03/15.
    private func numeric(_ doc: Document, at i: Int) -> (Entity, Int)? {
        let t = doc.normalized
        let p = Int(doc.tokens[i].start)
        guard doc.tokens[i].kind == .number || doc.tokens[i].kind == .latin, CharClass.isDigit(t[p]) else { return nil }
        var k = p
        func digits() -> Int? {
            var v = 0, n = 0
            while k < t.count && CharClass.isDigit(t[k]) && n < 4 { v = v * 10 + Int(t[k] - 0x30); k += 1; n += 1 }
            return n > 0 ? v : nil
        }
        guard let y = digits(), k - p == 4, k < t.count else { return nil }
        let sep = t[k]
        guard sep == 0x2D || sep == 0x2E || sep == 0x2F else { return nil }
        k += 1
        guard let m = digits(), k < t.count, t[k] == sep else { return nil }
        k += 1
        guard let d = digits() else { return nil }
        if k < t.count && CharClass.isDigit(t[k]) { return nil }
        guard y >= data.time.yearRange[0], y <= data.time.yearRange[1], (1...12).contains(m), (1...31).contains(d) else { return nil }
        var v = EntityValue()
        v.year = y; v.month = m; v.day = d
        if Self.valid(y, m, d) { v.date = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) } else { v.valid = false }
        var end = k
        if end < t.count && t[end] == Self.ri { end += 1 }
        if let b = data.dateBounds.match(t, at: end) { v.bound = b.value; end = b.end }
        return (Entity(dim: .date, range: p..<end, value: v, rule: "date.numeric", in: doc), doc.tokenIndex(atOrAfter: end, from: i))
    }

    /// ____年__月__日, 年 月 日, 20__年__月__日.
    private func blank(_ doc: Document, at i: Int) -> (Entity, Int)? {
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
            if c == Self.nian || c == Self.yue || c == Self.ri {
                marks.append(c)
                lastMark = k + 1
                if c == Self.ri { break }
            } else if c == 0x5F || CharClass.isSpace(c) {
                sawBlank = true
            } else if CharClass.isDigit(c) && marks.isEmpty && k - p < 2 {
                // "20__年"
            } else {
                break
            }
            k += 1
        }
        guard marks == [Self.nian, Self.yue, Self.ri] || marks == [Self.yue, Self.ri] && sawBlank else { return nil }
        guard sawBlank || marks.count == 3 else { return nil }
        // "年 月 日" needs a gap before 月 and 日; "年月日" alone (a heading word) is not a blank date.
        guard (p..<lastMark).contains(where: { t[$0] == 0x20 || t[$0] == 0x5F }) else { return nil }
        var start = p
        if t[p] == Self.nian || t[p] == Self.yue {
            // Leading blank before 年 belongs to the slot.
            var s = p
            while s > 0 && (CharClass.isSpace(t[s - 1]) || t[s - 1] == 0x5F) { s -= 1 }
            if s < p && s > 0 && t[s - 1] != 0x0A && t[s - 1] != 0x3A { start = s } else if s < p { start = s }
        }
        return (Entity(dim: .date, range: start..<lastMark, value: nil, blank: true, rule: "date.blank", in: doc),
                doc.tokenIndex(atOrAfter: lastMark, from: i))
    }

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
