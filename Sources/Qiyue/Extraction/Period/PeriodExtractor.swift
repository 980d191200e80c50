/// Periods: a kind cue (租赁期限, 试用期, 保修期, 工期 … from Rules/facts/periods.yaml) with its
/// duration — right after the cue or later in the cue's phrase (试用期6个月, 保密期限自签订之日起至
/// 合同终止后三年), or just before it (一年免费维修, 12个月为免费维护期) — and/or a 自…起至…止 date
/// range in the same sentence. A generic cue (期限为, 有效期) takes the kind of the nearest specific
/// cue before it in its sentence. Notice periods (the notice to end a contract) also come from
/// 提前三十日以书面形式通知…解除; acceptance periods from acceptance deadlines; restriction, validity
/// and option periods from 两年内不得…, 五年内持续有效, 可以在…30日内解除; a list after a colon (保修期…：
/// …为5年；…为2年) and a bracketed label (服务五年（服务期）) give periods too.
struct PeriodExtractor {
    /// `deadlines`: relative deadlines whose action names a period kind are periods too.
    func extract(_ ctx: FactContext, deadlines: [Deadline] = []) -> [Period] {
        var out: [Period] = []
        var seen = Set<String>()
        let cues = ctx.findAll(ctx.data.periodKinds, in: 0..<ctx.t.count)
        for (n, cue) in cues.enumerated() {
            // 借款期限届满之日起: the end of a period, a point the sentence counts from.
            if let p = ctx.match(ctx.data.periodEndPoint, at: cue.range.upperBound),
               p.end >= ctx.t.count || !Self.openBrackets.contains(ctx.t[p.end]) { continue }
            // 一年的免费维护费用: a fee named after the period, not the period.
            if ctx.match(ctx.data.notPeriodAfter, at: cue.range.upperBound) != nil { continue }
            let sentence = ctx.sentence(at: cue.range.lowerBound)
            // 交强险有效期至2027年6月30日, 专利权有效期至…: a thing's own validity is no period of the contract.
            if thingsValidity(cue.range, sentence, ctx) { continue }
            var kind = self.kind(of: n, cues, sentence, ctx)
            // 劳动合同 约定服务期为培训结束后两年: in a category, a kind may mean another (the training bond).
            if let c = ctx.category, let k = ctx.data.periodKindByCategory[c]?[kind] { kind = k }
            // 计划开工日期：…；计划竣工日期：…: a start and an end milestone.
            if let role = ctx.data.periodMilestones[ctx.text(cue.range)] {
                guard role == "start", let s = dateRight(after: cue.range.upperBound, ctx),
                      let endCue = cues.dropFirst(n + 1).prefix(while: { $0.range.lowerBound - s.range.upperBound <= 40 })
                          .first(where: { ctx.data.periodMilestones[ctx.text($0.range)] == "end" }),
                      let e = dateRight(after: endCue.range.upperBound, ctx) else { continue }
                append(kind: kind, cue: cue.range, duration: nil, start: s.value?.date, end: e.value?.date,
                       rangeSpan: s.range.lowerBound..<e.range.upperBound, ctx, &out, &seen)
                continue
            }
            if kind == "contract_term", let c = ctx.category, let k = ctx.data.termKindByCategory[c] { kind = k }
            // 第三条　服务期限⏎本合同期限为…: the contract's term under a heading that names a term kind.
            if kind == "contract_term", let k = headingTermKind(before: sentence, ctx) { kind = k }
            // The duration: after the cue in its phrase, up to the next cue; else just before it.
            let phrase = ctx.phrase(at: cue.range.lowerBound)
            // A cue right before a breaker (债务履行期限届满之日起三年) names the point the period counts
            // from, not a period of its own that would end this one's reach.
            let nextCue = cues.dropFirst(n + 1).first { ctx.match(ctx.data.periodEndPoint, at: $0.range.upperBound) == nil }?
                .range.lowerBound ?? ctx.t.count
            let afterEnd = min(max(phrase.upperBound, min(ctx.t.count, cue.range.upperBound + 4)), sentence.upperBound, nextCue)
            let after = cue.range.upperBound..<max(cue.range.upperBound, afterEnd)
            var duration = ctx.entities(.duration, in: after).first {
                after.contains($0.range.lowerBound) && sentence.contains($0.range.lowerBound)
                    && ($0.value?.bound == nil || $0.value?.bound == "from" || isValidity($0, sentence, ctx))
                    && !leadsInto(nextCue, $0, ctx)
            }
            // 租赁期满前6个月: a deadline counted from the period's end, not the period.
            // 保证期间为…期限届满之日起三年 counts from that point: still the period.
            if let d = duration, ctx.contains(ctx.data.periodAfterBreakers, in: FactContext.upTo(cue.range.upperBound, d.range.lowerBound)),
               !countsFromPoint(before: d.range.lowerBound, ctx) {
                duration = nil
            }
            if duration == nil { duration = durationBefore(cue.range.lowerBound, sentence, ctx) }
            // 自签订之日起7日内可以单方解除合同（冷静期）; 为甲方服务五年（服务期）: a bracketed label names the
            // period of the duration before it in its phrase.
            if duration == nil, cue.range.lowerBound > 0, Self.openBrackets.contains(ctx.t[cue.range.lowerBound - 1]) {
                let labelled = ctx.phrase(at: max(sentence.lowerBound, cue.range.lowerBound - 1))
                duration = ctx.entities(.duration, in: labelled.lowerBound..<cue.range.lowerBound).last { $0.range.upperBound < cue.range.lowerBound }
            }
            // 保修期自交付之日起计算：屋面防水工程…为5年；电气管线…为2年: a list after a colon gives each item's period.
            if duration == nil, phrase.upperBound < sentence.upperBound, ctx.t[phrase.upperBound] == 0x3A || ctx.t[phrase.upperBound] == 0xFF1A {
                let listed = listedDurations(after: phrase.upperBound, ctx)
                for d in listed.dropFirst() {
                    append(kind: kind, cue: d.range, duration: d, start: nil, end: nil, rangeSpan: nil, ctx, &out, &seen)
                }
                duration = listed.first
            }
            if duration == nil {
                // 保密义务，该义务在合同终止后2年内继续有效: a validity later in the sentence.
                let rest = cue.range.upperBound..<max(cue.range.upperBound, min(sentence.upperBound, nextCue))
                duration = ctx.entities(.duration, in: rest).first { rest.contains($0.range.lowerBound) && isValidity($0, sentence, ctx) }
            }
            var (start, end, rangeSpan) = dateRange(in: cue.range.upperBound..<sentence.upperBound, ctx)
            // 仓储期限为12个月，自…起至…止: the range may follow the duration.
            if start == nil, let d = duration, d.range.lowerBound > cue.range.lowerBound {
                (start, end, rangeSpan) = dateRange(in: FactContext.upTo(d.range.upperBound, sentence.upperBound), ctx)
            }
            guard duration != nil || start != nil || end != nil else {
                // 租赁期限自______年____月____日起…; 有效期____年: a blank the template leaves for the period.
                if let b = blankAfter(cue.range.upperBound, limit: min(sentence.upperBound, cue.range.upperBound + 12, nextCue), ctx) {
                    append(kind: kind, cue: cue.range.lowerBound..<b, duration: nil, start: nil, end: nil, rangeSpan: nil, ctx, &out, &seen, blank: true)
                }
                continue
            }
            append(kind: kind, cue: cue.range, duration: duration, start: start, end: end, rangeSpan: rangeSpan,
                   ctx, &out, &seen)
        }
        out += noticePeriods(ctx, &seen)
        out += deadlinePeriods(deadlines, ctx, &seen)
        out += restrictionPeriods(ctx, &seen)
        out.sort { $0.span.start < $1.span.start }
        return merged(out, ctx)
    }

