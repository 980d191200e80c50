/// Deadlines: durations bound to a contract event (本合同签订之日起30日内, 验收合格后30个工作日内,
/// 租赁期满前6个月, 提前三十日), same-day deadlines (过户当日), and filled dates with a bound
/// (2025年6月20日前). Anchor words, before-markers and same-day words come from
/// Rules/facts/deadlines.yaml. A notice ahead of a termination counts before it (提前三十日通知…可以
/// 解除本合同); an occurrence heading the condition outranks the cues describing it; a deadline with no
/// cue of its own shares the event of the one before it in its sentence; validity durations (五年内持续
/// 有效), restrictions (两年内不得) and option windows (可以在…30日内解除) are no deadlines.
struct DeadlineExtractor {
    func extract(_ ctx: FactContext) -> [Deadline] {
        var out: [Deadline] = []
        for e in ctx.entities {
            switch e.dim {
            case .duration: if let d = relative(e, ctx) { out.append(d) }
            case .date:
                if let d = absolute(e, ctx) {
                    out.append(d)
                    out.append(contentsOf: sameDateReferences(to: d, of: e, ctx))
                }
            default: break
            }
        }
        out.append(contentsOf: sameDay(ctx))
        out.append(contentsOf: blankDurations(ctx))
        // An option not ticked (☐ …) sets no deadline.
        let unchosen = ctx.unchosenOptionLines()
        if !unchosen.isEmpty {
            out.removeAll { FactContext.contains(unchosen, ctx.doc.normalizedOffset(forOriginal: $0.span.start)) }
        }
        out.sort { $0.span.start < $1.span.start }
        return out
    }

    private func relative(_ e: Entity, _ ctx: FactContext) -> Deadline? {
        guard let v = e.value, let unit = v.unit else { return nil }
        let sentence = ctx.sentence(at: e.range.lowerBound)
        var bound = v.bound
        var searchAfter = false
        var timeLimit = false
        var start = e.range.lowerBound
        if bound == nil || bound == "from" || bound == "within" {
            // 提前30日 / 期满前6个月; 开工前三日内 (within the days before: before).
            var k = e.range.lowerBound
            while k > sentence.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            if let m = ctx.match(ctx.data.beforeMarkers, endingAt: k) {
                // 乙方未提前30日通知即离职的: a breach the sentence names, not a time to act.
                if ctx.match(ctx.data.negations, endingAt: m.start) != nil { return nil }
                searchAfter = ctx.text(m.start..<k) == "提前"
                // 扣除前三个月利息: the first months of a term, not a time before an event.
                if !searchAfter, namesFirstPeriod(after: e.range.upperBound, sentence, ctx) { return nil }
                bound = "before"
                start = m.start
            } else if bound == nil, isTimeLimit(e, ctx) {
                bound = "within"   // 运输时限为2日、2日、1日
                timeLimit = true
            } else if bound != "within" {
                return nil
            }
        }
        guard let b = bound, ["within", "before", "after"].contains(b) else { return nil }
        if b == "after", Self.isEntitlement(e, ctx) { return nil }
        // 活动开始前 60 日以上取消的，…; 前 9 日以内取消的，…: a time before an event inside a condition
        // (a tier of charges) sets when the condition holds. (提前30日通知 is a notice: not this.)
        if b == "before", !searchAfter, Self.isConditionWindow(e, ctx) { return nil }
        if b == "within", statesValidity(after: e.range.upperBound, sentence, ctx) || Self.isOptionWindow(e, ctx)
            || Self.isFailedTalks(e, ctx) || Self.isConditionWindow(e, ctx) { return nil }
        var anchor: (range: Range<Int>, value: String)?
        if searchAfter {
            // 提前30日通知对方解除合同: the event after, in the duration's phrase; else the one the
            // sentence named before it (乙方解除本合同，应当提前三十日以书面形式通知).
            // 乙方提前三十日以书面形式通知甲方，可以解除本合同: a following event in the next phrase;
            // 乙方提前解除本合同的，应提前30日…；试用期内提前3日通知甲方: the clause before a semicolon.
            let phraseEnd = ctx.phrase(at: e.range.lowerBound).upperBound
            // Only the events a before-notice is given for (`beforeNoticeEvents`): 提前2日通知甲方验收 is
            // the notice of an act, before no anchor.
            let events = ctx.data.beforeNoticeEvents
            let usable = { (m: (range: Range<Int>, value: String)) in
                m.value != "notice" && !ctx.data.weakAnchors.contains(ctx.text(m.range)) && (events.isEmpty || events.contains(m.value))
            }
            anchor = ctx.findAll(ctx.data.anchors, in: FactContext.upTo(e.range.upperBound, min(sentence.upperBound, phraseEnd)))
                .first(where: usable)
                ?? followingEvent(after: phraseEnd, in: sentence, ctx)
                ?? ctx.findAll(ctx.data.anchors, in: FactContext.upTo(Self.clauseStart(of: sentence, ctx), start)).last(where: usable)
        } else if !timeLimit {
            // A time limit (运输时限为2日…，自装车完毕时起算) is a length of time; it counts from what the
            // text names after it, not from the event of an earlier deadline: other.
            anchor = nearestAnchor(before: start, ctx)
        }
        // "之日起30日内" with no event at all is still a deadline relative to something.
        let anchorName = anchor?.value ?? "other"
        let spanStart = min(anchor.map { $0.range.lowerBound } ?? start, start)
        var end = e.range.upperBound
        while end < sentence.upperBound, let m = ctx.match(ctx.data.beforeMarkers, at: end) ?? ctx.match(ctx.data.blankDurationBounds, at: end).map({ ($0.end, true) }),
              m.end - end <= 2 { end = m.end }
        let relativeTime = RelativeTime(anchor: anchorName, anchorText: anchor.map { ctx.text($0.range) },
                                        amount: v.amount, unit: unit)
        let span = ctx.doc.originalSpan(spanStart..<max(end, e.range.upperBound))
        // 应在乙方书面通知后5日内: who gives the notice the time counts from is not who acts.
        let clause = timeClause(before: e.range.lowerBound, ctx)
        return Deadline(date: nil, relative: relativeTime, bound: b,
                        obligor: obligor(of: (clause?.start ?? e.range.lowerBound)..<end, sentence, clauseRole: clause?.label, ctx),
                        action: action(after: end, ctx), blank: v.amount == nil,
                        text: ctx.doc.originalText(span), span: span)
    }

