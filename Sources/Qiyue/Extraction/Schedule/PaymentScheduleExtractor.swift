/// The payment schedule: sentences (or list items) that pay a share of the total (合同总价的30%)
/// or an instalment amount (首付款, 进度款, 尾款), each with the trigger of its deadline, in order;
/// a cumulative share (累计支付至95%) counts as what it adds, over what was paid before (as shares
/// or as sums of the total). Also: a principal repaid in parts (归还本金, `repaymentPurposes`),
/// retention money kept from the price (剩余工程款…作为质量保证金, `retentionPurposes`), and the rest
/// paid without a figure after the shares (支付50%，于过户后支付余款 → the other 50%). A deadline
/// for another act in the sentence (应于…前向银行提交贷款申请) is not the instalment's. Then
/// whether it adds up: shares to 100%, or amounts to no more than the total price. Wording from
/// Rules/facts/schedule.yaml.
struct PaymentScheduleExtractor {
    /// The elements of a list sorted by span start whose span lies inside `outer`.
    static func within<T>(_ list: [T], _ outer: TextSpan, _ span: (T) -> TextSpan) -> [T] {
        let lo = list.partitioningIndex { span($0).start >= outer.start }
        var e = lo
        while e < list.count && span(list[e]).start < outer.end { e += 1 }
        return list[lo..<e].filter { span($0).end <= outer.end }
    }

    /// The elements of a list sorted by span start whose span starts inside `outer`.
    static func starting<T>(_ list: [T], _ outer: TextSpan, _ span: (T) -> TextSpan) -> [T] {
        let lo = list.partitioningIndex { span($0).start >= outer.start }
        var e = lo
        while e < list.count && span(list[e]).start < outer.end { e += 1 }
        return Array(list[lo..<e])
    }