    /// 自2025年9月1日起至2027年8月31日止，期限两年: the same period written twice in one sentence (as
    /// dates and as a duration) is one period with both.
    private func merged(_ periods: [Period], _ ctx: FactContext) -> [Period] {
        var out: [Period] = []
        for p in periods {
            if let k = out.indices.last, out[k].kind == p.kind,
               ctx.doc.sentenceIndex(at: ctx.doc.normalizedOffset(forOriginal: out[k].span.start))
                == ctx.doc.sentenceIndex(at: ctx.doc.normalizedOffset(forOriginal: p.span.start)) {
                let a = out[k]
                let dated = a.start != nil || a.end != nil ? a : (p.start != nil || p.end != nil ? p : nil)
                let other = dated.map { $0 == a ? p : a }
                // A length computed from the dates (工期：自8月10日开工，至10月25日竣工) yields to the one written.
                let derived = dated.map(Self.hasDerivedDuration) ?? false
                if let dated, let other, other.start == nil, other.end == nil,
                   dated.duration == nil || other.duration == nil || dated.duration == other.duration || derived {
                    var m = dated
                    m.duration = derived ? other.duration ?? dated.duration : dated.duration ?? other.duration
                    m.span = TextSpan(min(a.span.start, p.span.start), max(a.span.end, p.span.end))
                    m.text = ctx.doc.originalText(m.span)
                    out[k] = m
                    continue
                }
            }
            out.append(p)
        }
        return out
    }