    /// 提前30日通知甲方，可以解除本合同: the first `followingEvents` cue of the phrase after `phraseEnd`.
    private func followingEvent(after phraseEnd: Int, in sentence: Range<Int>, _ ctx: FactContext) -> (range: Range<Int>, value: String)? {
        guard phraseEnd + 1 < sentence.upperBound else { return nil }
        let next = ctx.phrase(at: phraseEnd + 1)
        return ctx.findAll(ctx.data.anchors, in: FactContext.upTo(phraseEnd + 1, min(sentence.upperBound, next.upperBound)))
            .first { ctx.data.followingEvents.contains($0.value) }
    }

    /// The start of the clause a sentence continues: the start of up to two sentences before it that
    /// end in a semicolon (…通知甲方；试用期内提前3日通知甲方).
    static func clauseStart(of sentence: Range<Int>, _ ctx: FactContext) -> Int {
        guard var i = ctx.doc.sentenceIndex(at: sentence.lowerBound) else { return sentence.lowerBound }
        var start = sentence.lowerBound
        for _ in 0..<2 where i > 0 {
            let prev = ctx.doc.sentences[i - 1].range
            var k = prev.upperBound
            while k > prev.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            guard k > prev.lowerBound, ctx.t[k - 1] == 0x3B || ctx.t[k - 1] == 0xFF1B else { break }
            start = prev.lowerBound
            i -= 1
        }
        return start
    }

    /// 五年内持续有效, 两年内，不得披露: the words after a duration with 内 make it a validity or a
    /// restriction (`notDeadlineWithin`).
    private func statesValidity(after offset: Int, _ sentence: Range<Int>, _ ctx: FactContext) -> Bool {
        var k = offset
        if let m = ctx.match(ctx.data.blankDurationBounds, at: k) { k = m.end }
        while k < sentence.upperBound && (FactContext.isSpace(ctx.t[k]) || ctx.t[k] == 0x2C || ctx.t[k] == 0xFF0C) { k += 1 }
        return k < sentence.upperBound && ctx.match(ctx.data.notDeadlineWithin, at: k) != nil
    }

    /// 乙方可以在本合同订立后30日内单方解除合同; 7日内可以单方解除合同: a permission word in the duration's
    /// phrase, with no modal of duty, makes the time an option window (a period), not a deadline.
    static func isOptionWindow(_ e: Entity, _ ctx: FactContext) -> Bool {
        let phrase = ctx.phrase(at: e.range.lowerBound)
        return ctx.contains(ctx.data.permissionWords, in: phrase) && !ctx.contains(ctx.data.modals, in: phrase)
    }

    /// 开课之日起7日内申请退学的，退还已付学费的80%: a time inside a condition — its phrase ends in 的
    /// before the consequence, no modal of duty in it, nothing left undone (未/不) — sets when the
    /// condition holds, not a time to act.
    static func isConditionWindow(_ e: Entity, _ ctx: FactContext) -> Bool {
        let phrase = ctx.phrase(at: e.range.lowerBound)
        var end = phrase.upperBound
        while end > e.range.upperBound && FactContext.isSpace(ctx.t[end - 1]) { end -= 1 }
        guard end > e.range.upperBound, ctx.t[end - 1] == FactContext.de, end < ctx.t.count,
              ctx.t[end] == 0x2C || ctx.t[end] == 0xFF0C else { return false }
        let inside = e.range.upperBound..<end
        return !ctx.contains(ctx.data.modals, in: phrase) && !ctx.contains(ctx.data.negations, in: inside)
    }

    /// 受雇满十二个月后，每年可享有十四天有薪年假: a permission word in the phrase of a time after
    /// something, or in the phrase after it, with no modal of duty, makes it an entitlement, not a deadline.
    static func isEntitlement(_ e: Entity, _ ctx: FactContext) -> Bool {
        let phrase = ctx.phrase(at: e.range.lowerBound)
        let sentence = ctx.sentence(at: e.range.lowerBound)
        let r = phrase.upperBound + 1 < sentence.upperBound ? phrase.lowerBound..<ctx.phrase(at: phrase.upperBound + 1).upperBound : phrase
        return ctx.contains(ctx.data.permissionWords, in: r) && !ctx.contains(ctx.data.modals, in: r)
    }

    /// 运输时限为2日 / 运输时限分别为2日、2日、1日: a duration right after a time-limit noun and a link
    /// word, or listed (、) after such a duration.
    private func isTimeLimit(_ e: Entity, _ ctx: FactContext) -> Bool {
        var cur = e
        for _ in 0..<4 {
            var k = cur.range.lowerBound
            while k > 0 && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            if let link = ctx.match(ctx.data.limitLinks, endingAt: k) {
                var j = link.start
                while j > 0 && FactContext.isSpace(ctx.t[j - 1]) { j -= 1 }
                return ctx.match(ctx.data.limitNouns, endingAt: j) != nil
            }
            guard k > 0, ctx.t[k - 1] == 0x3001,
                  let prev = ctx.entities(.duration, in: max(0, k - 12)..<k).last(where: { $0.range.upperBound == k - 1 }) else { return false }
            cur = prev
        }
        return false
    }

    /// Whether a cue sits in a bracketed aside that closes before `offset` (缺陷责任期满（竣工验收合格之日起
    /// 24个月）后14日内: the aside explains the term before it, the deadline counts from 期满).
    private func inAside(_ cue: Range<Int>, before offset: Int, from lower: Int, _ ctx: FactContext) -> Bool {
        var k = cue.lowerBound
        var open = false
        while k > lower {
            k -= 1
            let c = ctx.t[k]
            if c == 0xFF09 || c == 0x29 { return false }
            if c == 0xFF08 || c == 0x28 { open = true; break }
        }
        guard open else { return false }
        return (cue.upperBound..<offset).contains { ctx.t[$0] == 0xFF09 || ctx.t[$0] == 0x29 }
    }