    /// `total` is the contract's total price; `totals`, every total the text states (a financing
    /// lease states the goods' price first and the rent total later): sums that make one of them
    /// exactly add up too.
    func extract(_ ctx: FactContext, amounts: [Amount], deadlines: [Deadline], total: Double?, totals: [Double] = []) -> (items: [Instalment], addsUp: Bool?)? {
        let data = ctx.data.schedule
        var items: [Instalment] = []
        var offsets: [Bool] = []   // an instalment of a purpose set off against the price (定金)
        var paidShare = 0.0
        var paidUnknown = false   // an instalment of something else than the total was paid (已完工程量的75%)
        let sentences = ctx.doc.sentences
        var si = 0
        while si < sentences.count {
            var r = sentences[si].range
            si += 1
            // A row of a table whose header names the payment (付款条件 | 比例 | 金额) pays too.
            let paymentRow = ctx.tableHeader(of: r.lowerBound).map { ctx.contains(ctx.data.scheduleVerbs, in: $0) } == true
            var hasVerb = paymentRow || ctx.contains(ctx.data.scheduleVerbs, in: r)
            // A sentence cut by a line break (剩余房款…于过户完成后5个工作日内⏎一次性支付给甲方。) goes on.
            if !hasVerb, si < sentences.count, let next = continuation(of: r, sentences[si].range, ctx) {
                r = r.lowerBound..<next.upperBound
                si += 1
                hasVerb = true
            }
            let whole = ctx.withListLead(r)
            guard hasVerb, !ctx.contains(ctx.data.penaltyWords, in: whole), !isTotalRow(r, ctx),
                  !(ctx.contains(ctx.data.scheduleRefundVerbs, in: whole) && ctx.contains(ctx.data.scheduleAlreadyPaid, in: whole)) else { continue }
            let shares = ctx.entities(.percentage, in: r).filter { p in
                guard let v = p.value?.value, v > 0, v <= 1, r.contains(p.range.lowerBound) else { return false }
                let phrase = ctx.phrase(at: p.range.lowerBound)
                // 按成交价的1.5%向乙方支付居间服务费: a rate that sets a fee, not a share of the price.
                // So is a share that sets a bond the other side posts (合同总价5%的履约保证金), unlike retention.
                let named = ctx.first(ctx.data.purposeCues, in: p.range.upperBound..<max(p.range.upperBound, phrase.upperBound))
                let setsFee = named?.value == "fee" || named.map { (data.retentionPurposes ?? []).contains($0.value)
                    && !(data.retentionCues ?? []).contains(ctx.text($0.range)) } ?? false
                // 履约保证金，金额为合同总金额的5%，即人民币119,300元: the share measures a bond, not a payment.
                let pEnd = ctx.doc.originalSpan(p.range).end
                if let sum = amounts.first(where: { $0.span.start >= pEnd && $0.span.start - pEnd <= Self.measuredSumGap }),
                   (ctx.data.amounts.measuredByShare ?? []).contains(sum.purpose),
                   !(data.retentionCues ?? []).contains(sum.purposeCue ?? "") { return false }
                let lead = max(r.lowerBound, phrase.lowerBound)..<p.range.lowerBound
                // 每月按已完成工作量的70%支付进度款: a progress payment (listed without a share), not a rate.
                if !setsFee, ctx.contains(ctx.data.scheduleOtherBases, in: lead) { return true }
                return !setsFee && !ctx.contains(ctx.data.capWords, in: lead) && ctx.first(ctx.data.periodic, in: lead) == nil
            }
            let sentenceSpan = ctx.doc.originalSpan(r)
            // Both lists are in text order: the ones inside the sentence by binary search.
            // A blank instalment of a template (首付款____元) is one too, with no amount; a principal
            // counts where it is repaid, retention money where the sentence names a share or the rest.
            let repaid = ctx.contains(ctx.data.scheduleRepaymentVerbs, in: r)
            // The amounts starting in the sentence (one may run past a line break that ends it:
            // 人民币壹拾伍万元整⏎（¥150,000.00）).
            let starting = Self.starting(amounts, sentenceSpan, \.span)
            // In a row of a payment table, the row's one sum is its instalment, whatever it pays
            // (期次 | 租金支付日 | 应付租金: rent paid in parts of the total).
            let rowSums = paymentRow ? starting.filter { $0.value != nil } : []
            let counts = { (a: Amount) -> Bool in
                if data.purposes.contains(a.purpose) { return true }
                if rowSums.count == 1, a.span == rowSums[0].span, a.purpose != "total_price" { return true }
                if repaid && (data.repaymentPurposes ?? []).contains(a.purpose) { return true }
                return (data.retentionPurposes ?? []).contains(a.purpose) && (data.retentionCues ?? []).contains(a.purposeCue ?? "")
                    && (!shares.isEmpty || self.namesRest(before: a, in: r, ctx))
            }
            let inSentence = starting.filter { $0.value != nil || $0.blank && counts($0) }
            // A deadline of another act (应于…前向贷款银行提交贷款申请) is not the instalment's; in a
            // row of a payment table every time is the payment's.
            let sentenceDeadlines = Self.within(deadlines, sentenceSpan, \.span).filter { d in
                paymentRow || d.action.map { act in ctx.data.scheduleVerbs.occurs(in: act.unicodeScalars.map(\.value)) } ?? true
            }
            // One instalment per share (两期写在一句里: 签订后支付50%，验收后支付其余50%), else per sentence;
            // after the last share, the rest paid without a figure (…，于过户后支付余款) is one more.
            var parts: [(share: Entity?, from: Int, to: Int, range: Range<Int>, rest: Bool)] = []
            if shares.isEmpty {
                // Two instalments or more with their sums in one sentence (于 年 月 日前交付转让款 元，
                // 余款 元于…前付清): one per sum, each from its phrase on.
                let starts = amountPhraseStarts(inSentence.filter(counts), in: r, ctx)
                var nFrom = r.lowerBound
                for k in 0...starts.count {
                    let nTo = k < starts.count ? starts[k] : r.upperBound
                    let from = ctx.doc.originalSpan(nFrom..<max(nFrom, nTo)).start
                    let to = k < starts.count ? ctx.doc.originalSpan(starts[k]..<r.upperBound).start : sentenceSpan.end
                    parts.append((nil, k == 0 ? sentenceSpan.start : from, to, nFrom..<nTo, false))
                    nFrom = nTo
                }
            } else {
                var from = sentenceSpan.start, nFrom = r.lowerBound
                for (k, sh) in shares.enumerated() {
                    let nTo = k + 1 < shares.count ? ctx.phrase(at: shares[k + 1].range.lowerBound).lowerBound : r.upperBound
                    let to = k + 1 < shares.count ? ctx.doc.originalSpan(ctx.phrase(at: shares[k + 1].range.lowerBound)).start : sentenceSpan.end
                    parts.append((sh, from, max(from, to), nFrom..<max(nFrom, nTo), false))
                    from = max(from, to)
                    nFrom = max(nFrom, nTo)
                }
                if let last = shares.last, let rest = restPaid(after: last, in: r, ctx) {
                    let span = ctx.doc.originalSpan(rest)
                    let k = parts.count - 1
                    parts[k].to = max(parts[k].from, span.start)
                    parts[k].range = parts[k].range.lowerBound..<max(parts[k].range.lowerBound, rest.lowerBound)
                    parts.append((nil, span.start, sentenceSpan.end, rest, true))
                }
            }
            for part in parts {
                let amount = part.rest ? nil : inSentence.first { counts($0) && $0.span.start >= part.from && $0.span.start < part.to }
                    ?? (part.share != nil ? inSentence.first { $0.purpose != "total_price" && $0.span.start >= part.from && $0.span.start < part.to } : nil)
                guard part.share != nil || amount != nil || part.rest else { continue }
                let deadline = sentenceDeadlines.first { $0.span.start >= part.from && $0.span.end <= part.to }
                    ?? (parts.count == 1 ? sentenceDeadlines.first : nil)
                let trigger = self.trigger(deadline, part.range, parts.count, ctx)
                var shareValue = part.share?.value?.value
                if part.rest {
                    guard paidShare > 0.005 && paidShare < 0.995 else { continue }
                    shareValue = ((1 - paidShare) * 1_000_000).rounded() / 1_000_000
                }
                if let v = shareValue, let p = part.share {
                    let phrase = ctx.phrase(at: p.range.lowerBound)
                    let lead = max(r.lowerBound, phrase.lowerBound)..<p.range.lowerBound
                    if ctx.contains(ctx.data.scheduleOtherBases, in: lead) {
                        // 支付已完工程量价款的75%: a share of the work done, not of the price.
                        shareValue = nil
                        paidUnknown = true
                    } else if ctx.contains(ctx.data.scheduleCumulative, in: lead) {
                        // 支付至结算价款的97%: the rest up to it, when what was paid before is known.
                        shareValue = paidUnknown ? nil : (v > paidShare ? v - paidShare : v)
                    }
                }
                let offset = amount.map { (data.offset ?? []).contains($0.purpose) } ?? false
                // What is paid so far: shares, or sums of a stated total (for a later cumulative share).
                if let v = shareValue { paidShare += v } else if !offset, let a = amount?.value, let t = total, t > 0, a <= t { paidShare += a / t }
                offsets.append(offset)
                items.append(Instalment(share: shareValue, amount: amount?.value, trigger: trigger, deadline: deadline?.text,
                                        span: TextSpan(part.from, part.to)))
            }
        }
        guard items.count >= 2 else { return nil }
        // What the check counts: every instalment given as a share, and the others unless they are
        // set off against the price (a 定金 mentioned on its own).
        let counted = items.indices.filter { items[$0].share != nil || !offsets[$0] }.map { items[$0] }
        var addsUp: Bool?
        if counted.count >= 2, counted.allSatisfy({ $0.share != nil }) {
            let sum = counted.reduce(0) { $0 + ($1.share ?? 0) }
            addsUp = abs(sum - 1) <= data.shareTolerance
        } else if let t = total, counted.count >= 2, counted.allSatisfy({ $0.amount != nil }) {
            let sum = counted.reduce(0) { $0 + ($1.amount ?? 0) }
            addsUp = sum <= t + 1 || totals.contains { abs($0 - sum) <= 1 }
        }
        // An instalment given as a sum is also a share of a stated total (38,400 of 128,000 → 30%);
        // a 定金 set off against the price too (it is paid as part of it).
        if let t = total, t > 0 {
            for i in items.indices where items[i].share == nil {
                if let a = items[i].amount, a <= t { items[i].share = (a / t * 1_000_000).rounded() / 1_000_000 }
            }
        }
        return (items, addsUp)
    }