    /// The durations after `colon` up to the end of the clause (sentences joined by semicolons) that
    /// follow 为 (屋面防水工程为5年；电气管线为2年).
    private func listedDurations(after colon: Int, _ ctx: FactContext) -> [Entity] {
        guard var i = ctx.doc.sentenceIndex(at: colon) else { return [] }
        var end = ctx.doc.sentences[i].range.upperBound
        for _ in 0..<8 {
            var k = end
            while k > colon && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            guard k > colon, ctx.t[k - 1] == 0x3B || ctx.t[k - 1] == 0xFF1B, i + 1 < ctx.doc.sentences.count else { break }
            i += 1
            end = ctx.doc.sentences[i].range.upperBound
        }
        return ctx.entities(.duration, in: colon..<end).filter { d in
            guard d.value?.bound == nil, d.value?.amount != nil else { return false }
            var k = d.range.lowerBound
            while k > colon && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            return ctx.match(ctx.data.periodListLink, endingAt: k) != nil
        }
    }

    /// Whether a dated period's length is the one `append` computes from its dates (none was written).
    static func hasDerivedDuration(_ p: Period) -> Bool {
        guard let s = p.start, let e = p.end, let d = p.duration, let m = months(from: s, to: e) else { return false }
        let computed = m.truncatingRemainder(dividingBy: 12) == 0 ? Period.DurationValue(amount: m / 12, unit: "year")
            : Period.DurationValue(amount: m, unit: "month")
        return computed == d
    }

    /// 离职后两年内，不得披露; 本条在合同终止后五年内持续有效: a duration with 内 followed by a restriction or
    /// validity word (`restrictionWords`) is a period; its kind comes from `restrictionKinds` words in the
    /// sentence (or the sentence before, when `restrictionRefers` points back to it), else other.
    private func restrictionPeriods(_ ctx: FactContext, _ seen: inout Set<String>) -> [Period] {
        var out: [Period] = []
        for e in ctx.entities where e.dim == .duration && e.value?.bound == "within" {
            let sentence = ctx.sentence(at: e.range.lowerBound)
            var k = e.range.upperBound
            if let m = ctx.match(ctx.data.blankDurationBounds, at: k) { k = m.end }
            while k < sentence.upperBound && (FactContext.isSpace(ctx.t[k]) || ctx.t[k] == 0x2C || ctx.t[k] == 0xFF0C) { k += 1 }
            // 乙方可以在本合同订立后30日内单方解除合同: an option window is a period too.
            let window = DeadlineExtractor.isOptionWindow(e, ctx)
            guard let w = ctx.match(ctx.data.restrictionWords, at: k).map({ $0.end }) ?? (window ? k : nil) else { continue }
            var kind = ctx.first(ctx.data.restrictionKinds, in: sentence)?.value
            if kind == nil, ctx.contains(ctx.data.restrictionRefers, in: sentence), let i = ctx.doc.sentenceIndex(at: sentence.lowerBound), i > 0 {
                kind = ctx.first(ctx.data.restrictionKinds, in: ctx.doc.sentences[i - 1].range)?.value
            }
            append(kind: kind ?? "other", cue: k..<max(k, w), duration: e, start: nil, end: nil, rangeSpan: nil, ctx, &out, &seen)
        }
        return out
    }

    /// The kind a cue names; a generic cue borrows the nearest specific cue's kind in its sentence.
    private func kind(of n: Int, _ cues: [(range: Range<Int>, value: String)], _ sentence: Range<Int>, _ ctx: FactContext) -> String {
        let cue = cues[n]
        guard ctx.data.genericPeriodCues.contains(ctx.text(cue.range)) else { return cue.value }
        var k = n - 1
        while k >= 0 && cues[k].range.lowerBound >= sentence.lowerBound {
            if !ctx.data.genericPeriodCues.contains(ctx.text(cues[k].range)) { return cues[k].value }
            k -= 1
        }
        // 保留网络电话号码及端口的期限为2个月: the period of something else, not the contract's.
        if let of = ctx.match(ctx.data.genericPeriodOf, endingAt: cue.range.lowerBound) {
            let owner = ctx.phrase(at: max(sentence.lowerBound, of.start - 1))
            if !ctx.contains(ctx.data.contractWords, in: FactContext.upTo(max(sentence.lowerBound, owner.lowerBound), of.start)) { return "other" }
        }
        return cue.value
    }