    /// The nearest anchor cue before `offset`: a strong cue in the phrase, a strong cue in the
    /// sentence, then a weak cue in the phrase or the sentence; an occurrence that heads the
    /// condition (`occurrenceHeads`) outranks the cues that describe it.
    private func nearestAnchor(before offset: Int, _ ctx: FactContext) -> (range: Range<Int>, value: String)? {
        let phrase = ctx.phrase(at: offset)
        let sentence = ctx.sentence(at: offset)
        let inPhrase = ctx.findAll(ctx.data.anchors, in: phrase.lowerBound..<offset)
            .filter { !inAside($0.range, before: offset, from: phrase.lowerBound, ctx) }
        // 收到承包人进度款申请并经监理审核后28日内: an approval joined after the last cue
        // (`eventJoiners`) is the later event and counts; none of the anchors → other.
        var tail = offset
        while tail > phrase.lowerBound && FactContext.isSpace(ctx.t[tail - 1]) { tail -= 1 }
        if let last = inPhrase.last, let j = joiner(in: FactContext.upTo(last.range.upperBound, offset), ctx),
           ctx.findAll(ctx.data.anchors, in: FactContext.upTo(j.upperBound, offset)).isEmpty,
           let from = ctx.match(ctx.data.localStart, endingAt: tail), from.start > j.upperBound {
            return nil
        }
        // 收到初稿后 / 收到款项后: a receipt named by what is received.
        if let r = inPhrase.last, let kind = receiptKind(r.range, upTo: offset, ctx) { return kind == "other" ? nil : (r.range, kind) }
        // 收到乙方书面验收申请之日起; 收到乙方付款申请后: a weak last cue inside what an earlier receipt cue
        // names, by the head noun of what is received (the last object word: 申请 in 付款申请).
        if let last = inPhrase.last, ctx.data.weakAnchors.contains(ctx.text(last.range)),
           let r = inPhrase.last(where: { ctx.data.receiptCues[ctx.text($0.range)] != nil }), offset - r.range.upperBound <= 16,
           let m = ctx.last(ctx.data.receiptObjects, in: r.range.upperBound..<offset) {
            return (r.range, receivedInput(m.range, after: r.range, ctx) ? "other" : m.value)
        }
        // 一方地址变更的，应于变更后5日内: the phrase's own start point, none of the anchors.
        if inPhrase.isEmpty {
            var k = offset
            while k > phrase.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            if let m = ctx.match(ctx.data.localStart, endingAt: k), m.start > phrase.lowerBound { return nil }
        }
        let strong = { (m: (range: Range<Int>, value: String)) in !ctx.data.weakAnchors.contains(ctx.text(m.range)) }
        // 不可抗力发生后5日内通知对方，并在15日内提供证明: a deadline with no cue of its own after an
        // earlier one in its sentence counts from that one's event, not from the earlier one's action.
        if inPhrase.isEmpty, let prev = ctx.entities(.duration, in: sentence.lowerBound..<phrase.lowerBound)
            .last(where: { $0.value?.bound == "within" && $0.range.lowerBound >= sentence.lowerBound && $0.range.lowerBound < offset }) {
            return nearestAnchor(before: prev.range.lowerBound, ctx)
        }
        let sentenceEnd = phrase.lowerBound
        let inSentence = ctx.findAll(ctx.data.anchors, in: FactContext.upTo(sentence.lowerBound, sentenceEnd))
        // 乙方应在货物到达后6小时内: a weak cue right before the phrase's own 后/之日起 is the event it
        // counts from, before the strong cues of earlier phrases (…提前24小时通知乙方入库计划，).
        let own = inPhrase.last.flatMap { m -> (range: Range<Int>, value: String)? in
            var k = m.range.upperBound
            while k < tail && FactContext.isSpace(ctx.t[k]) { k += 1 }
            guard let s = ctx.match(ctx.data.localStart, at: k), s.end == tail else { return nil }
            return m
        }
        guard let c = inPhrase.last(where: strong) ?? own ?? inSentence.last(where: strong) ?? inPhrase.last ?? inSentence.last else { return nil }
        // 合同终止且费用结清后10个工作日内: settling accounts after the end of the term counts from the end.
        if ctx.match(ctx.data.settlingCues, at: c.range.lowerBound) != nil,
           let end = inPhrase.last(where: { ctx.data.endEvents.contains($0.value) && $0.range.upperBound <= c.range.lowerBound }) { return end }
        // 本契约终止或期满后 / 期满或终止时: of events joined as alternatives (`alternativeJoiners`), the
        // one that covers the others (`alternativeCover`: the contract ends either way), else the first.
        if let j = ctx.match(ctx.data.alternativeJoiners, endingAt: c.range.lowerBound),
           let first = (inPhrase + inSentence).first(where: { $0.range.upperBound == j.start }) {
            return ctx.data.alternativeCover.contains(c.value) && !ctx.data.alternativeCover.contains(first.value) ? c : first
        }
        guard c.value != "occurrence" else { return c }
        // 对账单签署后5个工作日内: the signing of a document that is not the contract is none of the anchors.
        if c.value == "signing", signsDocument(c.range, ctx) { return nil }
        // 运输途中发生交通事故…影响按时送达的情形的，应在2小时内; 验收期内发现的缺陷乙方应在3个工作日内.
        let heads = c.range.lowerBound < phrase.lowerBound ? FactContext.upTo(sentence.lowerBound, sentenceEnd) : FactContext.upTo(c.range.upperBound, offset)
        if let h = ctx.first(ctx.data.occurrenceHeads, in: heads) { return (h.range, "occurrence") }
        return c
    }