    /// The trigger of an instalment: its deadline's anchor (a dated deadline: `date`); without one,
    /// the event named nearest before the payment verb (服务期满经甲方验收合格后，甲方支付 →
    /// acceptance), or a date before the verb (已于2025年11月20日支付定金 → date); else other.
    private func trigger(_ deadline: Deadline?, _ part: Range<Int>, _ partCount: Int, _ ctx: FactContext) -> String {
        let data = ctx.data.schedule
        let verb = ctx.first(ctx.data.scheduleVerbs, in: part)?.range.lowerBound ?? part.upperBound
        var trigger: String
        if let d = deadline {
            trigger = d.relative.map { data.triggers[$0.anchor] ?? "other" } ?? "date"
        } else if let cue = ctx.findAll(ctx.data.anchors, in: part).last(where: { $0.range.upperBound <= verb }) {
            trigger = data.triggers[cue.value] ?? "other"
        } else if ctx.entities(.date, in: part.lowerBound..<verb).contains(where: { $0.value?.date != nil }) {
            trigger = "date"
        } else if let cue = ctx.findAll(ctx.data.anchors, in: part).first {
            trigger = data.triggers[cue.value] ?? "other"
        } else {
            trigger = "other"
        }
        // 验收合格后，收到发票之日起30日内支付: the invoice only starts the clock; the
        // instalment is paid on the event the sentence names (deferTo in schedule.yaml).
        if partCount == 1, let over = data.deferTo?[trigger] {
            let named = Set(ctx.findAll(ctx.data.anchors, in: part).map { data.triggers[$0.value] ?? "other" })
            if let t = over.first(where: named.contains) { trigger = t }
        }
        return trigger
    }