    /// A generic cue (有效期) right after the name of a thing that is not the contract (交强险, 专利权,
    /// 年检: no contract word in the four characters before it) and before 至/截至 (`validUntil`).
    private func thingsValidity(_ cue: Range<Int>, _ sentence: Range<Int>, _ ctx: FactContext) -> Bool {
        guard ctx.data.genericPeriodCues.contains(ctx.text(cue)), cue.lowerBound > sentence.lowerBound,
              CharClass.isHan(ctx.t[cue.lowerBound - 1]), !Self.determiners.contains(ctx.t[cue.lowerBound - 1]) else { return false }
        var k = cue.upperBound
        while k < sentence.upperBound && (FactContext.isSpace(ctx.t[k]) || ctx.t[k] == 0x3A || ctx.t[k] == 0xFF1A) { k += 1 }
        guard ctx.match(ctx.data.validUntil, at: k) != nil else { return false }
        return !ctx.contains(ctx.data.contractWords, in: max(sentence.lowerBound, cue.lowerBound - 4)..<cue.lowerBound)
    }
    /// 本有效期 / 其有效期: a word that points back, no thing named.
    static let determiners = ScalarSet("本该其此之的")

    static let openBrackets = ScalarSet("(（[【")

    /// 7天包换、三年有限保修: a duration right before the next cue (after spaces and a link word such
    /// as 为) is that cue's.
    private func leadsInto(_ nextCue: Int, _ d: Entity, _ ctx: FactContext) -> Bool {
        guard nextCue < ctx.t.count else { return false }
        var k = d.range.upperBound
        while k < nextCue && FactContext.isSpace(ctx.t[k]) { k += 1 }
        if let link = ctx.match(ctx.data.periodLinkBefore, at: k), link.end <= nextCue { k = link.end }
        while k < nextCue && FactContext.isSpace(ctx.t[k]) { k += 1 }
        return k == nextCue
    }

    /// A filled date starting within four characters after `offset` (开工日期：2025年6月10日, 开工日期为…).
    private func dateRight(after offset: Int, _ ctx: FactContext) -> Entity? {
        let r = offset..<min(ctx.t.count, offset + 5)
        return ctx.entities(.date, in: r).first { r.contains($0.range.lowerBound) && !$0.blank && $0.value?.date != nil }
    }

    /// 届满之日起三年: a from-point word (之日起) right before the duration.
    private func countsFromPoint(before offset: Int, _ ctx: FactContext) -> Bool {
        var k = offset
        while k > 0 && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
        return ctx.match(ctx.data.periodFromPoint, endingAt: k) != nil
    }

    /// A duration ending just before the cue, or before 为/作为 and the cue (12个月为免费维护期).
    private func durationBefore(_ cueStart: Int, _ sentence: Range<Int>, _ ctx: FactContext) -> Entity? {
        var k = cueStart
        while k > sentence.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
        if let link = ctx.match(ctx.data.periodLinkBefore, endingAt: k) { k = link.start }
        while k > sentence.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
        let before = max(sentence.lowerBound, k - 1)..<k
        return ctx.entities(.duration, in: before).last {
            $0.range.upperBound <= k && k - $0.range.upperBound <= 1 && sentence.contains($0.range.lowerBound) && $0.value?.bound == nil
        }
    }

    /// 2年内继续有效: a duration with 内 that states how long something stays valid.
    private func isValidity(_ e: Entity, _ sentence: Range<Int>, _ ctx: FactContext) -> Bool {
        guard e.value?.bound == "within" else { return false }
        var k = e.range.upperBound
        if k < ctx.t.count && ctx.t[k] == 0x5185 { k += 1 }  // 内
        return ctx.first(ctx.data.periodValidWords, in: FactContext.upTo(k, min(sentence.upperBound, k + 4))) != nil
    }