    /// The event of a receipt cue (收到, 接到) by what is received before `offset`: a word of
    /// `receiptObjects` within 16 characters, delivery for nothing before 后/之日 (a deliverable
    /// named earlier), the cue's own event for anything else received (收到反馈意见后: other).
    /// nil when `cue` is no receipt cue.
    private func receiptKind(_ cue: Range<Int>, upTo offset: Int, _ ctx: FactContext) -> String? {
        guard let unknown = ctx.data.receiptCues[ctx.text(cue)] else { return nil }
        let object = cue.upperBound..<max(cue.upperBound, min(offset, cue.upperBound + 16))
        if let m = ctx.first(ctx.data.receiptObjects, in: object) { return receivedInput(m.range, after: cue, ctx) ? "other" : m.value }
        var k = cue.upperBound
        while k < offset && FactContext.isSpace(ctx.t[k]) { k += 1 }
        if ctx.match(ctx.data.receiptElided, at: k) != nil { return "delivery" }
        return k < offset ? unknown : nil
    }

    /// Whether a signing cue signs one of `signedDocuments` named within four characters before it in
    /// its phrase (对账单签署后, 验收单经双方签字后) or right after it (签署对账单后).
    private func signsDocument(_ cue: Range<Int>, _ ctx: FactContext) -> Bool {
        let phrase = ctx.phrase(at: cue.lowerBound)
        var k = cue.upperBound
        while k < phrase.upperBound && FactContext.isSpace(ctx.t[k]) { k += 1 }
        if ctx.match(ctx.data.signedDocuments, at: k) != nil { return true }
        guard let d = ctx.last(ctx.data.signedDocuments, in: FactContext.upTo(phrase.lowerBound, cue.lowerBound)) else { return false }
        return cue.lowerBound - d.range.upperBound <= 4
    }

    /// Whether a document received (`receiptDocuments`) was sent by a party named between the cue and
    /// it whose side delivers nothing under the contract (`deliveringSides`): the client's materials
    /// are an input to the work (乙方应在收到甲方提供的完整资料后5个工作日内 → other), the provider's
    /// report is the delivery (甲方应于收到乙方《服务总结报告》之日起 → delivery).
    private func receivedInput(_ object: Range<Int>, after cue: Range<Int>, _ ctx: FactContext) -> Bool {
        guard ctx.first(ctx.data.receiptDocuments, in: object) != nil,
              let sender = ctx.roles(in: cue.upperBound..<object.lowerBound).last else { return false }
        let role = ctx.role(sender.label)
        guard let side = ctx.sides[role] ?? ctx.defaultSide(role) else { return false }
        return !ctx.data.deliveringSides.contains(side)
    }

    /// 每月20日: a date entity that starts with a recurrence word, or one right after it.
    private func isRecurring(_ e: Entity, _ ctx: FactContext) -> Bool {
        if ctx.match(ctx.data.recurringLead, at: e.range.lowerBound) != nil { return true }
        var k = e.range.lowerBound
        while k > 0 && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
        return ctx.match(ctx.data.recurringLead, endingAt: k) != nil
    }

    /// A date that is due: followed by 前/之前 (full, partial or blank: 2025年6月20日前, 每月5日前,
    /// 于 年 月 日之前) or right after 不迟于/最迟于 (due by it), or right after 应于/须在 (乙方应于
    /// 2025年11月30日完成交付: due on it).
    private func absolute(_ e: Entity, _ ctx: FactContext) -> Deadline? {
        let t = ctx.t
        var bound = e.value?.bound
        var end = e.range.upperBound
        if bound == nil {
            var k = end
            while k < t.count && FactContext.isSpace(t[k]) { k += 1 }
            if let m = ctx.match(ctx.data.dateBefore, at: k) { bound = "before"; end = m.end }
        }
        // 自 年 月 日之前所发生的违章罚款 / 2025年6月30日前产生的费用: the date bounds what happened, it
        // sets no time to act.
        if bound == "before" {
            var q = end
            while q < t.count && FactContext.isSpace(t[q]) { q += 1 }
            if let m = ctx.match(ctx.data.dateBefore, at: q) {
                q = m.end
                while q < t.count && FactContext.isSpace(t[q]) { q += 1 }
            }
            if ctx.match(ctx.data.dateBeforeQualifies, at: q) != nil { return nil }
        }
        if bound == nil, listedBeforeDueDate(e, ctx) { bound = "before" }
        var lead = e.range.lowerBound
        while lead > 0 && FactContext.isSpace(t[lead - 1]) { lead -= 1 }
        // 不迟于2026年3月15日 / 最迟于…: due by the date; 应于2025年11月30日: due on it.
        if bound == nil, ctx.match(ctx.data.dueBy, endingAt: lead) != nil { bound = "before" }
        if bound == nil, ctx.match(ctx.data.dueOn, endingAt: lead) != nil { bound = "on" }
        // 还款计划：2027年7月20日归还人民币50万元；2028年1月20日归还…: a date that opens a phrase, the
        // act right after it, is the day it is due.
        if bound == nil, !e.blank, lead == 0 || FactContext.isPhraseBreak(t[lead - 1]) || t[lead - 1] == 0x0A {
            var k = end
            while k < t.count && FactContext.isSpace(t[k]) { k += 1 }
            if ctx.match(ctx.data.payActs, at: k) != nil || ctx.match(ctx.data.performActs, at: k) != nil { bound = "on" }
        }
        // 期次 | 租金支付日 | 应付租金 ⏎ 1 | 2026年8月31日 | 486,000.00: a date filling a cell of a table
        // whose header names a payment is the day that row is due by, unless the sentence that points
        // at the table says otherwise (按下表所列租金支付日足额支付: due on it).
        if bound == nil, !e.blank, isCell(e.range, ctx), let header = ctx.tableHeader(of: e.range.lowerBound),
           ctx.first(ctx.data.payActs, in: header) != nil { bound = Self.tableLeadBound(above: header.lowerBound, ctx) ?? "before" }
        // 至2025年10月25日竣工; 至民國116年3月10日最後一期清償完畢: the day a work or a repayment is complete.
        if bound == nil, !e.blank, ctx.match(ctx.data.endDateLead, endingAt: lead) != nil {
            let p = ctx.phrase(at: e.range.lowerBound)
            if ctx.contains(ctx.data.completionWords, in: FactContext.upTo(end, min(p.upperBound, end + 8))) { bound = "on" }
        }
        // 甲方每月20日发放工资 / 甲方于每月12日支付: a recurring due date.
        if bound == nil, isRecurring(e, ctx) {
            var k = end
            while k < t.count && FactContext.isSpace(t[k]) { k += 1 }
            // 于每月15日 / 于每月 15 日: the preposition before the date or before its recurrence word.
            var r = lead
            if let m = ctx.match(ctx.data.recurringLead, endingAt: r) { r = m.start }
            while r > 0 && FactContext.isSpace(t[r - 1]) { r -= 1 }
            let prepositionBefore = (lead > 0 && ctx.match(ctx.data.prepositions, endingAt: lead) != nil)
                || (r > 0 && ctx.match(ctx.data.prepositions, endingAt: r) != nil)
            if prepositionBefore || ctx.match(ctx.data.recurringDue, at: k) != nil { bound = "on" }
        }
        // 自 年 月 日起: a blank starting date (a filled one is a period's start or a date).
        if bound == nil || bound == "from", e.blank, ctx.match(ctx.data.dateFromLead, endingAt: lead) != nil {
            var k = end
            while k < t.count && FactContext.isSpace(t[k]) { k += 1 }
            if let m = ctx.match(ctx.data.dateFrom, at: k) {
                var q = m.end
                while q < t.count && FactContext.isSpace(t[q]) { q += 1 }
                if ctx.match(ctx.data.dateFromNotBefore, at: q) == nil { bound = "after"; end = m.end }
            }
        }
        guard let b = bound, b == "before" || b == "on" || b == "after" else { return nil }
        let date: String?
        if e.blank {
            // 2014年 月 日之前: a blank with the part that is filled.
            date = e.value.flatMap { FactExtractor.isoString($0) }
        } else {
            guard let v = e.value, let d = v.date ?? FactExtractor.isoString(v) else { return nil }
            date = d
        }
        let span = ctx.doc.originalSpan(e.range.lowerBound..<end)
        return Deadline(date: date, relative: nil, bound: b, obligor: obligor(of: e.range.lowerBound..<end, ctx.sentence(at: e.range.lowerBound), ctx),
                        action: action(after: end, ctx), blank: e.blank, text: ctx.doc.originalText(span), span: span)
    }

