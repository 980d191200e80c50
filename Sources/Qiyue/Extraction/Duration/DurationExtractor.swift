/// Finds durations and relative times, built from pieces `NUMBER [个] UNIT [半]` over the number
/// tokens. Named rules:
/// - `duration.unit`: one piece (30日, 三个月, 3个工作日, 48小时, 一年半, 一个半月, 三刻钟, 12 天)
/// - `duration.half`: 半年, 半个月
/// - `duration.compound`: pieces with falling units, one duration in the smallest unit written, with
///   its ISO 8601 form (三年零五个月 = 41 months, P3Y5M; 1小时30分钟 = 90 minutes, PT1H30M)
/// - `duration.range`: N~M UNIT, N UNIT至M UNIT (2~4个月 → min 2, max 4); `amount` is the upper end
/// - `duration.approximate`: 两三天, 三四个月 (min 2, max 3, approximate; numerals.yaml `approximatePairs`)
/// - `duration.bound`: 不超过六个月 (max), 不少于30日 (min), 两年以上五年以下 (min and max)
/// - `duration.t-plus`: T+1日 (settlement days)
/// Units are kept as written (七天 is 7 day, 三个礼拜 is 3 week); `dayKind` says which days a day
/// unit counts (calendar, natural, workday, bank_workday, trading). The relation written after it
/// (之内 / 以内 / 后 / 起 / 前) is kept as `bound`. Spans already taken by dates are skipped by the caller.
struct DurationExtractor {
    let data: EntityData
    let parser: NumberParser

    /// One `NUMBER UNIT` piece.
    struct Piece {
        var start: Int
        var end: Int
        var amount: Double
        var unit: String
        var dayKind: String?
        /// The lower end of an approximate count (两三天: 2, with amount 3), in the piece's unit.
        var low: Double? = nil
    }