    /// 验收合格…五个工作日内组织验收: a deadline whose action names a period kind.
    private func deadlinePeriods(_ deadlines: [Deadline], _ ctx: FactContext, _ seen: inout Set<String>) -> [Period] {
        var out: [Period] = []
        for d in deadlines {
            guard let r = d.relative, let amount = r.amount, d.bound == "within", let action = d.action else { continue }
            let scalars = action.unicodeScalars.map(\.value)
            // 组织验收 anywhere in the action; a bare 验收 only as the action itself (货到后3日内验收), not as
            // what is applied for (改善完成并再行申请验收).
            guard let kind = ctx.data.deadlinePeriodActionsLeading.match(scalars, at: 0)?.value
                    ?? ctx.data.deadlinePeriodActions.match(scalars, at: 0)?.value ?? (0..<scalars.count).lazy
                .compactMap({ ctx.data.deadlinePeriodActions.match(scalars, at: $0)?.value }).first else { continue }
            let key = "\(kind)|\(amount)|\(r.unit)||"
            guard seen.insert(key).inserted else { continue }
            out.append(Period(kind: kind, start: nil, end: nil, duration: Period.DurationValue(amount: amount, unit: r.unit),
                              text: d.text, span: d.span))
        }
        return out
    }

    /// 提前三十日（以书面形式）通知, 一个月前通知, 给予对方七天书面通知: a notice period.
    private func noticePeriods(_ ctx: FactContext, _ seen: inout Set<String>) -> [Period] {
        var out: [Period] = []
        for e in ctx.entities where e.dim == .duration {
            var k = e.range.lowerBound
            while k > 0 && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            // 提前三十日…通知; 应于一个月前通知他方.
            guard ctx.match(ctx.data.noticeLead, endingAt: k) != nil || e.value?.bound == "before" else { continue }
            let sentence = ctx.sentence(at: e.range.lowerBound)
            let window = FactContext.upTo(e.range.upperBound, min(sentence.upperBound, e.range.upperBound + 8))
            guard let w = ctx.first(ctx.data.noticeWords, in: window) else { continue }
            // A notice period is the notice to end the contract (提前三十日通知…解除; 给予对方一个月书面通知),
            // not the notice of an act (提前24小时通知入库, 提前15日通知还款).
            let clause = DeadlineExtractor.clauseStart(of: sentence, ctx)..<sentence.upperBound
            guard ctx.match(ctx.data.noticeStandalone, endingAt: k) != nil
                    || ctx.findAll(ctx.data.anchors, in: clause).contains(where: { ctx.data.noticeFor.contains($0.value) }) else { continue }
            append(kind: "notice", cue: w.range, duration: e, start: nil, end: nil, rangeSpan: nil, ctx, &out, &seen)
        }
        return out
    }

    /// The term kind (`termKinds`) a heading right before `sentence` names (第三条　服务期限).
    private func headingTermKind(before sentence: Range<Int>, _ ctx: FactContext) -> String? {
        guard let i = ctx.doc.sentenceIndex(at: sentence.lowerBound), i > 0 else { return nil }
        let prev = ctx.doc.sentences[i - 1].range
        guard let h = HeadingScanner.match(ctx.t, at: prev.lowerBound, limit: prev.upperBound), h.style != .arabicParen, h.style != .circled,
              let cue = ctx.first(ctx.data.periodKinds, in: prev), cue.value != "contract_term", ctx.data.termKinds.contains(cue.value) else { return nil }
        return cue.value
    }

    /// The end of the first template blank starting in `offset..<limit`: underscores or an empty
    /// bracket, or a gap of spaces before a date or duration unit (自  年  月  日起, 期限为   年).
    private func blankAfter(_ offset: Int, limit: Int, _ ctx: FactContext) -> Int? {
        var i = ctx.doc.tokenIndex(atOrAfter: offset)
        while i < ctx.doc.tokens.count, Int(ctx.doc.tokens[i].start) < limit {
            let tok = ctx.doc.tokens[i]
            if tok.kind == .blank {
                let c = ctx.t[Int(tok.start)]
                var k = Int(tok.end)
                while k < ctx.t.count && FactContext.isSpace(ctx.t[k]) { k += 1 }
                if c == 0x5F || c == 0xFF3F || c == 0x5B || c == 0x28 || (k < ctx.t.count && Self.blankUnits.contains(ctx.t[k])) {
                    return Int(tok.end)
                }
            }
            i += 1
        }
        return nil
    }