    /// 甲、乙两方应于2025年6月20日前存入…，丙方应于同日前将出资设备交付: a `sameDateRefs` word right
    /// after 于/在 or a `dueOn` word, later in the sentence of a due date and before the next date, is a
    /// deadline with that date for the obligation it starts.
    private func sameDateReferences(to d: Deadline, of e: Entity, _ ctx: FactContext) -> [Deadline] {
        let sentence = ctx.sentence(at: e.range.lowerBound)
        // Within the subject window: a text without sentence ends costs no more than one with them.
        let rest = FactContext.upTo(e.range.upperBound, min(sentence.upperBound, e.range.upperBound + FactContext.actorWindow))
        let end = ctx.entities(.date, in: rest).first { $0.range.lowerBound >= e.range.upperBound }?.range.lowerBound ?? rest.upperBound
        var out: [Deadline] = []
        for m in ctx.findAll(ctx.data.sameDateRefs, in: FactContext.upTo(e.range.upperBound, end)) {
            var k = m.range.lowerBound
            while k > rest.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            guard ctx.match(ctx.data.dueOn, endingAt: k) != nil || ctx.match(ctx.data.prepositions, endingAt: k) != nil else { continue }
            let span = ctx.doc.originalSpan(m.range)
            out.append(Deadline(date: d.date, relative: nil, bound: m.value, obligor: obligor(of: m.range, sentence, ctx),
                                action: action(after: m.range.upperBound, ctx), blank: d.blank, text: ctx.doc.originalText(span), span: span))
        }
        return out
    }

    /// 每年1月15日、7月15日前: a date listed (、, 和) before up to three more dates, the last of which is
    /// due before (its entity's bound or a `dateBefore` word after it).
    private func listedBeforeDueDate(_ e: Entity, _ ctx: FactContext) -> Bool {
        let t = ctx.t
        var cur = e.range
        for _ in 0..<3 {
            var k = cur.upperBound
            while k < t.count && FactContext.isSpace(t[k]) { k += 1 }
            guard let j = ctx.match(ctx.data.dateListJoiners, at: k) else { return false }
            var s = j.end
            while s < t.count && FactContext.isSpace(t[s]) { s += 1 }
            guard let next = ctx.entities(.date, in: s..<(s + 1)).first(where: { $0.range.lowerBound == s }) else { return false }
            if next.value?.bound == "before" { return true }
            var q = next.range.upperBound
            while q < t.count && FactContext.isSpace(t[q]) { q += 1 }
            if ctx.match(ctx.data.dateBefore, at: q) != nil { return true }
            cur = next.range
        }
        return false
    }

    /// 签订之日起____日内: a blank where the number of days should be.
    private func blankDurations(_ ctx: FactContext) -> [Deadline] {
        var out: [Deadline] = []
        for tok in ctx.doc.tokens where tok.kind == .blank {
            var j = Int(tok.end)
            while j < ctx.t.count && FactContext.isSpace(ctx.t[j]) { j += 1 }
            guard let unit = ctx.match(ctx.data.blankDurationUnits, at: j),
                  let bound = ctx.match(ctx.data.blankDurationBounds, at: unit.end) else { continue }
            let start = Int(tok.start)
            let anchor = bound.value == "before" ? nil : nearestAnchor(before: start, ctx)
            let lo = anchor?.range.lowerBound ?? start
            let span = ctx.doc.originalSpan(lo..<bound.end)
            out.append(Deadline(date: nil, relative: RelativeTime(anchor: anchor?.value ?? "other", anchorText: anchor.map { ctx.text($0.range) },
                                                                  amount: nil, unit: unit.value),
                                bound: bound.value, obligor: obligor(of: start..<bound.end, ctx.sentence(at: start), ctx), action: action(after: bound.end, ctx),
                                blank: true, text: ctx.doc.originalText(span), span: span))
        }
        return out
    }