    func extract(_ doc: Document) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var i = 0
        while i < doc.tokens.count {
            let tok = doc.tokens[i]
            let s = Int(tok.start)
            var piece: Piece?
            var rule = "duration.unit"
            var from: Int?
            if tok.kind == .number {
                // A duration's number is followed by its unit (or 个, a space, a bracketed echo, 年).
                let e = Int(tok.end)
                guard t[e - 1] == Scalar.nian || e < t.count && (data.durationUnits.startsWord(t[e]) || data.compoundUnits.startsWord(t[e])
                        || t[e] == Scalar.space || data.echoOpen.contains(t[e])) else { i += 1; continue }
                piece = self.piece(doc, s, Int(tok.end))
                // 5分30秒: a compound-only unit starts a compound.
                if piece == nil, let q = self.piece(doc, s, Int(tok.end), compound: true),
                   let next = nextPiece(doc, after: q), order(next.unit) < order(q.unit) {
                    piece = q
                }
            } else if t[s] == Scalar.ban {
                piece = self.piece(doc, s, s + 1, half: true)  // 半年 / 半个月
                rule = "duration.half"
            } else if (t[s] == 0x54 || t[s] == 0x74), s + 2 < t.count, t[s + 1] == 0x2B, CharClass.isDigit(t[s + 2]) {
                // T+1日
                let k = doc.tokenIndex(atOrAfter: s + 2, from: i)
                if k < doc.tokens.count, doc.tokens[k].kind == .number {
                    piece = self.piece(doc, Int(doc.tokens[k].start), Int(doc.tokens[k].end))
                    rule = "duration.t-plus"
                    from = s
                }
            }
            guard var p = piece else { i += 1; continue }
            var v = EntityValue()
            var parts = [p]
            // Compound: further pieces with smaller units.
            while rule != "duration.t-plus", let next = nextPiece(doc, after: parts.last!), order(next.unit) < order(parts.last!.unit) {
                parts.append(next)
            }
            if parts.count > 1 {
                p = combine(parts)
                rule = "duration.compound"
                v.iso = iso(parts)
            } else {
                v.iso = iso(parts)
            }
            v.amount = p.amount
            v.unit = p.unit
            v.dayKind = p.dayKind
            var start = from ?? p.start
            var end = p.end
            // 两三天, 三四个月: an approximate count, its two ends as min and max.
            if parts.count == 1, let low = p.low {
                v.min = low
                v.max = p.amount
                v.approximate = true
                rule = "duration.approximate"
            }
            // Range: N<sep>M UNIT, or N UNIT<sep>M UNIT before this piece.
            if parts.count == 1, rule == "duration.unit", let r = rangeStart(doc, before: p.start, unit: p) {
                v.min = r.value
                v.max = p.amount
                start = r.start
                rule = "duration.range"
            }
            // N UNIT至M UNIT read from the first piece.
            if parts.count == 1, v.min == nil, rule == "duration.unit", let sep = data.rangeSeparators.match(t, at: p.end) {
                let k = doc.tokenIndex(atOrAfter: sep.end, from: i)
                if k < doc.tokens.count, Int(doc.tokens[k].start) == sep.end, doc.tokens[k].kind == .number,
                   let q = self.piece(doc, sep.end, Int(doc.tokens[k].end)), q.unit == p.unit, q.amount > p.amount {
                    v.min = p.amount
                    v.max = q.amount
                    v.amount = q.amount
                    end = q.end
                    rule = "duration.range"
                }
            }
            // Bounds before and after.
            // 至少提前30日: a limit word before a cue word (提前, 连续 …).
            let limitEnd = data.durationCues.match(t, endingAt: start).map { $0.start } ?? start
            if v.min == nil, let b = data.durationLimitBefore.match(t, endingAt: start) ?? data.durationLimitBefore.match(t, endingAt: limitEnd) {
                if b.value == "max" { v.max = p.amount } else { v.min = p.amount }
                rule = "duration.bound"
            }
            var after = end
            if let b = data.durationLimitAfter.match(t, at: after) {
                if b.value == "max" { v.max = v.max ?? p.amount } else { v.min = v.min ?? p.amount }
                after = b.end
                rule = rule == "duration.range" ? rule : "duration.bound"
                // 两年以上五年以下: a second bounded piece right after closes the range.
                if b.value == "min", let k = Optional(doc.tokenIndex(atOrAfter: after, from: i)), k < doc.tokens.count,
                   Int(doc.tokens[k].start) == after, doc.tokens[k].kind == .number,
                   let q = self.piece(doc, after, Int(doc.tokens[k].end)), q.unit == p.unit,
                   let b2 = data.durationLimitAfter.match(t, at: q.end), b2.value == "max", q.amount >= p.amount {
                    v.max = q.amount
                    v.amount = q.amount
                    end = q.end
                    after = b2.end
                }
            }
            if v.min != nil && v.max != nil { v.amount = v.max; v.iso = nil }
            if let b = data.durationBounds.match(t, at: after) {
                v.bound = b.value
                after = b.end
            }
            // The entity's text is the duration itself; the bound is part of the value.
            out.append(Entity(dim: .duration, range: start..<end, value: v, rule: rule, in: doc))
            i = max(i + 1, doc.tokenIndex(atOrAfter: max(after, end), from: i))  // 半日托: a duration may end inside a word token
        }
        return out
    }

    /// A piece starting with the number at s..<numEnd (or 半 when `half`).
    func piece(_ doc: Document, _ s: Int, _ numEnd: Int, half: Bool = false, compound: Bool = false) -> Piece? {
        let t = doc.normalized
        var amount: Double
        var low: Double?
        var numEnd = numEnd
        if half { amount = 0.5 } else {
            // "2014年" tokens carry 年: only small numbers are durations of years.
            var ne = numEnd
            if t[ne - 1] == Scalar.nian { ne -= 1 }
            if let pair = parser.approximatePair(t, s, ne) {
                amount = pair.high
                low = pair.low
            } else {
                guard let v = parser.parse(t, s, ne), !v.isRate, v.value > 0 else { return nil }
                amount = v.value
            }
            if ne != numEnd {
                guard amount < 1000 else { return nil }
                return Piece(start: s, end: numEnd, amount: amount, unit: "year", low: low)
            }
            // 二十(20)日: the figure written twice is read once.
            if let echo = NumberExtractor(parser: parser).echo(doc, amount, at: numEnd) { numEnd = echo }
        }
        // 一个半月
        if !half, low == nil, numEnd + 2 < t.count, t[numEnd] == Scalar.ge, t[numEnd + 1] == Scalar.ban,
           let u2 = data.durationUnits.match(t, at: numEnd + 2) {
            return Piece(start: s, end: u2.end, amount: (amount + 0.5) * u2.value.factor, unit: u2.value.unit, dayKind: u2.value.dayKind)
        }
        // "12 天", "30 个工作日": one space before the unit.
        var us = numEnd
        if us + 1 < t.count, t[us] == Scalar.space, !half { us += 1 }
        guard let u = data.durationUnits.match(t, at: us) ?? (compound ? data.compoundUnits.match(t, at: us) : nil) else { return nil }
        // 第三天 is a day's place, 一年级 a school year.
        if s > 0, data.numberClasses.ordinalPrefixes.contains(t[s - 1]) { return nil }
        if data.notDurationAfter.match(t, at: u.end) != nil { return nil }
        var e = u.end
        // 一年半
        if let h = data.halfWords.match(t, at: e), !half {
            amount += 0.5
            e = h.end
        }
        // 3月 alone is March, not three months, unless a relation or a duration cue says otherwise.
        if !compound, !half, u.end - us == 1, t[us] == Scalar.yue {
            let hasBound = data.durationBounds.match(t, at: e) != nil || data.durationLimitAfter.match(t, at: e) != nil
            let hasCue = data.durationCues.match(t, endingAt: s) != nil || data.durationLimitBefore.match(t, endingAt: s) != nil
            guard hasBound || hasCue else { return nil }
        }
        if low != nil, e != u.end { return nil }  // 两三年半 is no count
        return Piece(start: s, end: e, amount: amount * u.value.factor, unit: u.value.unit, dayKind: u.value.dayKind,
                     low: low.map { $0 * u.value.factor })
    }

    /// The piece right after `p`, across a joiner (零 / 又 / ,).
    private func nextPiece(_ doc: Document, after p: Piece) -> Piece? {
        let t = doc.normalized
        var q = p.end
        guard q < t.count else { return nil }
        // 零 may start the next number token itself (零五个月).
        let k0 = doc.tokenIndex(atOrAfter: q)
        if k0 < doc.tokens.count, Int(doc.tokens[k0].start) == q, doc.tokens[k0].kind == .number,
           let n = piece(doc, q, Int(doc.tokens[k0].end), compound: true) { return n }
        // Without a joiner the piece would be the one just tried at the same place.
        guard let j = data.compoundJoiners.match(t, at: q) else { return nil }
        q = j.end
        let k = doc.tokenIndex(atOrAfter: q)
        guard k < doc.tokens.count, Int(doc.tokens[k].start) == q, doc.tokens[k].kind == .number else { return nil }
        return piece(doc, q, Int(doc.tokens[k].end), compound: true)
    }

    /// Units from the largest; day kinds share the day's place.
    private func order(_ unit: String) -> Int {
        switch unit {
        case "year": 8
        case "quarter": 7
        case "month": 6
        case "week": 5
        case "day", "workday": 4
        case "hour": 3
        case "minute": 2
        case "second": 1
        default: 0
        }
    }

    /// How many of the next smaller unit one unit holds (a month counts 30 days, documented).
    private func inSmaller(_ unit: String, _ smaller: String) -> Double {
        let seconds: [String: Double] = ["year": 31_104_000, "quarter": 7_776_000, "month": 2_592_000, "week": 604_800,
                                         "day": 86_400, "workday": 86_400, "hour": 3_600, "minute": 60, "second": 1]
        if unit == "year" && (smaller == "month" || smaller == "quarter") { return smaller == "month" ? 12 : 4 }
        if unit == "year" && smaller == "week" { return 52 }
        if unit == "year" && (smaller == "day" || smaller == "workday") { return 365 }
        return (seconds[unit] ?? 1) / (seconds[smaller] ?? 1)
    }

    /// One piece in the smallest unit written.
    private func combine(_ parts: [Piece]) -> Piece {
        let last = parts.last!
        var total = 0.0
        for p in parts { total += p.amount * inSmaller(p.unit, last.unit) }
        return Piece(start: parts[0].start, end: last.end, amount: total, unit: last.unit, dayKind: last.dayKind)
    }

    /// ISO 8601 duration of the pieces (nil for working days, which ISO cannot express).
    private func iso(_ parts: [Piece]) -> String? {
        var date = "", time = ""
        func num(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
        guard parts.allSatisfy({ $0.amount.isFinite }) else { return nil }
        for p in parts {
            switch p.unit {
            case "year": date += num(p.amount) + "Y"
            case "quarter": date += num(p.amount * 3) + "M"
            case "month": date += num(p.amount) + "M"
            case "week": date += num(p.amount) + "W"
            case "day": date += num(p.amount) + "D"
            case "hour": time += num(p.amount) + "H"
            case "minute": time += num(p.amount) + "M"
            case "second": time += num(p.amount) + "S"
            default: return nil
            }
        }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }

    /// For "N~M UNIT" / "N UNIT至M UNIT": the start and value of N when a range separator ends at `s`.
    private func rangeStart(_ doc: Document, before s: Int, unit p: Piece) -> (start: Int, value: Double)? {
        let t = doc.normalized
        guard let sep = data.rangeSeparators.match(t, endingAt: s), sep.start > 0 else { return nil }
        var firstEnd = sep.start
        // N UNIT至M UNIT: the same unit written twice.
        if let u = data.durationUnits.match(t, endingAt: firstEnd), u.value.unit == p.unit { firstEnd = u.start }
        var firstStart = firstEnd
        while firstStart > 0 && (parser.isNumeral(t[firstStart - 1]) || CharClass.isDigit(t[firstStart - 1]) || t[firstStart - 1] == Scalar.point) {
            firstStart -= 1
        }
        guard firstStart < firstEnd, CharClass.isDigit(t[firstStart]) || parser.isNumeral(t[firstStart]),
              let first = parser.parse(t, firstStart, firstEnd), !first.isRate else { return nil }
        if firstStart > 0, t[firstStart - 1] == Scalar.point || t[firstStart - 1] == Scalar.slash || t[firstStart - 1] == Scalar.hyphen { return nil }
        let f = first.value * (data.durationUnits.match(t, at: firstEnd).map { $0.value.factor } ?? 1)
        guard f < p.amount else { return nil }
        return (firstStart, f)
    }
}