    /// 年/月/日/个: what follows a gap of spaces that is a template blank.
    static let blankUnits = ScalarSet("年月日个")

    private func append(kind: String, cue: Range<Int>, duration: Entity?, start: String?, end: String?, rangeSpan: Range<Int>?,
                        _ ctx: FactContext, _ out: inout [Period], _ seen: inout Set<String>, blank: Bool = false) {
        let dv = duration?.value
        let key = "\(kind)|\(dv?.amount ?? -1)|\(dv?.unit ?? "")|\(start ?? "")|\(end ?? "")\(blank ? "|blank" : "")"
        guard seen.insert(key).inserted else { return }
        var lo = cue.lowerBound, hi = cue.upperBound
        if let d = duration { lo = min(lo, d.range.lowerBound); hi = max(hi, d.range.upperBound) }
        if let r = rangeSpan { hi = max(hi, r.upperBound) }
        let span = ctx.doc.originalSpan(lo..<hi)
        var value: Period.DurationValue?
        if let a = dv?.amount, let u = dv?.unit { value = Period.DurationValue(amount: a, unit: u) }
        else if let s = start, let e = end, let months = Self.months(from: s, to: e) {
            value = months.truncatingRemainder(dividingBy: 12) == 0
                ? Period.DurationValue(amount: months / 12, unit: "year") : Period.DurationValue(amount: months, unit: "month")
        }
        out.append(Period(kind: kind, start: start, end: end, duration: value, text: ctx.doc.originalText(span), span: span,
                          blank: blank ? true : nil))
    }

    /// 自D1起至D2止: the first date after a from-word and the next date after a to-word.
    private func dateRange(in r: Range<Int>, _ ctx: FactContext) -> (String?, String?, Range<Int>?) {
        let dates = ctx.entities(.date, in: r).filter { r.contains($0.range.lowerBound) && !$0.blank }
        guard let first = dates.first, first.range.lowerBound - r.lowerBound <= 6 else { return (nil, nil, nil) }
        // 期限不迟于2026年3月31日: a due date, not the period's start.
        if ctx.match(ctx.data.dueBy, endingAt: first.range.lowerBound) != nil { return (nil, nil, nil) }
        // 有效期至2025年12月31日: an end date alone.
        if ctx.contains(ctx.data.periodTo, in: r.lowerBound..<first.range.lowerBound),
           !ctx.contains(ctx.data.periodFrom, in: r.lowerBound..<first.range.lowerBound), let e = first.value?.date {
            return (nil, e, first.range)
        }
        // 自2027年1月15日（起租日）起至…: a remark in brackets after the first date is no gap.
        let firstEnd = DateExtractor.remarkEnd(ctx.t, at: first.range.upperBound) ?? first.range.upperBound
        // (The end date may stand past `r`: a hard wrap inside the range ends the line — 自 2026 年 11 月 1⏎
        // 曰起至 2027 年 3 月 31 日止 — and the gap is short either way.)
        let later = ctx.entities(.date, in: firstEnd..<min(ctx.t.count, firstEnd + Self.rangeGap + 1))
            .filter { $0.range.lowerBound >= firstEnd && !$0.blank }
        let second = later.first { d in
            let gap = FactContext.upTo(firstEnd, d.range.lowerBound)
            return gap.count <= Self.rangeGap && (ctx.contains(ctx.data.periodTo, in: gap)
                || (gap.count <= 3 && ctx.contains(ctx.data.periodRangeSeparators, in: gap)))
        }
        guard let s = first.value?.date else { return (nil, nil, nil) }
        return (s, second?.value?.date, first.range.lowerBound..<(second?.range.upperBound ?? first.range.upperBound))
    }

    /// The most characters between the two dates of a range (起至, —).
    static let rangeGap = 6

    /// Whole months between two ISO dates, rounding a last day (2050-06-30 after 2025-07-01) up.
    static func months(from a: String, to b: String) -> Double? {
        func parts(_ s: String) -> (Int, Int, Int)? {
            let p = s.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? (p[0], p[1], p[2]) : nil
        }
        guard let x = parts(a), let y = parts(b) else { return nil }
        var m = (y.0 - x.0) * 12 + (y.1 - x.1)
        // 2025-07-01 … 2050-06-30 covers whole months up to the end of June.
        if x.2 == 1 && y.2 >= 28 { m += 1 }
        return m > 0 ? Double(m) : nil
    }
}