    /// 合同签订之日 / 过户完当日: an event and "that day".
    private func sameDay(_ ctx: FactContext) -> [Deadline] {
        var out: [Deadline] = []
        for m in ctx.findAll(ctx.data.anchors, in: 0..<ctx.t.count) where !ctx.data.weakAnchors.contains(ctx.text(m.range)) {
            var j = m.range.upperBound
            var gap = 0
            var day: (end: Int, value: Bool)?
            while j < ctx.t.count && gap <= 4 {
                if let d = ctx.match(ctx.data.sameDay, at: j) { day = d; break }
                if !CharClass.isHan(ctx.t[j]) { break }
                j += 1; gap += 1
            }
            guard let d = day else { continue }
            var k = d.end
            while k < ctx.t.count && FactContext.isSpace(ctx.t[k]) { k += 1 }
            if ctx.match(ctx.data.sameDayBreakers, at: k) != nil || ctx.match(ctx.data.notDeadlineAfter, at: k) != nil { continue }
            // "签订之日" after 自/从 is a starting point, not a deadline.
            let phrase = ctx.phrase(at: m.range.lowerBound)
            if ctx.text(phrase.lowerBound..<m.range.lowerBound).contains(where: { "自从".contains($0) }) { continue }
            if ctx.data.sameDayNeedsPreposition.contains(ctx.text(j..<d.end)) {
                // 时/之时 make a deadline only before a payment or a handing-over (于签订本合同时支付;
                // 签订本协议之时，一次性付给甲方), not before other acts (过户时积极提供协助,
                // 支付首付款时抵作首付款).
                var q = k
                while q < ctx.t.count && (FactContext.isSpace(ctx.t[q]) || FactContext.isPhraseBreak(ctx.t[q])) && q - k < 2 { q += 1 }
                guard ctx.first(ctx.data.sameDayDue, in: q..<min(ctx.t.count, q + 8)) != nil else { continue }
            }
            let span = ctx.doc.originalSpan(m.range.lowerBound..<d.end)
            out.append(Deadline(date: nil, relative: RelativeTime(anchor: m.value, anchorText: ctx.text(m.range), amount: 0, unit: "day"),
                                bound: "on", obligor: obligor(of: m.range.lowerBound..<d.end, ctx.sentence(at: m.range.lowerBound), ctx),
                                action: action(after: k, ctx), blank: false, text: ctx.doc.originalText(span), span: span))
        }
        return out
    }

    /// The last event joiner in `r` (`eventJoiners`: 并经), or an approval by someone (`approvalLead`
    /// with one of `approvalWords` within eight characters: 经甲方书面确认).
    private func joiner(in r: Range<Int>, _ ctx: FactContext) -> Range<Int>? {
        let joined = ctx.last(ctx.data.eventJoiners, in: r)?.range
        let approval = ctx.findAll(ctx.data.approvalLead, in: r).last {
            ctx.contains(ctx.data.approvalWords, in: FactContext.upTo($0.range.upperBound, min(r.upperBound, $0.range.upperBound + 8)))
        }?.range
        guard let a = approval else { return joined }
        guard let j = joined else { return a }
        return a.lowerBound > j.lowerBound ? a : j
    }

    /// 扣除前三个月利息 / 前两个月的租金: `firstPeriodFollowers` right after the duration.
    private func namesFirstPeriod(after offset: Int, _ sentence: Range<Int>, _ ctx: FactContext) -> Bool {
        var k = offset
        while k < sentence.upperBound && FactContext.isSpace(ctx.t[k]) { k += 1 }
        return k < sentence.upperBound && ctx.match(ctx.data.firstPeriodFollowers, at: k) != nil
    }

    /// 自一方书面提出协商之日起三十日内协商不成的: a duration whose phrase says that talks fail
    /// (`failedTalks`) and ends in 的/者 states a condition, not a time to act.
    static func isFailedTalks(_ e: Entity, _ ctx: FactContext) -> Bool {
        let phrase = ctx.phrase(at: e.range.lowerBound)
        let rest = FactContext.upTo(e.range.upperBound, phrase.upperBound)
        guard ctx.contains(ctx.data.failedTalks, in: rest) else { return false }
        var k = phrase.upperBound
        while k > rest.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
        return k > rest.lowerBound && (ctx.t[k - 1] == 0x7684 /* 的 */ || ctx.t[k - 1] == 0x8005 /* 者 */)
    }

    /// The time clause before `offset` when a role right after its preposition (于/在, 自/从, 经) does
    /// one of `anchorClauseActs` (应在乙方书面通知后5日内 → from 乙方): that role gives the event the time
    /// counts from, so the obligor is looked for outside it. nil when there is none.
    private func timeClause(before offset: Int, _ ctx: FactContext) -> (start: Int, label: String)? {
        let phrase = ctx.phrase(at: offset)
        for r in ctx.roles(in: phrase.lowerBound..<offset) {
            var k = r.range.lowerBound
            while k > phrase.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
            guard ctx.match(ctx.data.prepositions, endingAt: k) != nil || ctx.match(ctx.data.dateFromLead, endingAt: k) != nil
                    || ctx.match(ctx.data.approvalLead, endingAt: k) != nil else { continue }
            var a = r.range.upperBound
            while a < offset && FactContext.isSpace(ctx.t[a]) { a += 1 }
            if ctx.match(ctx.data.anchorClauseActs, at: a) != nil { return (r.range.lowerBound, ctx.role(r.label)) }
        }
        return nil
    }

    /// Where the words of another obligation start in the sentence after `offset`: a later phrase that
    /// starts with one of `conditionLeads`, or one with a role and a modal before a time of its own.
    private func otherObligation(after offset: Int, _ sentence: Range<Int>, _ ctx: FactContext) -> Int {
        var p = ctx.phrase(at: offset).upperBound
        let stop = min(sentence.upperBound, offset + FactContext.actorWindow)
        while p < stop {
            var a = p + 1
            while a < stop && FactContext.isSpace(ctx.t[a]) { a += 1 }
            guard a < stop else { break }
            if ctx.match(ctx.data.conditionLeads, at: a) != nil { return a }
            let ph = ctx.phrase(at: a)
            for r in ctx.roles(in: ph) {
                var k = r.range.upperBound
                while k < min(ph.upperBound, r.range.upperBound + 2), ctx.data.modalFillers.contains(ctx.t[k]) { k += 1 }
                guard ctx.match(ctx.data.modals, at: k) != nil else { continue }
                let rest = FactContext.upTo(k, ph.upperBound)
                if !ctx.entities(.duration, in: rest).isEmpty || !ctx.entities(.date, in: rest).isEmpty { return ph.lowerBound }
            }
            p = ph.upperBound
        }
        return .max
    }

