/// Finds durations and relative times. Named rules:
/// - `duration.unit`: NUMBER [个] UNIT [半] (30日, 三个月, 3个工作日, 48小时, 一年半)
/// - `duration.half`: 半年, 半个月
/// - `duration.t-plus`: T+1日 (settlement days)
/// The relation written after it (之内 / 以内 / 后 / 起 / 前) is kept as `bound`.
/// Spans already taken by dates (3月15日, 每月5日) are skipped by the caller.
struct DurationExtractor {
    let data: EntityData
    let parser: NumberParser
    private static let ge: UInt32 = 0x4E2A  // 个
    private static let ban: UInt32 = 0x534A  // 半

    func extract(_ doc: Document) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var i = 0
        while i < doc.tokens.count {
            let tok = doc.tokens[i]
            let s = Int(tok.start)
            if tok.kind == .number, let f = unitDuration(doc, s, Int(tok.end), rule: "duration.unit") {
                out.append(f.0)
                i = f.1
                continue
            }
            // 半年 / 半个月
            if t[s] == Self.ban, let f = unitDuration(doc, s, s + 1, rule: "duration.half", half: true) {
                out.append(f.0)
                i = f.1
                continue
            }
            // T+1日
            if (t[s] == 0x54 || t[s] == 0x74), s + 2 < t.count, t[s + 1] == 0x2B, CharClass.isDigit(t[s + 2]) {
                let k = doc.tokenIndex(atOrAfter: s + 2, from: i)
                if k < doc.tokens.count, doc.tokens[k].kind == .number,
                   let f = unitDuration(doc, Int(doc.tokens[k].start), Int(doc.tokens[k].end), rule: "duration.t-plus", from: s) {
                    out.append(f.0)
                    i = f.1
                    continue
                }
            }
            i += 1
        }
        return out
    }

    private func unitDuration(_ doc: Document, _ s: Int, _ numEnd: Int, rule: String, half: Bool = false,
                              from: Int? = nil) -> (Entity, Int)? {
        let t = doc.normalized
        var amount: Double
        if half { amount = 0.5 } else {
            // "2014年" tokens carry 年: only small numbers are durations of years.
            var ne = numEnd
            if t[ne - 1] == 0x5E74 { ne -= 1 }
            guard let v = parser.parse(t, s, ne), !v.isRate, v.value > 0 else { return nil }
            amount = v.value
            if ne != numEnd {
                guard amount < 1000 else { return nil }
                return finish(doc, s, numEnd, amount: amount, unit: "year", rule: rule, from: from)
            }
        }
        // 一个半月
        if !half, numEnd + 2 < t.count, t[numEnd] == Self.ge, t[numEnd + 1] == Self.ban,
           let u2 = data.durationUnits.match(t, at: numEnd + 2) {
            return finish(doc, s, u2.end, amount: amount + 0.5, unit: u2.value, rule: rule, from: from)
        }
        guard let u = data.durationUnits.match(t, at: numEnd) else { return nil }
        var e = u.end
        // 一年半
        if let h = data.halfWords.match(t, at: e), !half {
            amount += 0.5
            e = h.end
        }
        // 3月 alone is March, not three months, unless a relation or a duration cue says otherwise.
        let unitWord = ScalarDecoding.string(t, numEnd, u.end)
        if unitWord == "月" && !half {
            let hasBound = data.durationBounds.match(t, at: e) != nil
            let hasCue = data.durationCues.match(t, endingAt: s) != nil
            guard hasBound || hasCue else { return nil }
        }
        return finish(doc, s, e, amount: amount, unit: u.value, rule: rule, from: from)
    }

    private func finish(_ doc: Document, _ s: Int, _ e: Int, amount: Double, unit: String, rule: String,
                        from: Int?) -> (Entity, Int) {
        let t = doc.normalized
        var v = EntityValue()
        v.amount = amount
        v.unit = unit
        var end = e
        if let b = data.durationBounds.match(t, at: end) {
            v.bound = b.value
            end = b.end
        }
        // The entity's text is the duration itself; the bound is part of the value.
        let ent = Entity(dim: .duration, range: (from ?? s)..<e, value: v, rule: rule, in: doc)
        return (ent, doc.tokenIndex(atOrAfter: end))
    }
}
