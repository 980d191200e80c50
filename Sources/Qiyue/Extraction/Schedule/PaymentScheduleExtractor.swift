/// The payment schedule: sentences (or list items) that pay a share of the total (合同总价的30%)
/// or an instalment amount (首付款, 进度款, 尾款), each with the trigger of its deadline, in order;
/// a cumulative share (累计支付至95%) counts as what it adds. Then whether it adds up: shares to
/// 100%, or amounts to no more than the total price. Wording from Rules/facts/schedule.yaml.
struct PaymentScheduleExtractor {
    /// The elements of a list sorted by span start whose span lies inside `outer`.
    static func within<T>(_ list: [T], _ outer: TextSpan, _ span: (T) -> TextSpan) -> [T] {
        let lo = list.partitioningIndex { span($0).start >= outer.start }
        var e = lo
        while e < list.count && span(list[e]).start < outer.end { e += 1 }
        return list[lo..<e].filter { span($0).end <= outer.end }
    }

    func extract(_ ctx: FactContext, amounts: [Amount], deadlines: [Deadline], total: Double?) -> (items: [Instalment], addsUp: Bool?)? {
        let data = ctx.data.schedule
        var items: [Instalment] = []
        var offsets: [Bool] = []   // an instalment of a purpose set off against the price (定金)
        var paidShare = 0.0
        for s in ctx.doc.sentences {
            let r = s.range
            guard ctx.contains(ctx.data.scheduleVerbs, in: r), !ctx.contains(ctx.data.penaltyWords, in: r) else { continue }
            let shares = ctx.entities(.percentage, in: r).filter { p in
                guard let v = p.value?.value, v > 0, v <= 1, r.contains(p.range.lowerBound) else { return false }
                let phrase = ctx.phrase(at: p.range.lowerBound)
                // 按成交价的1.5%向乙方支付居间服务费: a rate that sets a fee, not a share of the price.
                let setsFee = ctx.first(ctx.data.purposeCues, in: p.range.upperBound..<max(p.range.upperBound, phrase.upperBound))?.value == "fee"
                return !setsFee && !ctx.contains(ctx.data.capWords, in: max(r.lowerBound, phrase.lowerBound)..<p.range.lowerBound)
                    && ctx.first(ctx.data.periodic, in: max(r.lowerBound, phrase.lowerBound)..<p.range.lowerBound) == nil
            }
            let sentenceSpan = ctx.doc.originalSpan(r)
            // Both lists are in text order: the ones inside the sentence by binary search.
            // A blank instalment of a template (首付款____元) is one too, with no amount.
            let inSentence = Self.within(amounts, sentenceSpan, \.span).filter { $0.value != nil || $0.blank && data.purposes.contains($0.purpose) }
            let sentenceDeadlines = Self.within(deadlines, sentenceSpan, \.span)
            // One instalment per share (两期写在一句里: 签订后支付50%，验收后支付其余50%), else per sentence.
            var parts: [(share: Entity?, from: Int, to: Int)] = []
            if shares.isEmpty {
                parts = [(nil, sentenceSpan.start, sentenceSpan.end)]
            } else {
                var from = sentenceSpan.start
                for (k, sh) in shares.enumerated() {
                    let to = k + 1 < shares.count ? ctx.doc.originalSpan(ctx.phrase(at: shares[k + 1].range.lowerBound)).start : sentenceSpan.end
                    parts.append((sh, from, max(from, to)))
                    from = max(from, to)
                }
            }
            for part in parts {
                let amount = inSentence.first { data.purposes.contains($0.purpose) && $0.span.start >= part.from && $0.span.end <= part.to }
                    ?? (part.share != nil ? inSentence.first { $0.purpose != "total_price" && $0.span.start >= part.from && $0.span.end <= part.to } : nil)
                guard part.share != nil || amount != nil else { continue }
                let deadline = sentenceDeadlines.first { $0.span.start >= part.from && $0.span.end <= part.to } ?? (parts.count == 1 ? sentenceDeadlines.first : nil)
                var trigger: String
                if let d = deadline {
                    trigger = d.relative.map { data.triggers[$0.anchor] ?? "other" } ?? "date"
                } else if let cue = ctx.findAll(ctx.data.anchors, in: r).first {
                    trigger = data.triggers[cue.value] ?? "other"
                } else {
                    trigger = "other"
                }
                // 验收合格后，收到发票之日起30日内支付: the invoice only starts the clock; the
                // instalment is paid on the event the sentence names (deferTo in schedule.yaml).
                if parts.count == 1, let over = data.deferTo?[trigger] {
                    let named = Set(ctx.findAll(ctx.data.anchors, in: r).map { data.triggers[$0.value] ?? "other" })
                    if let t = over.first(where: named.contains) { trigger = t }
                }
                var shareValue = part.share?.value?.value
                if let v = shareValue, let p = part.share {
                    let phrase = ctx.phrase(at: p.range.lowerBound)
                    if ctx.contains(ctx.data.scheduleCumulative, in: max(r.lowerBound, phrase.lowerBound)..<p.range.lowerBound), v > paidShare {
                        shareValue = v - paidShare
                    }
                    paidShare += shareValue ?? 0
                }
                offsets.append(amount.map { (data.offset ?? []).contains($0.purpose) } ?? false)
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
            addsUp = sum <= t + 1
        }
        // An instalment given as a sum is also a share of a stated total (38,400 of 128,000 → 30%).
        if let t = total, t > 0 {
            for i in items.indices where items[i].share == nil && !offsets[i] {
                if let a = items[i].amount, a <= t { items[i].share = (a / t * 1_000_000).rounded() / 1_000_000 }
            }
        }
        return (items, addsUp)
    }
}