    /// Who must act in the deadline at `range`: its subject (``FactContext/actor(of:)``), else the one
    /// party on the side that does its act (`payActs` → `payerSides`, `performActs` → `performerSides`):
    /// 3.2 品牌保证金：…于签订本合同时同时支付 → the franchisee.
    private func obligor(of range: Range<Int>, _ sentence: Range<Int>, clauseRole: String? = nil, _ ctx: FactContext) -> String? {
        // A table row (| 第一期 | 签订之日起7个工作日内 | 30% |) says no act: its header does (付款条件).
        let own = firstAct(after: range.upperBound, sentence, ctx)
        let act = own ?? tableHeaderAct(of: range, ctx)
        // In such a row no role of its own acts (方案设计文件经发包人确认后10个工作日内): the party the
        // header's act belongs to does, before any subject carried over from the text above the table.
        if own == nil, let header = act, !ctx.roles(in: sentence).contains(where: { ctx.hasModal(after: $0.range.upperBound, limit: sentence.upperBound) }),
           let party = Self.soleParty(doing: header.sides, ctx) { return party }
        // A role after the act word (…前，完成甲方产线现场部署) is part of what is done, not who does it;
        // one the act is given to (交付甲方, 支付给乙方) still tells who gives it (the other party).
        // 第三部分 乙方责任 … 对甲方清算有疑问时应于3个工作日内向甲方书面提出: under a heading that names
        // a party's duties, a sentence with no subject of its own (no role with a modal, none leading it)
        // is that party's.
        if let h = dutyHeadingParty(above: sentence, ctx), !leadsOrBindsARole(sentence, ctx) { return h }
        // 任何一方知悉…的，应在10日内书面通知对方: any party's duty is no one party's, when no role
        // with a modal comes between that subject and the deadline.
        if let any = ctx.last(ctx.data.anyPartySubjects, in: sentence.lowerBound..<range.lowerBound), ctx.opensClause(any.range, in: sentence),
           !ctx.roles(in: any.range.upperBound..<range.lowerBound).contains(where: { ctx.hasModal(after: $0.range.upperBound, limit: range.lowerBound) }) {
            return nil
        }
        var limit = otherObligation(after: range.upperBound, sentence, ctx)
        if let a = act, let r = ctx.roles(in: a.start..<ctx.phrase(at: a.start).upperBound).first,
           !ctx.data.objectMarkers.contains(ctx.t[r.range.lowerBound - 1]) { limit = min(limit, a.start) }
        if let a = ctx.actor(of: range, limit: limit) { return a }
        // 经甲方书面通知后三十日内仍未修复者: the one notified, the other of two parties.
        if let c = clauseRole {
            let parties = Set(ctx.primaryRole.values)
            if parties.count == 2, parties.contains(c), let other = parties.subtracting([c]).first { return other }
        }
        return act.flatMap { Self.soleParty(doing: $0.sides, ctx) }
    }


    /// The one party whose side does an act (payerSides, performerSides), if only one does.
    private static func soleParty(doing sides: Set<String>, _ ctx: FactContext) -> String? {
        let parties = ctx.sides.filter { sides.contains($0.value) }.map(\.key)
        return parties.count == 1 ? parties[0] : nil
    }

    /// The party a heading above `sentence` names the duties of (`dutyHeadings` after its role: 第三部分
    /// 乙方责任, 第四条 甲方的义务): the nearest article heading, else a part or chapter heading above it
    /// (an article further up — 第五条 甲方的义务 above 第七条 合同解除 — holds other sentences).
    private func dutyHeadingParty(above sentence: Range<Int>, _ ctx: FactContext) -> String? {
        guard var i = ctx.doc.sentenceIndex(at: sentence.lowerBound) else { return nil }
        var passedArticle = false
        for _ in 0..<Self.headingLookBack {
            let s = ctx.doc.sentences[i].range
            var k = s.lowerBound
            while k < s.upperBound && FactContext.isSpace(ctx.t[k]) { k += 1 }
            if let h = HeadingScanner.match(ctx.t, at: k, limit: s.upperBound), h.style == .chapter || h.style == .section || h.style == .article,
               h.style != .article || !passedArticle {
                if h.style == .article { passedArticle = true }
                var a = h.end
                while a < s.upperBound && FactContext.isSpace(ctx.t[a]) { a += 1 }
                if let r = ctx.roles(in: a..<min(s.upperBound, a + 1)).first {
                    var d = r.range.upperBound
                    if d < s.upperBound && ctx.t[d] == 0x7684 /* 的 */ { d += 1 }
                    if ctx.match(ctx.data.dutyHeadings, at: d) != nil { return ctx.role(r.label) }
                }
                if h.style != .article { return nil }
            }
            guard i > 0 else { break }
            i -= 1
        }
        return nil
    }

    static let headingLookBack = 40