    /// After the phrase of the last share: a phrase that pays the rest with no figure (…，于过户后
    /// 支付余款) — a payment verb and a balance cue, no amount, no share.
    private func restPaid(after share: Entity, in r: Range<Int>, _ ctx: FactContext) -> Range<Int>? {
        let from = ctx.phrase(at: share.range.lowerBound).upperBound
        guard from < r.upperBound else { return nil }
        let tail = from..<r.upperBound
        guard ctx.contains(ctx.data.scheduleVerbs, in: tail), ctx.entities(.money, in: tail).isEmpty,
              ctx.entities(.percentage, in: tail).isEmpty,
              ctx.findAll(ctx.data.purposeCues, in: tail).contains(where: { $0.value == "balance" }) else { return nil }
        return ctx.trimmed(tail)
    }

    /// A balance cue (剩余, 余款) in the phrase before the amount: the rest of the price is kept.
    private func namesRest(before a: Amount, in r: Range<Int>, _ ctx: FactContext) -> Bool {
        guard let m = ctx.entities(.money, in: r).first(where: { ctx.doc.originalSpan($0.range).start == a.span.start }) else { return false }
        let from = max(r.lowerBound, ctx.phrase(at: m.range.lowerBound).lowerBound)
        return ctx.findAll(ctx.data.purposeCues, in: from..<m.range.lowerBound).contains { $0.value == "balance" }
    }

    /// The next sentence when `r` was cut from it by a line break: `r` ends with no sentence mark and
    /// the next line goes on with a word, not a heading or a list item.
    private func continuation(of r: Range<Int>, _ next: Range<Int>, _ ctx: FactContext) -> Range<Int>? {
        var e = r.upperBound
        while e > r.lowerBound && (FactContext.isSpace(ctx.t[e - 1]) || ctx.t[e - 1] == Scalar.lineFeed) { e -= 1 }
        guard e > r.lowerBound, CharClass.isHan(ctx.t[e - 1]) else { return nil }
        let gap = e..<next.lowerBound
        guard gap.filter({ ctx.t[$0] == Scalar.lineFeed }).count == 1, gap.allSatisfy({ FactContext.isSpace(ctx.t[$0]) || ctx.t[$0] == Scalar.lineFeed }) else { return nil }
        var b = next.lowerBound
        while b < next.upperBound && FactContext.isSpace(ctx.t[b]) { b += 1 }
        guard b < next.upperBound, CharClass.isHan(ctx.t[b]), ctx.t[b] != 0x7B2C else { return nil }   // 第三条
        if Self.listMarks.contains(ctx.t[b]), b + 1 < next.upperBound, Self.listPunct.contains(ctx.t[b + 1]) { return nil }   // 一、
        // The cut line holds no verb yet (the caller knows), the next has one: 剩余房款…5个工作日内⏎一次性支付给甲方。
        guard ctx.contains(ctx.data.scheduleVerbs, in: next) else { return nil }
        return next
    }

    /// Numerals that open a list item when a list mark follows (一、, 三.).
    private static let listMarks = ScalarSet("一二三四五六七八九十")
    private static let listPunct = ScalarSet("、.．)）")

    /// The phrase starts of the second and later of `list` (amounts that count, in text order) in
    /// `r`, increasing; empty when there are fewer than two or they share phrases.
    private func amountPhraseStarts(_ list: [Amount], in r: Range<Int>, _ ctx: FactContext) -> [Int] {
        guard list.count >= 2 else { return [] }
        let money = ctx.entities(.money, in: r)
        var out: [Int] = []
        var last = r.lowerBound
        for a in list.dropFirst() {
            guard let m = money.first(where: { ctx.doc.originalSpan($0.range).start == a.span.start }) else { return [] }
            let p = ctx.phrase(at: m.range.lowerBound).lowerBound
            guard p > last else { return [] }
            out.append(p)
            last = p
        }
        return out
    }

    /// How far after a share the sum it measures may start (，即人民币).
    static let measuredSumGap = 12

    /// Whether `r` is the closing row of a table that sums the rows above (合计\t\t100%\t780,000.00).
    private func isTotalRow(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound && FactContext.isSpace(ctx.t[k]) { k += 1 }
        guard let m = ctx.match(ctx.data.scheduleTotalRows, at: k) else { return false }
        var e = m.end
        while e < r.upperBound && ctx.t[e] == 0x20 { e += 1 }
        return e < r.upperBound && ctx.t[e] == 0x09
    }
}