    /// Whether a role leads `sentence` (after its numbering) or one of its phrases (货到后10日内，甲方
    /// 付款), or carries a modal in it (乙方应…).
    private func leadsOrBindsARole(_ sentence: Range<Int>, _ ctx: FactContext) -> Bool {
        var k = sentence.lowerBound
        while k < sentence.upperBound && FactContext.isSpace(ctx.t[k]) { k += 1 }
        if let h = HeadingScanner.match(ctx.t, at: k, limit: sentence.upperBound) { k = h.end }
        while k < sentence.upperBound && FactContext.isSpace(ctx.t[k]) { k += 1 }
        let window = sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + FactContext.actorWindow)
        for r in ctx.roles(in: window) {
            if r.range.lowerBound == k { return true }
            var j = r.range.lowerBound
            while j > window.lowerBound && FactContext.isSpace(ctx.t[j - 1]) { j -= 1 }
            if j > window.lowerBound && FactContext.isPhraseBreak(ctx.t[j - 1]) && ctx.t[j - 1] != 0x3001 /* 、 */ { return true }
            var m = r.range.upperBound
            while m < min(window.upperBound, r.range.upperBound + 2), ctx.data.modalFillers.contains(ctx.t[m]) { m += 1 }
            if ctx.match(ctx.data.modals, at: m) != nil { return true }
        }
        return false
    }

    /// The act a time sets, when it starts the words after the time (同时支付, 一次性付清, ，完成…): a
    /// pay or perform word within four characters there, in that phrase (…提前60日书面通知对方，并结清费用
    /// is a notice); its start and the sides that do it.
    private func firstAct(after offset: Int, _ sentence: Range<Int>, _ ctx: FactContext) -> (start: Int, sides: Set<String>)? {
        var k = offset
        var breaks = 0
        while k < sentence.upperBound {
            let c = ctx.t[k]
            if FactContext.isSpace(c) || Self.timeTails.contains(c) { k += 1; continue }
            if (c == 0x2C || c == 0xFF0C) && breaks == 0 { breaks += 1; k += 1; continue }
            break
        }
        var phraseEnd = k
        while phraseEnd < min(sentence.upperBound, k + 8) && !FactContext.isPhraseBreak(ctx.t[phraseEnd]) { phraseEnd += 1 }
        let act = k..<phraseEnd
        let starts = { (m: (range: Range<Int>, value: Bool)) in m.range.lowerBound - k <= 3 }
        let pay = ctx.first(ctx.data.payActs, in: act).flatMap { starts($0) ? $0 : nil }
        let perform = ctx.first(ctx.data.performActs, in: act).flatMap { starts($0) ? $0 : nil }
        return Self.earlierAct(pay, perform, ctx)
    }

    /// Of a pay act and a perform act found, the earlier one: where it starts and the sides that do it.
    private static func earlierAct(_ pay: (range: Range<Int>, value: Bool)?, _ perform: (range: Range<Int>, value: Bool)?,
                                   _ ctx: FactContext) -> (start: Int, sides: Set<String>)? {
        switch (pay, perform) {
        case let (p?, f?): return p.range.lowerBound <= f.range.lowerBound ? (p.range.lowerBound, ctx.data.payerSides) : (f.range.lowerBound, ctx.data.performerSides)
        case let (p?, nil): return (p.range.lowerBound, ctx.data.payerSides)
        case let (nil, f?): return (f.range.lowerBound, ctx.data.performerSides)
        case (nil, nil): return nil
        }
    }

    /// The bound a table's lead sentence gives the dates in its cells: the nearest of the few lines
    /// above the header that points at the table (下表所列, 如下). A date word there with 前 after it
    /// (支付日或之前, 各期日期前) or 不迟于 in it is "before"; a lead that names the days (下表所列租金
    /// 支付日) without either is "on"; a line that points at the table but names no day (租金支付表如下)
    /// passes to the line above it; nil when none of them decides.
    private static func tableLeadBound(above headerStart: Int, _ ctx: FactContext) -> String? {
        let t = ctx.t
        var end = headerStart
        for _ in 0..<3 {
            guard end > 0 else { return nil }
            let start = ctx.lineStart(before: end)
            let line = start..<max(start, end - 1)
            end = start
            guard ctx.contains(ctx.data.tableLeadReferences, in: line) else { continue }
            if ctx.contains(ctx.data.dueBy, in: line) { return "before" }
            var namesDays = false
            for i in line where t[i] == 0x65E5 || t[i] == 0x671F {  // 日, 期
                namesDays = namesDays || t[i] == 0x65E5
                var k = i + 1
                while k < line.upperBound && FactContext.isSpace(t[k]) { k += 1 }
                if ctx.match(ctx.data.dateBefore, at: k) != nil { return "before" }
            }
            if namesDays { return "on" }
        }
        return nil
    }

    /// The act a table's header row names (付款条件, 付款时间, 交付期限), for a time in a cell of one of
    /// its rows (rows are lines of tab-separated cells once normalized).
    private func tableHeaderAct(of range: Range<Int>, _ ctx: FactContext) -> (start: Int, sides: Set<String>)? {
        guard let line = ctx.tableHeader(of: range.lowerBound) else { return nil }
        guard let act = Self.earlierAct(ctx.first(ctx.data.payActs, in: line), ctx.first(ctx.data.performActs, in: line), ctx) else { return nil }
        // The act stands in the header, so no role after it in the row limits the search for one.
        return (range.upperBound, act.sides)
    }

    /// Whether `r` fills a table cell: only spaces between it and the tabs or line ends around it.
    private func isCell(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        let t = ctx.t
        var a = r.lowerBound
        while a > 0 && FactContext.isSpace(t[a - 1]) && t[a - 1] != 0x09 { a -= 1 }
        var b = r.upperBound
        while b < t.count && FactContext.isSpace(t[b]) && t[b] != 0x09 { b += 1 }
        let opens = a == 0 || t[a - 1] == 0x09 || t[a - 1] == 0x0A
        let closes = b == t.count || t[b] == 0x09 || t[b] == 0x0A
        return opens && closes
    }

    /// 内/前/后/起/之/时: the last characters of a time, before the act it sets.
    static let timeTails = ScalarSet("内前后起之时以")

    /// The rest of the phrase after a deadline: what is due.
    private func action(after offset: Int, _ ctx: FactContext) -> String? {
        guard offset < ctx.t.count else { return nil }
        let p = ctx.phrase(at: offset)
        var a = offset
        while a < p.upperBound, ctx.match(ctx.data.beforeMarkers, at: a) != nil || "内前后起".unicodeScalars.contains(where: { $0.value == ctx.t[a] }) { a += 1 }
        // Up to the first amount of money (the action, not what is paid), at most 24 characters.
        var e = min(p.upperBound, a + 24)
        if let m = ctx.entities(.money, in: a..<e).first { e = max(a, m.range.lowerBound) }
        let r = ctx.trimmed(a..<e)
        return r.isEmpty ? nil : ctx.text(r)
    }
}
